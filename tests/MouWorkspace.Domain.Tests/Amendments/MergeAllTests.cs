using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Tests.Amendments;

public class MergeAllTests
{
    private const string Current = "The troop-contributing country [shall][should] investigate all allegations of misconduct promptly.";

    [Fact]
    public void Several_proposals_merge_onto_the_current_text_and_each_is_credited_with_its_words()
    {
        var result = ThreeWayMerge.MergeAll(Current,
        [
            new("IND", Current, "The troop-contributing country shall investigate all allegations of misconduct promptly."),
            new("NAM", Current, "The troop-contributing country [shall][should] investigate all credible allegations of misconduct promptly."),
            new("EU", Current, "The troop-contributing country [shall][should] investigate all allegations of sexual misconduct promptly and report."),
        ]);

        Assert.Equal("The troop-contributing country shall investigate all credible allegations of sexual misconduct promptly and report.", result.Text);
        Assert.Equal(
            [
                new MergedRange("IND", 31, 5, 31, "[shall][should]"),
                new MergedRange("NAM", 53, 9, 63, ""),
                new MergedRange("EU", 77, 7, 78, ""),
                new MergedRange("EU", 103, 11, 97, ""),
            ],
            result.Ranges);
        Assert.Equal(["shall", "credible ", "sexual ", " and report"], result.Ranges.Select(r => result.Text!.Substring(r.Start, r.Length)));
        Assert.Contains(new MergedRun(DiffOp.Delete, "[shall][should]", "IND"), result.Runs);
        ThreeWayMergeTests.AssertRunsRebuild(Current, result);
    }

    [Fact]
    public void Proposals_on_older_bases_are_mapped_onto_the_current_text()
    {
        const string rev1 = "The troop-contributing country [shall][should] investigate allegations.";
        const string rev2 = "The troop-contributing country [shall][should] investigate allegations of misconduct.";
        const string current = "The troop-contributing country shall investigate allegations of misconduct.";
        var result = ThreeWayMerge.MergeAll(current,
        [
            new("FRA", rev1, "The troop-contributing country [shall][should] promptly investigate allegations."),
            new("URY", rev2, "The troop-contributing country [shall][should] investigate allegations of misconduct by its personnel."),
        ]);

        Assert.Equal("The troop-contributing country shall promptly investigate allegations of misconduct by its personnel.", result.Text);
        Assert.Equal(["FRA", "URY"], result.Ranges.Select(r => r.ProposalId));
    }

    [Fact]
    public void Two_proposals_changing_the_same_words_clash_and_nothing_is_merged()
    {
        var result = ThreeWayMerge.MergeAll(Current,
        [
            new("IND", Current, "The troop-contributing country shall investigate all allegations of misconduct promptly."),
            new("FRA", Current, "The troop-contributing country should investigate all allegations of misconduct promptly."),
            new("URY", Current, "The troop-contributing country [shall][should] investigate all allegations of misconduct without delay."),
        ]);

        Assert.Null(result.Text);
        Assert.Empty(result.Ranges);
        Assert.Empty(result.Runs);
        Assert.Equal(
            new ProposalClash("IND", "FRA", new WordClash(31, "[shall][should]", "shall", "[shall][should]"), "should"),
            Assert.Single(result.Clashes));
    }

    [Fact]
    public void Two_proposals_inserting_at_the_same_point_clash()
    {
        var result = ThreeWayMerge.MergeAll(Current,
        [
            new("A", Current, Current.Replace("all allegations", "all credible allegations")),
            new("B", Current, Current.Replace("all allegations", "all reported allegations")),
        ]);

        var clash = Assert.Single(result.Clashes);
        Assert.Equal(("A", "B", "credible ", "reported "), (clash.ProposalId, clash.OtherProposalId, clash.Words.Proposal, clash.Other));
        Assert.Equal("", clash.Words.Current);
    }

    [Fact]
    public void A_deletion_and_an_edit_of_the_same_words_clash()
    {
        var result = ThreeWayMerge.MergeAll(Current,
        [
            new("A", Current, Current.Replace(" promptly", "")),
            new("B", Current, Current.Replace("promptly", "without delay")),
        ]);

        var clash = Assert.Single(result.Clashes);
        Assert.Equal((" promptly", "", " without delay"), (clash.Words.Current, clash.Words.Proposal, clash.Other));
    }

    [Fact]
    public void The_same_change_proposed_twice_is_made_once_and_credited_to_the_first()
    {
        var chosen = Current.Replace("[shall][should]", "shall");
        var result = ThreeWayMerge.MergeAll(Current, [new("A", Current, chosen), new("B", Current, chosen)]);
        Assert.Equal(chosen, result.Text);
        Assert.Equal("A", Assert.Single(result.Ranges).ProposalId);
    }

    [Fact]
    public void A_proposal_clashing_with_the_current_text_and_one_clashing_with_another_are_all_reported()
    {
        const string old = "The troop-contributing country [shall][should] investigate allegations of misconduct promptly.";
        var result = ThreeWayMerge.MergeAll(Current,
        [
            // Changing "investigate" alone would merge: the current text's "all " went in after it.
            new("OLD", old, old.Replace("investigate allegations", "investigate credible allegations")),
            new("A", Current, Current.Replace("promptly", "at once")),
            new("B", Current, Current.Replace("promptly", "forthwith")),
        ]);

        Assert.Equal(2, result.Clashes.Count);
        var stale = result.Clashes.Single(c => c.ProposalId == "OLD");
        Assert.Null(stale.OtherProposalId);
        Assert.Equal(("", "credible ", "all "), (stale.Words.Base, stale.Words.Proposal, stale.Words.Current));
        Assert.Equal(Current.IndexOf("all ", StringComparison.Ordinal), stale.Words.At);
        Assert.Contains(result.Clashes, c => (c.ProposalId, c.OtherProposalId) == ("A", "B"));
    }

    [Fact]
    public void No_proposals_give_the_current_text()
    {
        var result = ThreeWayMerge.MergeAll(Current, []);
        Assert.Equal(Current, result.Text);
        Assert.Empty(result.Ranges);
    }

    [Fact]
    public void Ids_must_be_distinct() =>
        Assert.Throws<ArgumentException>(() => ThreeWayMerge.MergeAll(Current, [new("A", Current, "x"), new("A", Current, "y")]));
}
