using System.Text.RegularExpressions;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Reading;

/// <summary>Reads a PP/OP number at the start of a paragraph: "PP1", "OP3 bis", "OP 3", "op3.", "OP3 bis:".</summary>
internal static partial class NumberLabel
{
    [GeneratedRegex(@"^\s*(?<k>PP|OP)[ \u00A0]?(?<n>[0-9]{1,9})(?:[ \u00A0]+(?<s>[A-Za-z]+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>The normalized number ("OP3 bis") and the text after it, or false when the paragraph has no label.</summary>
    public static bool TryRead(string text, out string number, out ClauseKind kind, out string rest)
    {
        number = string.Empty;
        rest = text;
        kind = default;
        var match = Label().Match(text);
        if (!match.Success)
            return false;
        var head = match.Groups["k"].Value.ToUpperInvariant() + int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var end = match.Index + match.Length;
        // A word after the digits is a suffix only if it is one of ours ("bis", "ter" …); otherwise it starts the text.
        if (match.Groups["s"].Success && ClauseNumbering.TryParse(head + " " + match.Groups["s"].Value, out kind, out var b, out var rank))
            number = ClauseNumbering.Format(kind, b, rank);
        else if (ClauseNumbering.TryParse(head, out kind, out b, out rank))
        {
            number = ClauseNumbering.Format(kind, b, rank);
            end = match.Groups["n"].Index + match.Groups["n"].Length;
        }
        else
            return false;

        if (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('.' or ':' or ')' or '\u2014' or '-'))
            return false; // "OP1a" or "PP12x": not a label
        var i = end;
        if (i < text.Length && text[i] is '.' or ':' or ')' or '\u2014' or '-')
            i++;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        rest = text[i..];
        return true;
    }
}
