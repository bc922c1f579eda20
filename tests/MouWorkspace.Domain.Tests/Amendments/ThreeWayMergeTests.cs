using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Tests.Amendments;

public class ThreeWayMergeTests
{
    private const string Base = "The troop-contributing country shall investigate all allegations of misconduct promptly.";

    [Fact]
    public void Changes_to_different_words_merge()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country must investigate all allegations of misconduct promptly.",
            "The troop-contributing country shall investigate all allegations of misconduct without delay.");

        Assert.Equal("The troop-contributing country must investigate all allegations of misconduct without delay.", result.Text);
        Assert.Empty(result.Clashes);
        var range = Assert.Single(result.Ranges);
        Assert.Equal(new MergedRange("proposal", 31, 4, 31, "shall"), range);
        Assert.Equal("must", result.Text!.Substring(range.Start, range.Length));
    }

    [Fact]
    public void Changes_to_neighbouring_words_merge()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country must investigate all allegations of misconduct promptly.",
            "The troop-contributing country shall examine all allegations of misconduct promptly.");

        Assert.Equal("The troop-contributing country must examine all allegations of misconduct promptly.", result.Text);
    }

    [Fact]
    public void On_an_unchanged_base_the_merge_is_the_proposal_exactly()
    {
        const string proposal = "The  troop-contributing country, shall\tinvestigate [all][any]\nallegations promptly.";
        var result = ThreeWayMerge.Merge(Base, proposal, Base);
        Assert.Equal(proposal, result.Text);
        AssertRunsRebuild(Base, result);
    }

    [Fact]
    public void Whitespace_and_punctuation_changed_since_the_base_are_kept_exactly()
    {
        var result = ThreeWayMerge.Merge(
            "States shall train all personnel, before deployment.",
            "States shall train and certify all personnel, before deployment.",
            "States  shall train all personnel before\ndeployment;");

        Assert.Equal("States  shall train and certify all personnel before\ndeployment;", result.Text);
    }

    [Fact]
    public void Editing_the_same_word_differently_clashes_with_the_words_of_all_three()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country must investigate all allegations of misconduct promptly.",
            "The troop-contributing country should investigate all allegations of misconduct promptly.",
            "P1");

        Assert.Null(result.Text);
        Assert.False(result.IsMerged);
        Assert.Empty(result.Ranges);
        var clash = Assert.Single(result.Clashes);
        Assert.Equal(new ProposalClash("P1", null, new WordClash(31, "shall", "must", "should"), null), clash);
    }

    [Fact]
    public void Deleting_words_that_the_current_text_edited_clashes()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country shall investigate allegations of misconduct promptly.",
            "The troop-contributing country shall investigate any allegations of misconduct promptly.");

        var clash = Assert.Single(result.Clashes).Words;
        Assert.Equal(("all ", "", "any "), (clash.Base, clash.Proposal, clash.Current));
        Assert.Equal(Base.IndexOf("all allegations", StringComparison.Ordinal), clash.At);
    }

    [Fact]
    public void Editing_inside_a_range_the_current_text_replaced_clashes()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country shall investigate all credible allegations of misconduct promptly.",
            "The troop-contributing country shall look into every report of misconduct promptly.");

        var clash = Assert.Single(result.Clashes).Words;
        Assert.Equal("investigate all allegations", clash.Base);
        Assert.Equal("investigate all credible allegations", clash.Proposal);
        Assert.Equal("look into every report", clash.Current);
    }

    [Fact]
    public void Inserting_at_the_same_point_as_the_current_text_clashes()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country shall investigate all credible allegations of misconduct promptly.",
            "The troop-contributing country shall investigate all reported allegations of misconduct promptly.");

        var clash = Assert.Single(result.Clashes).Words;
        Assert.Equal(("", "credible ", "reported "), (clash.Base, clash.Proposal, clash.Current));
    }

    [Fact]
    public void Inserting_next_to_words_the_current_text_deleted_merges()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country shall investigate all credible allegations of misconduct promptly.",
            "The troop-contributing country shall investigate allegations of misconduct promptly.");

        Assert.Equal("The troop-contributing country shall investigate credible allegations of misconduct promptly.", result.Text);
    }

    [Fact]
    public void A_change_the_current_text_already_made_is_not_made_twice()
    {
        const string proposal = "The troop-contributing country must investigate all allegations of misconduct promptly.";
        var result = ThreeWayMerge.Merge(Base, proposal, proposal);
        Assert.Equal(proposal, result.Text);
        Assert.Empty(result.Ranges);
    }

    [Fact]
    public void A_proposal_equal_to_its_base_merges_to_the_current_text()
    {
        const string current = "The Government shall investigate.";
        var result = ThreeWayMerge.Merge(Base, Base, current);
        Assert.Equal(current, result.Text);
        Assert.Equal([new MergedRun(DiffOp.Equal, current, null)], result.Runs);
    }

    [Fact]
    public void Choosing_a_bracket_alternative_is_an_ordinary_change()
    {
        const string bracketed = "The troop-contributing country [shall][should] investigate all allegations [promptly].";
        var result = ThreeWayMerge.Merge(
            bracketed,
            "The troop-contributing country shall investigate all allegations [promptly].",
            "The troop-contributing country [shall][should] investigate all credible allegations [promptly].");

        Assert.Equal("The troop-contributing country shall investigate all credible allegations [promptly].", result.Text);
        Assert.Equal(new MergedRange("proposal", 31, 5, 31, "[shall][should]"), Assert.Single(result.Ranges));
    }

    [Fact]
    public void Choosing_an_alternative_of_a_group_the_current_text_changed_clashes()
    {
        var result = ThreeWayMerge.Merge(
            "States [shall][should] train all personnel.",
            "States shall train all personnel.",
            "States [shall][should][must] train all personnel.");

        var clash = Assert.Single(result.Clashes).Words;
        Assert.Equal(("[shall][should]", "shall", "[shall][should][must]"), (clash.Base, clash.Proposal, clash.Current));
    }

    [Fact]
    public void Two_edits_inside_one_bracket_group_clash_because_the_group_is_one_unit()
    {
        var result = ThreeWayMerge.Merge(
            "States [shall train all][should train] personnel.",
            "States [shall train every][should train] personnel.",
            "States [shall instruct all][should train] personnel.");

        Assert.Single(result.Clashes);
    }

    [Fact]
    public void Arabic_words_with_harakat_merge_word_by_word()
    {
        const string @base = "تلتزم الدُّوَلُ المساهمة بقوات بمعايير السلوك";
        var result = ThreeWayMerge.Merge(
            @base,
            "تلتزم الحكوماتُ المساهمة بقوات بمعايير السلوك",
            "تلتزم الدُّوَلُ المساهمة بقوات بجميع معايير السلوك");

        Assert.Equal("تلتزم الحكوماتُ المساهمة بقوات بجميع معايير السلوك", result.Text);

        var clash = ThreeWayMerge.Merge(@base, "تلتزم الدولُ المساهمة بقوات بمعايير السلوك", "تلتزم الدُّوَلِ المساهمة بقوات بمعايير السلوك");
        Assert.Equal(("الدُّوَلُ", "الدولُ", "الدُّوَلِ"), (clash.Clashes[0].Words.Base, clash.Clashes[0].Words.Proposal, clash.Clashes[0].Words.Current));
    }

    [Fact]
    public void Chinese_merges_character_by_character()
    {
        // The tokenizer makes each ideograph a token (Chinese has no spaces), so changes to neighbouring
        // characters merge and a change to the same character clashes.
        const string @base = "部队派遣国必须确保其人员遵守行为标准";
        var result = ThreeWayMerge.Merge(@base, "部队派遣国应当确保其人员遵守行为标准", "部队派遣国必须确保其全体人员遵守行为标准");
        Assert.Equal("部队派遣国应当确保其全体人员遵守行为标准", result.Text);

        var adjacent = ThreeWayMerge.Merge(@base, "部队派遣国应当确保其人员遵守行为标准", "部队派遣国必须保证其人员遵守行为标准");
        Assert.Equal("部队派遣国应当保证其人员遵守行为标准", adjacent.Text);

        var clash = ThreeWayMerge.Merge(@base, "部队派遣国应当确保其人员遵守行为标准", "部队派遣国必需确保其人员遵守行为标准");
        Assert.Equal(("必须", "应当", "必需"), (clash.Clashes[0].Words.Base, clash.Clashes[0].Words.Proposal, clash.Clashes[0].Words.Current));
    }

    [Fact]
    public void Runs_name_the_proposal_and_rebuild_both_texts()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "The troop-contributing country must investigate all allegations of misconduct promptly and report.",
            "The troop-contributing country shall investigate all allegations of misconduct promptly.",
            "P7");

        Assert.Equal(
            [
                new MergedRun(DiffOp.Equal, "The troop-contributing country ", null),
                new MergedRun(DiffOp.Delete, "shall", "P7"),
                new MergedRun(DiffOp.Insert, "must", "P7"),
                new MergedRun(DiffOp.Equal, " investigate all allegations of misconduct promptly", null),
                new MergedRun(DiffOp.Insert, " and report", "P7"),
                new MergedRun(DiffOp.Equal, ".", null),
            ],
            result.Runs);
        AssertRunsRebuild(Base, result);
    }

    internal static void AssertRunsRebuild(string current, MergeResult result)
    {
        Assert.Equal(current, string.Concat(result.Runs.Where(r => r.Op != DiffOp.Insert).Select(r => r.Text)));
        Assert.Equal(result.Text, string.Concat(result.Runs.Where(r => r.Op != DiffOp.Delete).Select(r => r.Text)));
        Assert.All(result.Runs, r => Assert.Equal(r.Op == DiffOp.Equal, r.ProposalId is null));
        // Undoing every range, last first, gives back the current text.
        var text = result.Text!;
        foreach (var range in result.Ranges.Reverse())
            text = text.Remove(range.Start, range.Length).Insert(range.Start, range.Replaced);
        Assert.Equal(current, text);
        var shift = 0;
        foreach (var range in result.Ranges)
        {
            Assert.Equal(range.CurrentStart, range.Start - shift);
            Assert.Equal(range.Replaced, current.Substring(range.CurrentStart, range.Replaced.Length));
            shift += range.Length - range.Replaced.Length;
        }
    }
}
