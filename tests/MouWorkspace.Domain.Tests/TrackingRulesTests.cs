using MouWorkspace.Domain.Revisions;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Domain.Tests;

public sealed class TrackingRulesTests
{
    [Fact]
    public void The_five_regional_groups_partition_the_193_member_states()
    {
        var listed = RegionalGroups.Members.SelectMany(g => g.Value).ToList();
        Assert.Equal(193, listed.Count);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(MemberStates.All, s => Assert.NotNull(RegionalGroups.Of(s.Code)));
        Assert.Equal((54, 23, 33), (RegionalGroups.Members[RegionalGroup.African].Length, RegionalGroups.Members[RegionalGroup.EasternEuropean].Length,
            RegionalGroups.Members[RegionalGroup.LatinAmericanAndCaribbean].Length));
        Assert.Equal(RegionalGroup.WesternEuropeanAndOthers, RegionalGroups.Of("fra"));
        Assert.Equal(RegionalGroup.AsiaPacific, RegionalGroups.Of("NPL"));
        Assert.Null(RegionalGroups.Of("XXX"));
    }

    [Theory]
    [InlineData(ReformStatus.InProgress, "2005-12-31", "2007-06-01", true)]
    [InlineData(ReformStatus.Stalled, "2005-12-31", "2005-12-31", false)]
    [InlineData(ReformStatus.Completed, "2005-12-31", "2007-06-01", false)]
    [InlineData(ReformStatus.NotStarted, null, "2007-06-01", false)]
    public void Overdue_is_past_due_and_not_completed(ReformStatus status, string? due, string today, bool overdue) =>
        Assert.Equal(overdue, ReformRules.IsOverdue(status, due is null ? null : DateOnly.Parse(due), DateOnly.Parse(today)));

    [Fact]
    public void Status_and_pillar_wire_names_round_trip()
    {
        foreach (var status in Enum.GetValues<ReformStatus>())
            Assert.True(ReformRules.TryParseStatus(ReformRules.ToWire(status), out var parsed) && parsed == status);
        foreach (var pillar in Enum.GetValues<ReformPillar>())
            Assert.True(ReformRules.TryParsePillar(ReformRules.ToWire(pillar), out var parsed) && parsed == pillar);
        Assert.False(ReformRules.TryParseStatus("1", out _));
        Assert.False(ReformRules.TryParseStatus("done", out _));
    }

    [Fact]
    public void A_date_is_in_the_future_only_when_it_is_tomorrow_everywhere()
    {
        var now = new DateTimeOffset(2007, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.False(PastDates.IsInFuture(new DateOnly(2007, 3, 2), now)); // already 2 March in Kiribati (UTC+14)
        Assert.True(PastDates.IsInFuture(new DateOnly(2007, 3, 3), now));
        Assert.Equal(new DateOnly(2007, 3, 1), PastDates.Today(now));
    }

    private static ClauseSnapshot Clause(string id, string text) => new(id, id.ToUpperInvariant(), "", text, 1);

    [Fact]
    public void Drift_counts_changed_added_and_removed_clauses_and_nothing_adopted_drifts_by_the_whole_text()
    {
        IReadOnlyList<ClauseSnapshot> rev1 = [Clause("a", "One."), Clause("b", "Two."), Clause("c", "Three.")];
        IReadOnlyList<ClauseSnapshot> rev2 = [Clause("a", "One."), Clause("b", "Two, amended."), Clause("d", "Four.")];
        var drift = Drift.Compute(1, rev1, 2, rev2);
        Assert.Equal(3, drift.Size);
        Assert.Equal([ClauseChange.Unchanged, ClauseChange.Changed, ClauseChange.Removed, ClauseChange.Added], drift.Clauses.Select(c => c.Change));

        var none = Drift.Compute(null, null, 2, rev2);
        Assert.Equal(3, none.Size);
        Assert.All(none.Clauses, c => Assert.Equal(ClauseChange.Added, c.Change));
        Assert.Equal(0, Drift.Compute(2, rev2, 2, rev2).Size);
    }

    [Fact]
    public void The_matrix_filters_and_sorts_rows()
    {
        MatrixRow Row(string code, string name, RegionalGroup region, int? adopted, int drift, string? on = null) =>
            new(code, name, region, [new MatrixCell("m", 2, adopted, on is null ? null : DateOnly.Parse(on), drift)]);
        MatrixRow[] rows =
        [
            Row("URY", "Uruguay", RegionalGroup.LatinAmericanAndCaribbean, 1, 2, "2007-02-12"),
            Row("FRA", "France", RegionalGroup.WesternEuropeanAndOthers, 2, 0, "2007-03-01"),
            Row("MAR", "Morocco", RegionalGroup.African, null, 5),
        ];
        Assert.Equal(["FRA", "URY"], AdoptionMatrix.Apply(rows, AdoptionFilter.Adopted, MatrixSort.Name).Select(r => r.Code));
        Assert.Equal(["MAR"], AdoptionMatrix.Apply(rows, AdoptionFilter.NotAdopted, MatrixSort.Name).Select(r => r.Code));
        Assert.Equal(["URY"], AdoptionMatrix.Apply(rows, AdoptionFilter.Behind, MatrixSort.Name).Select(r => r.Code));
        Assert.Equal(["MAR", "URY", "FRA"], AdoptionMatrix.Apply(rows, AdoptionFilter.All, MatrixSort.Drift, descending: true).Select(r => r.Code));
        Assert.Equal(["MAR", "URY", "FRA"], AdoptionMatrix.Apply(rows, AdoptionFilter.All, MatrixSort.Region).Select(r => r.Code));
        Assert.Equal(["FRA", "MAR", "URY"], AdoptionMatrix.Apply(rows, AdoptionFilter.All, MatrixSort.Code).Select(r => r.Code));
        Assert.Empty(AdoptionMatrix.Apply(rows, AdoptionFilter.Adopted, MatrixSort.Name, mouId: "other"));
        // By adoption date: the countries that adopted, in date order either way, then those that did not (issue 15.17).
        Assert.Equal(["URY", "FRA", "MAR"], AdoptionMatrix.Apply(rows, AdoptionFilter.All, MatrixSort.AdoptedOn).Select(r => r.Code));
        Assert.Equal(["FRA", "URY", "MAR"], AdoptionMatrix.Apply(rows, AdoptionFilter.All, MatrixSort.AdoptedOn, descending: true).Select(r => r.Code));
    }
}
