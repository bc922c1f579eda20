using System.Globalization;

namespace MouWorkspace.Domain.Text;

public static class TextRules
{
    public const int MaxTextLength = 100_000;

    /// <summary>
    /// null when <paramref name="value"/> is acceptable as <paramref name="field"/>; otherwise a message for the user.
    /// Positions in messages are 0-based UTF-16 indices, the same as <see cref="FindInvalidChar"/> returns.
    /// </summary>
    public static string? Validate(string? value, string field, bool required = true, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? $"{field} must not be empty" : null;
        if (value.Length > maxLength)
            return string.Create(CultureInfo.InvariantCulture, $"{field} is longer than {maxLength} characters");
        var bad = FindInvalidChar(value);
        if (bad >= 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"{field} contains U+{(int)value[bad]:X4} at position {bad}, which documents cannot carry");
        var hidden = FindHiddenChar(value);
        if (hidden >= 0)
            return HiddenMessage(field, value, hidden);
        return null;
    }

    /// <summary>
    /// Index of the first character that would make the text a reader sees differ from the text on record; -1 if none.
    /// In a negotiation the wording on record (stored, hashed, searched, exported) must be the wording seen, so these
    /// are refused, not silently dropped:
    /// <list type="bullet">
    /// <item>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what is
    /// shown ("\u202Etcejer yam\u202C" is shown as "may reject"). The marks LRM, RLM and ALM (U+200E, U+200F, U+061C)
    /// stay: Arabic and Hebrew text uses them to place numbers and punctuation, and they reorder no letters;</item>
    /// <item>invisible characters that split or join words unseen: zero width space U+200B, word joiner U+2060,
    /// U+FEFF, U+180E, invisible operators U+2061–U+2064, deprecated format characters U+206A–U+206F, interlinear
    /// annotation U+FFF9–U+FFFB and tag characters U+E0000–U+E007F;</item>
    /// <item>zero width non-joiner and joiner (U+200C, U+200D) between two characters of scripts that never need them
    /// (Latin, Greek, Cyrillic letters and digits: "quok\u200Ckaword"); Persian, Arabic, Indic scripts and emoji
    /// sequences use them, and there they stay.</item>
    /// </list>
    /// </summary>
    public static int FindHiddenChar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
                or '\u200B' or '\u2060' or '\uFEFF' or '\u180E' or >= '\u2061' and <= '\u2064' or >= '\u206A' and <= '\u206F'
                or >= '\uFFF9' and <= '\uFFFB')
                return i;
            // U+E0000..U+E007F: high surrogate U+DB40, low U+DC00..U+DC7F.
            if (c == '\uDB40' && i + 1 < value.Length && value[i + 1] is >= '\uDC00' and <= '\uDC7F')
                return i;
            if (c is '\u200C' or '\u200D' && i > 0 && i + 1 < value.Length && NeverJoined(value[i - 1]) && NeverJoined(value[i + 1]))
                return i;
        }
        return -1;
    }

    private static bool NeverJoined(char c) =>
        char.IsAsciiLetterOrDigit(c) || (char.IsLetter(c) && c is >= '\u00C0' and <= '\u052F');

    private static string HiddenMessage(string field, string value, int index)
    {
        var c = value[index];
        var what = c switch
        {
            >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' =>
                "a direction control, which changes the order in which the words are shown",
            '\u200C' or '\u200D' => "a zero-width joiner control between two letters of a script that does not use it",
            _ => "an invisible character, which splits or joins words without showing",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{field} contains U+{(int)c:X4} at position {index}: {what}, so what readers see would differ from the text on record; remove it");
    }

    /// <summary>
    /// Index of the first UTF-16 unit that XML 1.0 (and so .docx) cannot carry: C0 controls other
    /// than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates; -1 if none.
    /// </summary>
    public static int FindInvalidChar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++; // a well-formed pair: U+10000..U+10FFFF, all allowed
                    continue;
                }
                return i;
            }
            if (!IsXmlChar(c))
                return i;
        }
        return -1;
    }

    /// <summary>Whether XML 1.0's Char production allows <paramref name="codePoint"/>.</summary>
    public static bool IsXmlChar(int codePoint) =>
        codePoint is 0x9 or 0xA or 0xD
            or >= 0x20 and <= 0xD7FF
            or >= 0xE000 and <= 0xFFFD
            or >= 0x10000 and <= 0x10FFFF;

    /// <summary>Whether every character of <paramref name="value"/> can be written to XML 1.0.</summary>
    public static bool IsXmlSafe(string value) => FindInvalidChar(value) < 0;
}
