namespace MouWorkspace.Web.Components.Shared;

public static class Hashes
{
    /// <summary>"sha256:0123456789ab…": enough to tell hashes apart on a page; the API has the whole value.</summary>
    public static string Short(string hash)
    {
        var colon = hash.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon >= 0 ? hash[..(colon + 1)] : "";
        var value = colon >= 0 ? hash[(colon + 1)..] : hash;
        return value.Length > 12 ? prefix + value[..12] + "…" : hash;
    }
}
