using System.Text.RegularExpressions;

namespace MouWorkspace.Domain.Text;

/// <summary>The words a comment quotes, as they stand in a clause's text.</summary>
public static class Quotes
{
    /// <summary>
    /// The part of <paramref name="text"/> that <paramref name="selected"/> stands for, exactly as stored, or null when
    /// those words are not in it. A browser's selection gives the words as shown, where a line break or a run of
    /// spaces is one space; the comment must quote the stored characters, which the API checks.
    /// </summary>
    public static string? Find(string text, string? selected)
    {
        var words = selected?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (words.Length == 0 || string.IsNullOrEmpty(text))
            return null;
        var pattern = string.Join(@"\s+", words.Select(Regex.Escape));
        var match = Regex.Match(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Value : null;
    }

    /// <summary>Whether a comment's quote still stands in the text (a later draft may have changed those words).</summary>
    public static bool StillIn(string text, string quote) => text.Contains(quote, StringComparison.Ordinal);
}
