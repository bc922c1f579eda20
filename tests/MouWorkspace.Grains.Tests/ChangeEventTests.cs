using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Grains.Tests;

/// <summary>
/// Every grain write publishes a typed event on its scope's change stream, after the write, with what a consumer
/// needs; the router hands it to every consumer in order, and the audit consumer records the changes no request made.
/// </summary>
[Collection("cluster")]
public sealed class ChangeEventTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_negotiation_publishes_one_typed_event_per_change_in_order()
    {
        var mouId = Ids.New();
        var scope = AuditScopes.Mou(mouId);
        var mou = fixture.Grains.GetGrain<IMouGrain>(mouId);
        Assert.True((await mou.CreateAsync(new CreateMou("un", "Evented MOU", ["FRA", "IND"], false, Actors.Secretariat))).Ok);
        var clause = (await mou.AddClauseAsync(new AddClause("Training", "States shall train personnel.", null, ClauseKind.Operative, Actors.Secretariat))).Value!;
        var grain = fixture.Grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clause.Id));
        Assert.True((await grain.SaveDraftAsync("States shall train all personnel.", "IND proposal", 1, Actors.Legal)).Ok);
        var comment = (await grain.AddCommentAsync("Why all?", "all personnel", null, Actors.Delegate("FRA"))).Value!;
        Assert.True((await grain.ResolveCommentAsync(comment.Id, true, Actors.Delegate("FRA"))).Ok);
        var proposal = (await grain.AddProposalAsync("States shall train deployed personnel.", "FRA", Actors.Delegate("FRA"))).Value!;
        Assert.True((await mou.PublishRevisionAsync("Rev.1", Actors.Secretariat)).Ok);
        Assert.True((await mou.GivePositionAsync(1, "IND", PositionKind.Agree, "", Actors.Delegate("IND"))).Ok);

        await RecordingConsumer.WaitForAsync<PositionGiven>(scope);
        var events = RecordingConsumer.In(scope);
        Assert.Equal(["mou.created", "clause.added", "draft.saved", "comment.added", "comment.resolved", "proposal.submitted", "revision.published", "position.given"],
            events.Select(e => e.Kind));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.All(events, e => Assert.False(e.ViaApi));

        var draft = Assert.IsType<DraftSaved>(events[2]);
        Assert.Equal((mouId, clause.Id, "OP1", 2, "IND proposal", Actors.Legal), (draft.MouId, draft.ClauseId, draft.Number, draft.Version, draft.Rationale, draft.By));
        var commented = Assert.IsType<CommentAdded>(events[3]);
        Assert.Equal((comment.Id, (string?)null, (string?)null), (commented.CommentId, commented.ReplyTo, commented.Language));
        var proposed = Assert.IsType<ProposalSubmitted>(events[5]);
        Assert.Equal((proposal.Id, "FRA"), (proposed.ProposalId, proposed.OnBehalfOf));
        var position = Assert.IsType<PositionGiven>(events[7]);
        Assert.Equal((1, "IND", "agree"), (position.Revision, position.MemberState, position.Position));
    }

    [Fact]
    public async Task A_refused_write_publishes_nothing()
    {
        var mouId = Ids.New();
        var mou = fixture.Grains.GetGrain<IMouGrain>(mouId);
        Assert.True((await mou.CreateAsync(new CreateMou("un", "Quiet MOU", ["FRA"], false, Actors.Secretariat))).Ok);
        var clause = (await mou.AddClauseAsync(new AddClause("H", "Text.", null, ClauseKind.Operative, Actors.Secretariat))).Value!;
        var grain = fixture.Grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clause.Id));
        Assert.False((await grain.SaveDraftAsync("Stale.", "", 7, Actors.Legal)).Ok);
        Assert.False((await grain.AddProposalAsync("Text.", "FRA", Actors.Delegate("FRA"))).Ok);
        // A change after the refused ones: once it has arrived, anything published before it has too.
        Assert.True((await grain.SaveDraftAsync("Text, changed.", "", 1, Actors.Legal)).Ok);
        await RecordingConsumer.WaitForAsync<DraftSaved>(AuditScopes.Mou(mouId));
        Assert.Equal(["mou.created", "clause.added", "draft.saved"], RecordingConsumer.In(AuditScopes.Mou(mouId)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Changes_no_request_made_are_audited_by_the_consumer_in_words()
    {
        var mouId = Ids.New();
        var mou = fixture.Grains.GetGrain<IMouGrain>(mouId);
        Assert.True((await mou.CreateAsync(new CreateMou("un", "Seeded MOU", ["FRA"], false, Actors.Secretariat))).Ok);
        await RecordingConsumer.WaitForAsync<MouCreated>(AuditScopes.Mou(mouId));
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(AuditScopes.Mou(mouId));
        IReadOnlyList<AuditRecord> records = [];
        for (var i = 0; i < 200 && records.Count == 0; i++)
        {
            records = await log.ReadAsync();
            if (records.Count == 0)
                await Task.Delay(25);
        }
        var record = Assert.Single(records);
        Assert.Equal(("EVENT mou.created", "created the text", Actors.Secretariat.UserId), (record.Action, record.Target, record.UserId));
        Assert.StartsWith("event:", record.ContentHash, StringComparison.Ordinal);
    }
}

/// <summary>"Since your last visit" is kept per user (the inbox grain), a browser tab keeping its baseline.</summary>
[Collection("cluster")]
public sealed class VisitTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_first_visit_has_no_baseline_a_tab_keeps_its_own_and_a_new_tab_starts_from_the_previous_visit()
    {
        var inbox = fixture.Grains.GetGrain<MouWorkspace.Abstractions.Notifications.IInboxGrain>("visit-" + Ids.New());
        Assert.Null(await inbox.BeginVisitAsync("tab-1"));
        // Reloading the first tab: still the first visit.
        Assert.Null(await inbox.BeginVisitAsync("tab-1"));
        var beforeSecond = DateTimeOffset.UtcNow;
        var second = await inbox.BeginVisitAsync("tab-2");
        Assert.NotNull(second);
        Assert.True(second <= beforeSecond, "a new tab lists what changed since the previous visit");
        // The second tab keeps its baseline on reload; a third tab starts after the second one's visit.
        Assert.Equal(second, await inbox.BeginVisitAsync("tab-2"));
        var third = await inbox.BeginVisitAsync("tab-3");
        Assert.True(third > second);
    }
}
