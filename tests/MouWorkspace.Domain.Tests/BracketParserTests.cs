using MouWorkspace.Domain.Brackets;

namespace MouWorkspace.Domain.Tests;

public class BracketParserTests
{
    [Fact]
    public void Brackets_adjacent_pairs_form_one_group_of_alternatives()
    {
        const string text = "The State [shall][should] ensure";
        var analysis = BracketParser.Parse(text);

        var group = Assert.Single(analysis.Groups);
        Assert.Equal(["shall", "should"], group.Alternatives);
        Assert.Equal("[shall][should]", text.Substring(group.Start, group.Length));
        Assert.Equal(0, group.Depth);
        Assert.Empty(group.Nested);
        Assert.Empty(analysis.Errors);
        Assert.Equal(1, analysis.Count);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Brackets_single_pair_is_a_group_with_one_alternative()
    {
        var group = Assert.Single(BracketParser.Parse("all [appropriate] measures").Groups);
        Assert.Equal(["appropriate"], group.Alternatives);
        Assert.Equal(4, group.Start);
        Assert.Equal(13, group.Length);
    }

    [Fact]
    public void Brackets_separated_by_a_space_are_separate_groups()
    {
        var analysis = BracketParser.Parse("[the] [Government]");
        Assert.Equal(2, analysis.Groups.Count);
        Assert.Equal(["the"], analysis.Groups[0].Alternatives);
        Assert.Equal(["Government"], analysis.Groups[1].Alternatives);
        Assert.Equal(6, analysis.Groups[1].Start);
    }

    [Fact]
    public void Brackets_nested_group_appears_in_parent_with_depth_one()
    {
        const string text = "Each [the [Government] shall] act";
        var analysis = BracketParser.Parse(text);

        var outer = Assert.Single(analysis.Groups);
        Assert.Equal(["the [Government] shall"], outer.Alternatives);
        Assert.Equal("[the [Government] shall]", text.Substring(outer.Start, outer.Length));
        var inner = Assert.Single(outer.Nested);
        Assert.Equal(1, inner.Depth);
        Assert.Equal(["Government"], inner.Alternatives);
        Assert.Equal("[Government]", text.Substring(inner.Start, inner.Length));
        Assert.Equal(2, analysis.Count);
    }

    [Fact]
    public void Brackets_alternatives_nest_inside_alternatives()
    {
        const string text = "[a [b][c] d [e]][f]";
        var analysis = BracketParser.Parse(text);

        var top = Assert.Single(analysis.Groups);
        Assert.Equal(["a [b][c] d [e]", "f"], top.Alternatives);
        Assert.Equal(text.Length, top.Length);
        Assert.Equal(2, top.Nested.Count);
        Assert.Equal(["b", "c"], top.Nested[0].Alternatives);
        Assert.Equal(["e"], top.Nested[1].Alternatives);
        Assert.All(top.Nested, g => Assert.Equal(1, g.Depth));
        Assert.Equal(3, analysis.Count);
    }

    [Fact]
    public void Brackets_three_levels_count_all_groups()
    {
        var analysis = BracketParser.Parse("[x [y [z]]] and [w]");
        Assert.Equal(4, analysis.Count);
        Assert.Equal(2, analysis.Groups[0].Nested[0].Nested[0].Depth);
    }

    [Fact]
    public void Brackets_closing_without_opening_is_an_error_not_an_exception()
    {
        var analysis = BracketParser.Parse("text ] here [ok]");
        var error = Assert.Single(analysis.Errors);
        Assert.Equal(5, error.Position);
        Assert.Contains("]", error.Message);
        Assert.Equal(["ok"], Assert.Single(analysis.Groups).Alternatives);
        Assert.False(analysis.IsClean);
    }

    [Fact]
    public void Brackets_opening_never_closed_is_an_error_and_well_formed_pairs_survive()
    {
        const string text = "[unclosed [ok] end";
        var analysis = BracketParser.Parse(text);

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(0, error.Position);
        Assert.Contains("never closed", error.Message);
        var group = Assert.Single(analysis.Groups);
        Assert.Equal(0, group.Depth);
        Assert.Equal(10, group.Start);
        Assert.Equal(["ok"], group.Alternatives);
    }

    [Fact]
    public void Brackets_errors_are_reported_in_text_order()
    {
        var analysis = BracketParser.Parse("] [ a ] ] [");
        Assert.Equal([0, 8, 10], analysis.Errors.Select(e => e.Position));
        Assert.Single(analysis.Groups);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No brackets (only parentheses) here.")]
    [InlineData("تلتزم الدول 维和人员 Миротворцы")]
    public void Brackets_absent_means_clean(string text)
    {
        var analysis = BracketParser.Parse(text);
        Assert.True(analysis.IsClean);
        Assert.Equal(0, analysis.Count);
    }

    [Fact]
    public void Brackets_empty_pair_is_still_a_group()
    {
        Assert.Equal([""], Assert.Single(BracketParser.Parse("a [] b").Groups).Alternatives);
    }
}
