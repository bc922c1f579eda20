using System.Text;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Tests;

public class AttributedDiffTests
{
    private static readonly DateTimeOffset T0 = new(2007, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Words =
    [
        "the", "Parties", "shall", "should", "ensure", "personnel", "[", "]", "Côte", "d'Ivoire", ",", ".",
        "الأمم", "المتحدة", "تلتزم", "维和人员", "必须", "遵守", "Миротворцы", "должны", "👍🏽", "e\u0301",
    ];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\n", "\u00A0", ""];

    [Fact]
    public void Rebuilds_base_and_last_draft_for_generated_draft_chains()
    {
        var random = new Random(2007);
        for (var n = 0; n < 400; n++)
        {
            var baseText = RandomText(random);
            var drafts = new List<AttributedDraft>();
            var text = baseText;
            for (var d = random.Next(0, 6); d > 0; d--)
            {
                text = random.Next(8) == 0 ? RandomText(random) : Edit(random, text);
                drafts.Add(new AttributedDraft(text, "author" + random.Next(4), T0.AddHours(drafts.Count)));
            }

            var runs = AttributedDiff.Compute(baseText, drafts);

            Assert.Equal(baseText, Rebuild(runs, DiffOp.Delete));
            Assert.Equal(drafts.Count == 0 ? baseText : drafts[^1].Text, Rebuild(runs, DiffOp.Insert));
            Assert.All(runs, r => Assert.NotEqual(0, r.Text.Length));
            Assert.All(runs.Where(r => r.Op == DiffOp.Equal), r => Assert.Null(r.Author));
            Assert.All(runs.Where(r => r.Op != DiffOp.Equal), r => Assert.Contains(drafts, d => d.Author == r.Author && d.At == r.At));
        }
    }

    [Fact]
    public void Each_change_carries_the_draft_that_made_it()
    {
        var runs = AttributedDiff.Compute(
            "The State shall ensure training.",
            [
                new AttributedDraft("The State should ensure training.", "FRA", T0),
                new AttributedDraft("The State should ensure mandatory training.", "IND", T0.AddDays(1)),
            ]);

        Assert.Equal(
            [
                new AttributedChange(DiffOp.Equal, "The State ", null, null),
                new AttributedChange(DiffOp.Delete, "shall", "FRA", T0),
                new AttributedChange(DiffOp.Insert, "should", "FRA", T0),
                new AttributedChange(DiffOp.Equal, " ensure ", null, null),
                new AttributedChange(DiffOp.Insert, "mandatory ", "IND", T0.AddDays(1)),
                new AttributedChange(DiffOp.Equal, "training.", null, null),
            ],
            runs);
    }

    [Fact]
    public void Text_inserted_then_deleted_by_a_later_draft_vanishes()
    {
        var runs = AttributedDiff.Compute(
            "Parties shall act.",
            [
                new AttributedDraft("Parties shall promptly act.", "FRA", T0),
                new AttributedDraft("Parties shall act.", "IND", T0.AddDays(1)),
            ]);

        Assert.Equal([new AttributedChange(DiffOp.Equal, "Parties shall act.", null, null)], runs);
    }

    [Fact]
    public void A_base_word_deleted_later_is_attributed_to_the_later_draft()
    {
        var runs = AttributedDiff.Compute(
            "all [relevant] personnel",
            [
                new AttributedDraft("all [relevant] uniformed personnel", "NPL", T0),
                new AttributedDraft("all uniformed personnel", "PAK", T0.AddDays(2)),
            ]);

        var delete = Assert.Single(runs, r => r.Op == DiffOp.Delete);
        Assert.Equal("[relevant]", delete.Text.Trim());
        Assert.Equal("PAK", delete.Author);
        var insert = Assert.Single(runs, r => r.Op == DiffOp.Insert);
        Assert.Equal("uniformed", insert.Text.Trim());
        Assert.Equal("NPL", insert.Author);
    }

    [Fact]
    public void No_drafts_gives_the_base_as_one_equal_run_and_empty_base_gives_nothing()
    {
        Assert.Equal([new AttributedChange(DiffOp.Equal, "text", null, null)], AttributedDiff.Compute("text", []));
        Assert.Empty(AttributedDiff.Compute("", []));
        Assert.Equal([new AttributedChange(DiffOp.Insert, "new", "URY", T0)], AttributedDiff.Compute("", [new AttributedDraft("new", "URY", T0)]));
    }

    private static string Rebuild(IReadOnlyList<AttributedChange> runs, DiffOp other) =>
        string.Concat(runs.Where(r => r.Op == DiffOp.Equal || r.Op == other).Select(r => r.Text));

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        for (var i = random.Next(0, 14); i > 0; i--)
            sb.Append(Words[random.Next(Words.Length)]).Append(Spaces[random.Next(Spaces.Length)]);
        return sb.ToString();
    }

    private static string Edit(Random random, string text)
    {
        var tokens = WordTokenizer.Tokenize(text).ToList();
        for (var e = random.Next(1, 4); e > 0; e--)
        {
            var at = random.Next(tokens.Count + 1);
            switch (random.Next(3))
            {
                case 0: tokens.Insert(at, Words[random.Next(Words.Length)] + " "); break;
                case 1 when tokens.Count > 0: tokens.RemoveAt(Math.Min(at, tokens.Count - 1)); break;
                default: if (tokens.Count > 0) tokens[Math.Min(at, tokens.Count - 1)] = Words[random.Next(Words.Length)]; break;
            }
        }
        return string.Concat(tokens);
    }
}
