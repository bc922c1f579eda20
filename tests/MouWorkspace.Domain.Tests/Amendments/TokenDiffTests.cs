using System.Text;
using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Tests.Amendments;

public class TokenDiffTests
{
    private static readonly string[] Pieces =
    [
        "the", "Parties", "shall", "ensure", "Côte", "d'Ivoire", "e\u0301", "\u0301", "2007", "الدُّوَلُ", "بِسْمِ",
        "维和人员", "必须", "Миротворцы", "👍🏽", "👨\u200D👩\u200D👧", "\u200D", "🇺🇳", "'", "\u2019", ",", ".", "[", "]",
        "[shall][should]", "[a [b] c]", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000",
    ];

    [Fact]
    public void The_window_shortcut_tokenizes_exactly_as_the_whole_text_and_its_hunks_rebuild_the_new_text()
    {
        var random = new Random(1712);
        var shortcuts = 0;
        for (var n = 0; n < 3000; n++)
        {
            var from = RandomText(random, random.Next(0, 80));
            var to = Edit(random, from);
            var diff = TokenDiff.Compute(TokenText.Of(from), to);

            Assert.Equal(WordTokenizer.TokenizeForDiff(from), diff.Old.Tokens);
            Assert.Equal(WordTokenizer.TokenizeForDiff(to), diff.New.Tokens);
            Assert.Equal(to, Rebuild(diff));
            if (diff.Hunks.Length > 0 && diff.Hunks.Max(h => h.NewEnd) < diff.New.Count)
                shortcuts++;
        }
        Assert.True(shortcuts > 1000, $"only {shortcuts} cases changed the middle of the text");
    }

    [Fact]
    public void A_long_rewrite_past_the_fast_diff_s_limit_is_still_exact()
    {
        // Every word differs (Latin against Arabic), only the spaces match: D is about 800.
        var from = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}"));
        var to = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"كلمة{i}"));
        var diff = TokenDiff.Compute(from, to);
        Assert.Equal(to, Rebuild(diff));
        Assert.Null(Myers.Diff(diff.Old.Tokens, 0, diff.Old.Count, diff.New.Tokens, 0, diff.New.Count));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "a b")]
    [InlineData("a b", "")]
    [InlineData("a b c", "a b c")]
    [InlineData("a b c", "c b a")]
    [InlineData("x a b c y", "a x b y c")]
    public void Myers_blocks_turn_the_old_tokens_into_the_new(string from, string to)
    {
        var a = Diffs.WordTokenizer.TokenizeForDiff(from);
        var b = Diffs.WordTokenizer.TokenizeForDiff(to);
        var blocks = Myers.Diff(a, 0, a.Count, b, 0, b.Count)!;
        var rebuilt = new List<string>();
        var x = 0;
        foreach (var (oldStart, oldCount, newStart, newCount) in blocks)
        {
            Assert.True(oldStart >= x);
            rebuilt.AddRange(a.Skip(x).Take(oldStart - x));
            rebuilt.AddRange(b.Skip(newStart).Take(newCount));
            x = oldStart + oldCount;
        }
        rebuilt.AddRange(a.Skip(x));
        Assert.Equal(b, rebuilt);
    }

    [Fact]
    public void An_insertion_that_could_stand_in_two_places_is_put_as_far_right_as_it_goes()
    {
        // "x " before "b", not " x" after "a" (DiffPlex's choice), so two proposals' insertions meet at one point.
        var one = TokenDiff.Compute("a b c", "a x b c");
        var hunk = Assert.Single(one.Hunks);
        Assert.Equal("x ", one.Replacement(hunk));
        Assert.Equal(2, hunk.Start);
    }

    [Fact]
    public void Words_changed_with_only_spaces_between_are_one_hunk()
    {
        var diff = TokenDiff.Compute("investigate all allegations of", "look into every report of");
        Assert.Equal("look into every report", diff.Replacement(Assert.Single(diff.Hunks)));
    }

    private static string Rebuild(TokenDiff diff)
    {
        var sb = new StringBuilder();
        var cursor = 0;
        var previousEnd = -1;
        foreach (var h in diff.Hunks)
        {
            Assert.True(h.Start > previousEnd, "hunks overlap or touch");
            sb.Append(diff.Old.Span(cursor, h.Start)).Append(diff.Replacement(h));
            cursor = h.End;
            previousEnd = h.End;
        }
        return sb.Append(diff.Old.Span(cursor, diff.Old.Count)).ToString();
    }

    private static string RandomText(Random random, int pieces)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pieces; i++)
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    private static string Edit(Random random, string text)
    {
        for (var e = random.Next(0, 3); e >= 0; e--)
        {
            var at = random.Next(text.Length + 1);
            var length = random.Next(0, Math.Min(6, text.Length - at) + 1);
            text = text.Remove(at, length).Insert(at, random.Next(3) == 0 ? "" : RandomText(random, random.Next(1, 3)));
        }
        return text;
    }
}
