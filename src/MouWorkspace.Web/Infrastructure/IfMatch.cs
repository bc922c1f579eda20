namespace MouWorkspace.Web.Infrastructure;

/// <summary>Clause versions travel as strong ETags: <c>"3"</c>.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>Reads <c>"3"</c>, <c>W/"3"</c> or <c>3</c>.</summary>
    public static bool TryParse(string? header, out int version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(header))
            return false;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        return int.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
