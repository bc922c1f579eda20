using System.Text.RegularExpressions;

namespace MouWorkspace.Search;

/// <summary>
/// UN document symbols (<c>ST/SGB/2003/13</c>, <c>A/RES/62/214</c>, <c>S/2024/123</c>, <c>A/C.4/79/L.12</c>,
/// <c>E/CN.4/2005/L.10/Add.1</c>): letters first, components joined by slashes, a digit somewhere. Word breaking
/// cuts them into pieces (and the query syntax reads their slashes as a regular expression), so the index keeps
/// each one whole, in upper case, and a symbol in a query is looked up whole.
/// </summary>
public static partial class DocumentSymbols
{
    [GeneratedRegex(@"(?<![A-Za-z0-9/])[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)+(?![A-Za-z0-9/])")]
    private static partial Regex Candidate();

    // A trailing addendum, revision or corrigendum: the document is found by its base symbol too.
    [GeneratedRegex(@"(?:/(?:ADD|REV|CORR|AMEND)\.\d+)+$")]
    private static partial Regex Suffix();

    /// <summary>The symbols in <paramref name="text"/> as they are matched: positions and normalized forms.</summary>
    public static IEnumerable<(int Index, int Length, string Symbol)> Matches(string text)
    {
        foreach (Match match in Candidate().Matches(text))
            if (match.Value.Any(char.IsAsciiDigit))
                yield return (match.Index, match.Length, Normalize(match.Value));
    }

    /// <summary>What the index keeps for a text: each symbol, and the base of one with an addendum or revision.</summary>
    public static IReadOnlySet<string> InText(string text)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, symbol) in Matches(text))
        {
            symbols.Add(symbol);
            var suffix = Suffix().Match(symbol);
            if (suffix.Success && suffix.Index > 0 && symbol[..suffix.Index].Contains('/'))
                symbols.Add(symbol[..suffix.Index]);
        }
        return symbols;
    }

    /// <summary>The whole of <paramref name="text"/> as one symbol, or null.</summary>
    public static string? Whole(string text)
    {
        var trimmed = text.Trim();
        var match = Matches(trimmed).FirstOrDefault();
        return match.Symbol is not null && match.Length == trimmed.Length ? match.Symbol : null;
    }

    private static string Normalize(string symbol) => symbol.ToUpperInvariant();
}
