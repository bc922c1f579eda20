using System.Text;

namespace MouWorkspace.Documents.Export;

/// <summary>Script detection for run properties: right-to-left and East Asian text need their own run settings.</summary>
internal static class Scripts
{
    public enum Direction { Neutral, Ltr, Rtl }

    /// <summary>Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms.</summary>
    public static bool IsRtl(int cp) =>
        cp is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x10E60 and <= 0x10EFF;

    public static bool IsEastAsian(int cp) =>
        cp is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;

    public static Direction Of(Rune rune)
    {
        if (IsRtl(rune.Value))
            return Direction.Rtl;
        return Rune.IsLetter(rune) ? Direction.Ltr : Direction.Neutral;
    }

    public static bool HasEastAsian(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEastAsian(rune.Value))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Splits text where the strong direction changes (neutral characters stay with the run before
    /// them), so an Arabic phrase inside an English clause gets its own right-to-left run and the
    /// English around it stays left-to-right.
    /// </summary>
    public static IEnumerable<(string Text, bool Rtl)> SplitByDirection(string text)
    {
        var start = 0;
        var current = Direction.Neutral;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var direction = Of(rune);
            if (direction != Direction.Neutral)
            {
                if (current != Direction.Neutral && direction != current)
                {
                    yield return (text[start..index], current == Direction.Rtl);
                    start = index;
                }
                current = direction;
            }
            index += rune.Utf16SequenceLength;
        }
        if (index > start)
            yield return (text[start..index], current == Direction.Rtl);
    }

    /// <summary>
    /// The stretch of a left-to-right segment from its first to its last letter or digit ([start, end)); the whole
    /// segment when it has neither. Leading and trailing spaces, tabs and punctuation fall outside.
    /// </summary>
    public static (int Start, int End) LtrCore(string segment)
    {
        int start = -1, end = -1, index = 0;
        foreach (var rune in segment.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (start < 0)
                    start = index;
                end = index + rune.Utf16SequenceLength;
            }
            index += rune.Utf16SequenceLength;
        }
        return start < 0 ? (0, segment.Length) : (start, end);
    }

    /// <summary>Drops what XML 1.0 cannot carry (validated upstream; never crash here on a slip).</summary>
    public static string XmlSafe(string text)
    {
        if (Domain.Text.TextRules.IsXmlSafe(text))
            return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (!char.IsSurrogate(c) && Domain.Text.TextRules.IsXmlChar(c))
                sb.Append(c);
        }
        return sb.ToString();
    }
}
