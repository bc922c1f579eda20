using System.Text;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Tests;

public class WordDiffTests
{
    private static readonly string[] Words =
    [
        // Latin, with accents both precomposed and combining
        "the", "Parties", "shall", "ensure", "Côte", "d'Ivoire", "Türkiye", "e\u0301te\u0301", "personnel", "2007",
        // Arabic, with and without harakat
        "الأمم", "المتحدة", "تلتزم", "الدُّوَلُ", "بِسْمِ",
        // Chinese (no spaces between words)
        "维和人员", "必须", "遵守", "行为标准", "联合国",
        // Cyrillic
        "Миротворцы", "должны", "соблюдать", "стандарты",
        // emoji: plain, variation selector, skin tone, ZWJ family, flag (regional indicators)
        "🕊", "☮\uFE0F", "👍🏽", "👨\u200D👩\u200D👧", "🇺🇳",
        // punctuation and brackets
        ",", ".", "[", "]", "(", ")", "«", "»", "—", "'", "\u2019",
    ];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", ""];

    [Fact]
    public void Diff_rebuilds_both_texts_exactly_for_generated_pairs()
    {
        var random = new Random(20070601);
        for (var n = 0; n < 2000; n++)
        {
            var from = RandomText(random);
            var to = Edit(random, from);
            AssertContract(from, to);
        }
    }

    [Fact]
    public void Diff_rebuilds_both_texts_exactly_for_arbitrary_utf16_including_lone_surrogates()
    {
        var random = new Random(34);
        for (var n = 0; n < 500; n++)
        {
            var from = RandomUtf16(random);
            var to = random.Next(3) == 0 ? RandomUtf16(random) : Edit(random, from);
            AssertContract(from, to);
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "new text")]
    [InlineData("old text", "")]
    [InlineData("   ", " ")]
    [InlineData("a  b\t\tc\n\nd", "a b\tc\nd")]
    [InlineData("\r\n", "\n")]
    [InlineData("维和人员必须遵守行为标准", "维和人员应当遵守行为标准")]
    [InlineData("تلتزم الدول الأعضاء", "تلتزم الدول")]
    [InlineData("Миротворцы должны соблюдать", "Миротворцы обязаны соблюдать")]
    [InlineData("👨\u200D👩\u200D👧 🕊", "👨\u200D👩\u200D👦 🕊")]
    [InlineData("e\u0301", "e\u0300")]
    public void Diff_rebuilds_both_texts_exactly_for_edge_cases(string from, string to) => AssertContract(from, to);

    [Fact]
    public void Diff_of_equal_texts_is_one_equal_run()
    {
        var runs = WordDiff.Compute("The Parties shall ensure.", "The Parties shall ensure.");
        Assert.Equal([new DiffChange(DiffOp.Equal, "The Parties shall ensure.")], runs);
    }

    [Fact]
    public void Diff_of_two_empty_texts_has_no_runs() => Assert.Empty(WordDiff.Compute("", ""));

    [Fact]
    public void Diff_from_empty_is_one_insert_run()
    {
        Assert.Equal([new DiffChange(DiffOp.Insert, "new text")], WordDiff.Compute("", "new text"));
    }

    [Fact]
    public void Diff_inserting_a_word_yields_an_insert_run_with_that_word_only()
    {
        const string from = "The troop-contributing country shall investigate all allegations.";
        const string to = "The troop-contributing country shall certify and investigate all allegations.";

        var runs = WordDiff.Compute(from, to);

        var insert = Assert.Single(runs, r => r.Op == DiffOp.Insert);
        Assert.Contains("certify", insert.Text);
        Assert.Equal("certify and", insert.Text.Trim());
        Assert.DoesNotContain(runs, r => r.Op == DiffOp.Delete);
        Assert.Contains(runs, r => r.Op == DiffOp.Equal && r.Text.Contains("The troop-contributing country shall"));
    }

    [Fact]
    public void Diff_of_a_replaced_word_deletes_then_inserts_only_that_word()
    {
        var runs = WordDiff.Compute("The State shall ensure", "The State should ensure");
        Assert.Equal(
            [
                new DiffChange(DiffOp.Equal, "The State "),
                new DiffChange(DiffOp.Delete, "shall"),
                new DiffChange(DiffOp.Insert, "should"),
                new DiffChange(DiffOp.Equal, " ensure"),
            ],
            runs);
    }

    // Issue 15.12: this used to read "[" -shall +should "]"; a bracket is one unit of the diff now.
    [Fact]
    public void Diff_of_a_word_inside_brackets_replaces_the_whole_bracket()
    {
        var runs = WordDiff.Compute("The State [shall] ensure", "The State [should] ensure");
        Assert.Equal(
            [
                new DiffChange(DiffOp.Equal, "The State "),
                new DiffChange(DiffOp.Delete, "[shall]"),
                new DiffChange(DiffOp.Insert, "[should]"),
                new DiffChange(DiffOp.Equal, " ensure"),
            ],
            runs);
    }

    [Fact]
    public void Diff_of_bracketing_words_removes_the_words_and_inserts_the_whole_group()
    {
        // Was: shall [+[+]shall +certify][should +]ensure[+]+] — words and brackets interleaved.
        var runs = WordDiff.Compute("The State shall ensure compliance.", "The State [shall certify][should ensure] compliance.");
        Assert.Equal(
            [
                new DiffChange(DiffOp.Equal, "The State "),
                new DiffChange(DiffOp.Delete, "shall ensure"),
                new DiffChange(DiffOp.Insert, "[shall certify][should ensure]"),
                new DiffChange(DiffOp.Equal, " compliance."),
            ],
            runs);
    }

    [Fact]
    public void Diff_of_choosing_an_alternative_removes_the_group_and_inserts_the_choice()
    {
        var runs = WordDiff.Compute("States [shall][should] train all personnel.", "States shall train and certify all personnel.");
        Assert.Equal(
            [
                new DiffChange(DiffOp.Equal, "States "),
                new DiffChange(DiffOp.Delete, "[shall][should]"),
                new DiffChange(DiffOp.Insert, "shall"),
                new DiffChange(DiffOp.Equal, " train"),
                new DiffChange(DiffOp.Insert, " and certify"),
                new DiffChange(DiffOp.Equal, " all personnel."),
            ],
            runs);
    }

    [Fact]
    public void Diff_never_splits_a_bracket_group_for_generated_texts()
    {
        var random = new Random(1512);
        for (var n = 0; n < 1000; n++)
        {
            var from = BracketedText(random);
            var to = random.Next(2) == 0 ? BracketedText(random) : Edit(random, from);
            AssertContract(from, to);
            var runs = WordDiff.Compute(from, to);
            foreach (var (text, side) in new[] { (from, DiffOp.Insert), (to, DiffOp.Delete) })
            {
                // Every run boundary on this side's text lies outside every bracket group.
                var cuts = new HashSet<int>();
                var at = 0;
                foreach (var run in runs.Where(r => r.Op != side))
                {
                    cuts.Add(at);
                    at += run.Text.Length;
                }
                foreach (var group in MouWorkspace.Domain.Brackets.BracketParser.Parse(text).Groups)
                    Assert.DoesNotContain(cuts, c => c > group.Start && c < group.Start + group.Length);
            }
        }
    }

    [Theory]
    [InlineData("[shall][should] ensure", new[] { "[shall][should]", " ", "ensure" })]
    [InlineData("[the] [Government]", new[] { "[the]", " ", "[Government]" })]
    [InlineData("a [b [c][d] e] f", new[] { "a", " ", "[b [c][d] e]", " ", "f" })]
    [InlineData("stray ] and [ unclosed", new[] { "stray", " ", "]", " ", "and", " ", "[", " ", "unclosed" })]
    [InlineData("[unclosed [closed]", new[] { "[", "unclosed", " ", "[closed]" })]
    [InlineData("维和[必须][应当]遵守", new[] { "维", "和", "[必须][应当]", "遵", "守" })]
    [InlineData("تلتزم [الدول][الحكومات] الأعضاء", new[] { "تلتزم", " ", "[الدول][الحكومات]", " ", "الأعضاء" })]
    public void Diff_tokens_make_each_bracket_group_one_token(string text, string[] tokens)
    {
        Assert.Equal(tokens, WordTokenizer.TokenizeForDiff(text));
        Assert.Equal(text, string.Concat(WordTokenizer.TokenizeForDiff(text)));
    }

    [Fact]
    public void Diff_of_adjacent_replaced_words_is_one_delete_and_one_insert()
    {
        var runs = WordDiff.Compute("a b c d", "a x y d");
        Assert.Equal(
            [
                new DiffChange(DiffOp.Equal, "a "),
                new DiffChange(DiffOp.Delete, "b c"),
                new DiffChange(DiffOp.Insert, "x y"),
                new DiffChange(DiffOp.Equal, " d"),
            ],
            runs);
    }

    [Fact]
    public void Diff_of_chinese_changes_single_characters_not_the_sentence()
    {
        var runs = WordDiff.Compute("维和人员必须遵守行为标准", "维和人员应当遵守行为标准");
        Assert.Equal("必须", Assert.Single(runs, r => r.Op == DiffOp.Delete).Text);
        Assert.Equal("应当", Assert.Single(runs, r => r.Op == DiffOp.Insert).Text);
    }

    [Fact]
    public void Diff_keeps_surrogate_pairs_and_combining_marks_whole()
    {
        var runs = WordDiff.Compute("peace 👍🏽 now e\u0301", "peace 👍🏿 now e\u0300");
        foreach (var run in runs)
        {
            Assert.False(char.IsLowSurrogate(run.Text[0]), $"run starts inside a surrogate pair: {run}");
            Assert.False(char.IsHighSurrogate(run.Text[^1]), $"run ends inside a surrogate pair: {run}");
            Assert.NotEqual(System.Globalization.UnicodeCategory.NonSpacingMark, char.GetUnicodeCategory(run.Text[0]));
        }
    }

    [Fact]
    public void Tokenizer_splits_words_spaces_and_punctuation()
    {
        Assert.Equal(["The", " ", "State's", "  ", "[", "shall", "]", "\t\n", "Côte", " ", "d'Ivoire", "."],
            WordTokenizer.Tokenize("The State's  [shall]\t\nCôte d'Ivoire."));
        Assert.Equal(["'", "quoted", "'"], WordTokenizer.Tokenize("'quoted'"));
    }

    private static void AssertContract(string from, string to)
    {
        var runs = WordDiff.Compute(from, to);
        var rebuiltFrom = string.Concat(runs.Where(r => r.Op != DiffOp.Insert).Select(r => r.Text));
        var rebuiltTo = string.Concat(runs.Where(r => r.Op != DiffOp.Delete).Select(r => r.Text));
        Assert.True(from == rebuiltFrom, $"from not rebuilt: {Escape(from)} vs {Escape(rebuiltFrom)}");
        Assert.True(to == rebuiltTo, $"to not rebuilt: {Escape(to)} vs {Escape(rebuiltTo)}");
        for (var i = 0; i < runs.Count; i++)
        {
            Assert.NotEqual(0, runs[i].Text.Length);
            if (i > 0)
            {
                Assert.NotEqual(runs[i - 1].Op, runs[i].Op);
                Assert.False(runs[i - 1].Op == DiffOp.Insert && runs[i].Op == DiffOp.Delete, "insert before delete");
            }
        }
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(0, 40);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Words[random.Next(Words.Length)]);
            sb.Append(Spaces[random.Next(Spaces.Length)]);
        }
        return sb.ToString();
    }

    private static string BracketedText(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(0, 25);
        for (var i = 0; i < count; i++)
        {
            sb.Append(random.Next(6) switch
            {
                0 => $"[{Words[random.Next(10)]}][{Words[random.Next(10, 20)]}]",
                1 => $"[{Words[random.Next(20)]} [{Words[random.Next(20)]}] {Words[random.Next(20)]}]",
                2 => $"[{Words[random.Next(20)]}]",
                _ => Words[random.Next(Words.Length)],
            });
            sb.Append(Spaces[random.Next(Spaces.Length)]);
        }
        return sb.ToString();
    }

    private static string RandomUtf16(Random random)
    {
        var chars = new char[random.Next(0, 30)];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0xD800, 0xE000), // surrogates, often unpaired
                1 => " \t\n"[random.Next(3)],
                2 => (char)random.Next(0x20, 0x7F),
                _ => (char)random.Next(0, 0x10000),
            };
        return new string(chars);
    }

    private static string Edit(Random random, string text)
    {
        var edits = random.Next(0, 5);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0: // insert a word with a space
                    text = text[..at] + Words[random.Next(Words.Length)] + Spaces[random.Next(Spaces.Length)] + text[at..];
                    break;
                case 1: // delete a span, possibly splitting a surrogate pair
                    text = text.Remove(at, random.Next(0, Math.Min(12, text.Length - at) + 1));
                    break;
                case 2: // replace a span with a word
                    text = text.Remove(at, random.Next(0, Math.Min(8, text.Length - at) + 1)).Insert(at, Words[random.Next(Words.Length)]);
                    break;
                default: // duplicate a span elsewhere
                    var len = random.Next(0, Math.Min(10, text.Length - at) + 1);
                    text = text.Insert(random.Next(text.Length + 1), text.Substring(at, len));
                    break;
            }
        }
        return text;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
