using System.Globalization;
using System.Text;
using MouWorkspace.Domain.Brackets;

namespace MouWorkspace.Domain.Diffs;

/// <summary>
/// Splits text into diff tokens: words (letters/digits), whitespace runs, and single other characters.
/// Concatenating the tokens always gives back the input, which is what makes the diff exact.
/// <see cref="TokenizeForDiff"/> is what diffs and merges use: the same tokens, with each bracket group one token.
/// </summary>
public static class WordTokenizer
{
    private enum Kind { Word, Space, Ideograph, Other }

    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var kind = Classify(text, i);
            i = AfterCluster(text, i);
            if (kind is Kind.Word or Kind.Space)
            {
                while (i < text.Length && Continues(text, i, kind))
                    i = AfterCluster(text, i);
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    /// <summary>
    /// <see cref="Tokenize"/>, except that each well-formed top-level bracket group (<c>[shall][should]</c>,
    /// nested groups included) is one token, so a change inside or of a group shows as the whole group
    /// removed and the new one inserted, never words interleaved with brackets (issue 15.12). Stray or
    /// unclosed brackets stay one-character tokens. Concatenating the tokens still gives back the input.
    /// </summary>
    public static IReadOnlyList<string> TokenizeForDiff(string text)
    {
        var tokens = Tokenize(text);
        if (!text.Contains('['))
            return tokens;
        var groups = BracketParser.Parse(text).Groups;
        if (groups.Count == 0)
            return tokens;

        var result = new List<string>(tokens.Count);
        int g = 0, pos = 0, i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            var end = pos + token.Length;
            if (g < groups.Count && groups[g].Start < end)
            {
                // Every token the group touches joins it; a token that starts inside one group and reaches
                // into the next (not possible for brackets, but cheap to allow) joins both.
                while (g < groups.Count && groups[g].Start < end)
                {
                    var groupEnd = groups[g].Start + groups[g].Length;
                    while (end < groupEnd)
                        end += tokens[++i].Length;
                    g++;
                }
                token = text[pos..end];
            }
            result.Add(token);
            pos = end;
            i++;
        }
        return result;
    }

    private static bool Continues(string text, int i, Kind kind)
    {
        var next = Classify(text, i);
        if (next == kind)
            return true;
        // Keep "d'Ivoire" and "don't" as one word: an apostrophe between letters is part of the word.
        return kind == Kind.Word && IsApostrophe(text[i]) && i + 1 < text.Length && Classify(text, i + 1) == Kind.Word;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static Kind Classify(string text, int i)
    {
        var c = text[i];
        if (char.IsWhiteSpace(c))
            return Kind.Space;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var cp = char.ConvertToUtf32(c, text[i + 1]);
            if (IsIdeograph(cp))
                return Kind.Ideograph;
            return Rune.IsLetterOrDigit(new Rune(cp)) ? Kind.Word : Kind.Other;
        }
        if (IsIdeograph(c))
            return Kind.Ideograph;
        return char.IsLetterOrDigit(c) ? Kind.Word : Kind.Other;
    }

    // Chinese and Japanese are written without spaces; one character per token keeps the diff word-like.
    private static bool IsIdeograph(int cp) =>
        cp is >= 0x3040 and <= 0x30FF       // Hiragana, Katakana
            or >= 0x3400 and <= 0x4DBF      // CJK Extension A
            or >= 0x4E00 and <= 0x9FFF      // CJK Unified Ideographs
            or >= 0xF900 and <= 0xFAFF      // CJK Compatibility Ideographs
            or >= 0x20000 and <= 0x3FFFF;   // CJK Extensions B and later

    /// <summary>
    /// Index after the character at <paramref name="i"/> plus anything that must stay attached to it:
    /// the low half of a surrogate pair, combining marks (Arabic harakat, accents, emoji variation
    /// selectors) and a zero-width joiner with the character it joins (emoji sequences).
    /// </summary>
    private static int AfterCluster(string text, int i)
    {
        i = AfterScalar(text, i);
        while (i < text.Length)
        {
            var c = text[i];
            if (IsCombining(text, i))
                i = AfterScalar(text, i);
            else if (c == '\u200D' && i + 1 < text.Length)
                i = AfterScalar(text, i + 1);
            else
                break;
        }
        return i;
    }

    private static int AfterScalar(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? i + 2 : i + 1;

    private static bool IsCombining(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
