using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Domain.Tests;

public class ClauseNumberingTests
{
    [Fact]
    public void Numbering_starts_at_one_for_each_kind()
    {
        Assert.Equal("OP1", ClauseNumbering.Next(ClauseKind.Operative, [], 0));
        Assert.Equal("PP1", ClauseNumbering.Next(ClauseKind.Preambular, [], 0));
        Assert.Equal("OP1", ClauseNumbering.Next(ClauseKind.Operative, ["PP1", "PP2"], 2));
    }

    [Fact]
    public void Numbering_appends_after_the_highest_base_of_the_kind()
    {
        string[] text = ["PP1", "PP2", "OP1", "OP2", "OP2 bis", "OP3"];
        Assert.Equal("OP4", ClauseNumbering.Next(ClauseKind.Operative, text, 6));
        // The end of the PP run is before OP1: nothing preambular follows, so a fresh base.
        Assert.Equal("PP3", ClauseNumbering.Next(ClauseKind.Preambular, text, 2));
        Assert.Equal("PP3", ClauseNumbering.Next(ClauseKind.Preambular, text, 6));
    }

    [Fact]
    public void Numbering_appending_after_a_gap_does_not_refill_it()
    {
        Assert.Equal("OP6", ClauseNumbering.Next(ClauseKind.Operative, ["OP1", "OP5"], 2));
    }

    [Fact]
    public void Numbering_between_two_paragraphs_uses_bis_then_ter()
    {
        Assert.Equal("OP3 bis", ClauseNumbering.Next(ClauseKind.Operative, ["OP1", "OP2", "OP3", "OP4"], 3));
        Assert.Equal("OP3 ter", ClauseNumbering.Next(ClauseKind.Operative, ["OP1", "OP2", "OP3", "OP3 bis", "OP4"], 4));
        Assert.Equal("PP1 bis", ClauseNumbering.Next(ClauseKind.Preambular, ["PP1", "PP2", "OP1"], 1));
    }

    [Fact]
    public void Numbering_ignores_the_other_kind_when_finding_neighbours()
    {
        // OP2 follows (after a stray PP) so this is an insertion after OP1, not an append.
        Assert.Equal("OP1 bis", ClauseNumbering.Next(ClauseKind.Operative, ["OP1", "PP9", "OP2"], 1));
        Assert.Equal("OP1 bis", ClauseNumbering.Next(ClauseKind.Operative, ["OP1", "PP9", "OP2"], 2));
    }

    [Fact]
    public void Numbering_before_the_first_paragraph_uses_base_zero()
    {
        Assert.Equal("OP0", ClauseNumbering.Next(ClauseKind.Operative, ["PP1", "OP1", "OP2"], 1));
        Assert.Equal("OP0", ClauseNumbering.Next(ClauseKind.Operative, ["PP1", "OP1", "OP2"], 0));
        Assert.Equal("OP0 bis", ClauseNumbering.Next(ClauseKind.Operative, ["OP0", "OP1"], 1));
    }

    [Fact]
    public void Numbering_falls_back_to_the_next_free_suffix_when_no_number_sorts_between()
    {
        // Between OP3 and OP3 bis nothing sorts; stability wins and the next free suffix is used.
        Assert.Equal("OP3 ter", ClauseNumbering.Next(ClauseKind.Operative, ["OP3", "OP3 bis", "OP4"], 1));
        // After OP3 bis when OP3 ter already follows: ter is taken, so quater.
        Assert.Equal("OP3 quater", ClauseNumbering.Next(ClauseKind.Operative, ["OP3", "OP3 bis", "OP3 ter", "OP4"], 2));
        // Before OP0: OP0 is taken, so OP0 bis.
        Assert.Equal("OP0 bis", ClauseNumbering.Next(ClauseKind.Operative, ["OP0", "OP1"], 0));
    }

    [Fact]
    public void Numbering_repeated_insertion_after_one_paragraph_walks_the_latin_sequence()
    {
        var text = new List<string> { "OP1", "OP2", "OP3", "OP4" };
        var expected = new[]
        {
            "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies", "undecies", "duodecies",
            "terdecies", "quaterdecies", "quindecies", "sexdecies", "septdecies", "octodecies", "novodecies", "vicies", "unvicies",
        };
        foreach (var suffix in expected)
        {
            // Each new paragraph goes right before OP4, after the last one inserted.
            var index = text.IndexOf("OP4");
            var number = ClauseNumbering.Next(ClauseKind.Operative, text, index);
            Assert.Equal("OP3 " + suffix, number);
            text.Insert(index, number);
        }
        Assert.Equal(text, text.Order(ClauseNumberComparer.Instance));
    }

    [Fact]
    public void Numbering_random_insertions_never_repeat_or_change_a_number()
    {
        var random = new Random(2006);
        var text = new List<string>();
        for (var n = 0; n < 200; n++)
        {
            var kind = random.Next(3) == 0 ? ClauseKind.Preambular : ClauseKind.Operative;
            var index = random.Next(text.Count + 1);
            var before = text.ToList();
            var number = ClauseNumbering.Next(kind, text, index);
            Assert.DoesNotContain(number, text);
            Assert.True(ClauseNumbering.TryParse(number, out var parsedKind, out _, out _), number);
            Assert.Equal(kind, parsedKind);
            text.Insert(index, number);
            Assert.Equal(before, text.Where((_, i) => i != index));
        }
    }

    [Fact]
    public void Numbering_throws_when_every_suffix_of_a_base_is_taken()
    {
        var text = Enumerable.Range(0, ClauseNumbering.MaxSuffixRank + 1)
            .Select(rank => ClauseNumbering.Format(ClauseKind.Operative, 3, rank))
            .Append("OP4")
            .ToList();
        Assert.Equal("OP3 nonagies", text[89]);
        Assert.Equal("OP3 novononagies", text[^2]);
        Assert.Throws<InvalidOperationException>(() => ClauseNumbering.Next(ClauseKind.Operative, text, 1));
    }

    [Fact]
    public void Numbering_rejects_an_index_outside_the_list()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClauseNumbering.Next(ClauseKind.Operative, ["OP1"], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClauseNumbering.Next(ClauseKind.Operative, ["OP1"], -1));
    }

    [Fact]
    public void Numbering_ignores_numbers_it_cannot_read()
    {
        Assert.Equal("OP2", ClauseNumbering.Next(ClauseKind.Operative, ["OP1", "Annex"], 2));
    }

    [Theory]
    [InlineData("OP3", ClauseKind.Operative, 3, 0)]
    [InlineData("PP1", ClauseKind.Preambular, 1, 0)]
    [InlineData("OP3 bis", ClauseKind.Operative, 3, 1)]
    [InlineData("op12 Quater", ClauseKind.Operative, 12, 3)]
    [InlineData("OP0", ClauseKind.Operative, 0, 0)]
    [InlineData("PP2 decies", ClauseKind.Preambular, 2, 9)]
    public void Numbering_parses_valid_numbers(string number, ClauseKind kind, int @base, int rank)
    {
        Assert.True(ClauseNumbering.TryParse(number, out var k, out var b, out var r));
        Assert.Equal((kind, @base, rank), (k, b, r));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OP")]
    [InlineData("OP3bis")]
    [InlineData("OP3  bis")]
    [InlineData("OP3 ")]
    [InlineData("OP03")]
    [InlineData("XP3")]
    [InlineData("OP3 foo")]
    [InlineData(" OP3")]
    [InlineData("OP-1")]
    public void Numbering_rejects_malformed_numbers(string? number)
    {
        Assert.False(ClauseNumbering.TryParse(number, out _, out _, out _));
    }

    [Fact]
    public void Numbering_format_round_trips_every_suffix()
    {
        for (var rank = 0; rank <= ClauseNumbering.MaxSuffixRank; rank++)
        {
            var number = ClauseNumbering.Format(ClauseKind.Operative, 7, rank);
            Assert.True(ClauseNumbering.TryParse(number, out _, out var b, out var r), number);
            Assert.Equal((7, rank), (b, r));
        }
    }

    [Fact]
    public void Numbering_comparer_orders_pp_before_op_then_base_then_suffix()
    {
        string[] shuffled = ["OP10", "OP3 bis", "Annex", "PP2", "OP3", "OP2", "PP1 ter", "OP3 ter", "PP1"];
        Assert.Equal(["PP1", "PP1 ter", "PP2", "OP2", "OP3", "OP3 bis", "OP3 ter", "OP10", "Annex"],
            shuffled.Order(ClauseNumberComparer.Instance));
    }
}
