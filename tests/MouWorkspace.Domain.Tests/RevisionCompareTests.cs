using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Revisions;

namespace MouWorkspace.Domain.Tests;

public class RevisionCompareTests
{
    private static ClauseSnapshot Clause(string id, string text, string number = "", string heading = "") =>
        new(id, number.Length > 0 ? number : "OP-" + id, heading, text, 1);

    [Fact]
    public void Compare_places_removed_clauses_where_they_stood()
    {
        ClauseSnapshot[] from = [Clause("a", "A"), Clause("b", "B"), Clause("c", "C old"), Clause("d", "D")];
        ClauseSnapshot[] to = [Clause("a", "A"), Clause("c", "C new"), Clause("e", "E")];

        var result = RevisionCompare.Compare(from, to);

        Assert.Equal(["a", "b", "c", "d", "e"], result.Select(r => r.ClauseId));
        Assert.Equal(
            [ClauseChange.Unchanged, ClauseChange.Removed, ClauseChange.Changed, ClauseChange.Removed, ClauseChange.Added],
            result.Select(r => r.Change));
    }

    [Fact]
    public void Compare_puts_clauses_removed_from_the_top_first()
    {
        var result = RevisionCompare.Compare([Clause("x", "X"), Clause("y", "Y"), Clause("a", "A")], [Clause("a", "A")]);
        Assert.Equal(["x", "y", "a"], result.Select(r => r.ClauseId));
    }

    [Fact]
    public void Compare_follows_the_new_order_when_clauses_move()
    {
        var result = RevisionCompare.Compare(
            [Clause("a", "A"), Clause("b", "B"), Clause("c", "C")],
            [Clause("c", "C"), Clause("a", "A")]);
        Assert.Equal(["c", "a", "b"], result.Select(r => r.ClauseId));
    }

    [Fact]
    public void Compare_gives_whole_text_runs_for_added_removed_and_unchanged()
    {
        var result = RevisionCompare.Compare(
            [Clause("gone", "Old text"), Clause("same", "Same text")],
            [Clause("same", "Same text"), Clause("new", "New text"), Clause("blank", "")]);

        Assert.Equal([new DiffChange(DiffOp.Delete, "Old text")], result.Single(r => r.ClauseId == "gone").Changes);
        Assert.Equal([new DiffChange(DiffOp.Equal, "Same text")], result.Single(r => r.ClauseId == "same").Changes);
        Assert.Equal([new DiffChange(DiffOp.Insert, "New text")], result.Single(r => r.ClauseId == "new").Changes);
        var blank = result.Single(r => r.ClauseId == "blank");
        Assert.Equal(ClauseChange.Added, blank.Change);
        Assert.Empty(blank.Changes);
    }

    [Fact]
    public void Compare_changed_clause_carries_the_word_diff()
    {
        var result = RevisionCompare.Compare(
            [Clause("a", "The State shall ensure")],
            [Clause("a", "The State shall certify and ensure")]);

        var clause = Assert.Single(result);
        Assert.Equal(ClauseChange.Changed, clause.Change);
        Assert.Equal(WordDiff.Compute("The State shall ensure", "The State shall certify and ensure"), clause.Changes);
        Assert.Contains(clause.Changes, c => c.Op == DiffOp.Insert && c.Text.Contains("certify"));
    }

    [Fact]
    public void Compare_heading_change_alone_is_a_change()
    {
        var result = RevisionCompare.Compare([Clause("a", "Text", heading: "Old")], [Clause("a", "Text", heading: "New")]);
        var clause = Assert.Single(result);
        Assert.Equal(ClauseChange.Changed, clause.Change);
        Assert.Equal("New", clause.Heading);
        Assert.Equal([new DiffChange(DiffOp.Equal, "Text")], clause.Changes);
    }

    [Fact]
    public void Compare_version_or_number_change_alone_is_not_a_change()
    {
        var result = RevisionCompare.Compare(
            [new ClauseSnapshot("a", "OP3", "H", "Text", 1)],
            [new ClauseSnapshot("a", "OP3 bis", "H", "Text", 2)]);
        var clause = Assert.Single(result);
        Assert.Equal(ClauseChange.Unchanged, clause.Change);
        Assert.Equal("OP3 bis", clause.Number);
    }

    [Fact]
    public void Compare_takes_number_and_heading_from_the_side_that_has_the_clause()
    {
        var result = RevisionCompare.Compare(
            [Clause("old", "x", "PP2", "Old heading")],
            [Clause("new", "y", "OP5", "New heading")]);
        Assert.Equal(("PP2", "Old heading"), (result[0].Number, result[0].Heading));
        Assert.Equal(("OP5", "New heading"), (result[1].Number, result[1].Heading));
    }

    [Fact]
    public void Compare_rejects_duplicate_ids()
    {
        Assert.Throws<ArgumentException>(() => RevisionCompare.Compare([Clause("a", "x"), Clause("a", "y")], []));
    }
}
