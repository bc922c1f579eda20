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
        return null;
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
