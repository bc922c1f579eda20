namespace MouWorkspace.Documents.Charts;

/// <summary>A value for a named category (a revision, a region, a pillar and organization), as the page charts bind them.</summary>
public sealed record CategoryPoint(string Category, double Value);

/// <summary>A value on a day (cumulative adoptions).</summary>
public sealed record DatePoint(DateTime Date, double Value)
{
    public string Day => DateOnly.FromDateTime(Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
