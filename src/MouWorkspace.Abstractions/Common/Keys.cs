namespace MouWorkspace.Abstractions.Common;

/// <summary>Grain keys, defined once: a clause grain is keyed by its MOU and its own id.</summary>
public static class ClauseKey
{
    public static string For(string mouId, string clauseId) => $"{mouId}/{clauseId}";

    /// <summary>The clause's version in another language (a clause grain of its own, see docs/documents.md).</summary>
    public static string For(string mouId, string clauseId, string language) => $"{mouId}/{clauseId}/{language}";

    public static bool IsLanguageVersion(string key) => key.Count(c => c == '/') == 2;
}

public static class Ids
{
    /// <summary>Short, URL-safe, unguessable enough for ids that are not secrets.</summary>
    public static string New() => Guid.NewGuid().ToString("N")[..12];

    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
