using System.Globalization;

namespace MouWorkspace.Domain.Amendments;

/// <summary>
/// Where two texts differ, in whole tokens of the old one, for <see cref="TokenDiff"/>'s shortcut: outside the
/// window both texts have the same tokens, so only the window needs tokenizing and diffing.
/// </summary>
internal static class TokenWindow
{
    /// <summary>
    /// Old tokens [first, last) span everything that differs, with edges where the new text's tokenization must
    /// agree with the old one's. The tokenizer looks at most three characters ahead, so a token edge four
    /// characters inside the common beginning is one in both texts. At the end, the tokens after an edge are the
    /// same in both once the scan starts afresh there: after a whitespace run (not joined by a ZWJ) that ends
    /// before a character that cannot join it, inside the common end.
    /// </summary>
    public static bool TryFind(TokenText old, string to, out int first, out int last)
    {
        var from = old.Text;
        var prefix = from.AsSpan().CommonPrefixLength(to);
        var most = Math.Min(from.Length, to.Length) - prefix;
        var suffix = 0;
        while (suffix < most && from[from.Length - 1 - suffix] == to[to.Length - 1 - suffix])
            suffix++;

        first = prefix < 4 ? 0 : old.TokenAtOrBefore(prefix - 4);
        last = old.Count;
        var edge = from.Length - suffix + 4;
        if (edge < from.Length)
        {
            var k = old.TokenAtOrBefore(edge);
            if (old.Offset(k) < edge)
                k++;
            for (var tries = 0; k < old.Count && tries < 8; k++, tries++)
            {
                if (CleanEnd(from, old.Offset(k)))
                {
                    last = k;
                    break;
                }
            }
        }
        return first > 0 || last < old.Count;
    }

    /// <summary>
    /// Bracket pairs are matched over the whole text, so the window may only be tokenized alone when its brackets
    /// pair among themselves in both texts (a balanced stretch leaves the matching outside it unchanged) and no
    /// pair inside touches one outside (<c>][</c> across an edge would make them one group).
    /// </summary>
    public static bool BracketsStayLocal(string from, int start, int end, string oldMiddle, string newMiddle) =>
        Balanced(oldMiddle) && Balanced(newMiddle)
        && (start == 0 || from[start - 1] != ']') && (end == from.Length || from[end] != '[');

    private static bool Balanced(string text)
    {
        var depth = 0;
        var at = text.AsSpan();
        int i;
        while ((i = at.IndexOfAny('[', ']')) >= 0)
        {
            depth += at[i] == '[' ? 1 : -1;
            if (depth < 0)
                return false;
            at = at[(i + 1)..];
        }
        return depth == 0;
    }

    private static bool CleanEnd(string text, int at) =>
        at >= 2 && char.IsWhiteSpace(text[at - 1]) && text[at - 2] != '\u200D'
        && !char.IsWhiteSpace(text[at]) && text[at] != '\u200D'
        && CharUnicodeInfo.GetUnicodeCategory(text, at) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}
