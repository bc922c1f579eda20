using System.Globalization;

namespace MouWorkspace.Documents.Charts;

/// <summary>One column of the reform chart: the items of one pillar owned by one organization, counted by status.</summary>
public sealed record ReformChartColumn(string Pillar, string Organization, string Label, IReadOnlyDictionary<string, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();
}

/// <summary>
/// Reform items by status per pillar and organization: the same numbers for the board's chart (SVG, in the page)
/// and the report's image (PNG, in the .docx), with the same words for their text alternatives.
/// </summary>
public static class ReformChart
{
    public static readonly IReadOnlyList<string> Pillars = ["protection", "prevention", "prosecution", "reform-not-finalized"];

    public static readonly IReadOnlyList<string> Statuses = ["completed", "in-progress", "not-started", "stalled"];

    /// <summary>Status colors (each also named in the legend and the table: never the only cue).</summary>
    public static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>
    {
        ["completed"] = "#1e6b2a", ["in-progress"] = "#0b5cad", ["not-started"] = "#8a8a96", ["stalled"] = "#b36b00",
    };

    public static string PillarTitle(string pillar) => pillar switch
    {
        "protection" => "Protection",
        "prevention" => "Prevention",
        "prosecution" => "Prosecution",
        "reform-not-finalized" => "Reform not finalized",
        _ => pillar,
    };

    public static string StatusTitle(string status) => status switch
    {
        "completed" => "completed",
        "in-progress" => "in progress",
        "not-started" => "not started",
        "stalled" => "stalled",
        _ => status,
    };

    /// <summary>The columns that have items, in pillar order, then by organization.</summary>
    public static IReadOnlyList<ReformChartColumn> Columns(IEnumerable<(string Pillar, string Organization, string Status)> items) =>
        items.GroupBy(i => (i.Pillar, Organization: i.Organization.ToLowerInvariant()))
            .OrderBy(g => Order(g.Key.Pillar)).ThenBy(g => g.Key.Organization, StringComparer.Ordinal)
            .Select(g => new ReformChartColumn(g.Key.Pillar, g.Key.Organization,
                $"{PillarTitle(g.Key.Pillar)} · {g.Key.Organization.ToUpperInvariant()}",
                Statuses.ToDictionary(s => s, s => g.Count(i => i.Status == s))))
            .ToArray();

    /// <summary>The chart in words: its text alternative.</summary>
    public static string Describe(IReadOnlyList<ReformChartColumn> columns) =>
        columns.Count == 0 ? "No reform items." :
        "Reform items by status per pillar and organization: " + string.Join("; ", columns.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Label}: {c.Total} ({string.Join(", ", Statuses.Where(s => c.ByStatus[s] > 0).Select(s => $"{c.ByStatus[s]} {StatusTitle(s)}"))})"))) + ".";

    private static int Order(string pillar)
    {
        var index = Pillars.ToList().IndexOf(pillar);
        return index < 0 ? int.MaxValue : index;
    }
}
