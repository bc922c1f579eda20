using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Silence;
using MouWorkspace.Domain.Positions;
using Orleans.Core.Internal;

namespace MouWorkspace.Grains.Tests;

[Collection("tracking-cluster")]
public sealed class SilenceGrainTests(TrackingClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan NoMinimum = TimeSpan.Zero;

    private ISilenceGrain Silence(IMouGrain mou, int revision = 1) =>
        fixture.Grains.GetGrain<ISilenceGrain>(SilenceKey.For(mou.GetPrimaryKeyString(), revision));

    private static StartSilence Start(IMouGrain mou, TimeSpan ahead, TimeSpan? minimum = null, int revision = 1) =>
        new(mou.GetPrimaryKeyString(), revision, DateTimeOffset.UtcNow + ahead, minimum ?? NoMinimum, Actors.Secretariat);

    private static async Task<SilenceView> WaitForEndAsync(ISilenceGrain silence, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var view = (await silence.GetAsync())!;
            if (view.Status != SilenceStatus.Running || DateTime.UtcNow > until)
                return view;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_deadline_closer_than_the_minimum_notice_is_refused()
    {
        var mou = await fixture.NewMouAsync();
        var outcome = await Silence(mou).StartAsync(Start(mou, TimeSpan.FromHours(71), TimeSpan.FromHours(72)));
        Assert.Equal(Failure.Invalid, outcome.Failure);
        Assert.Null(await Silence(mou).GetAsync());
        Assert.True((await Silence(mou).StartAsync(Start(mou, TimeSpan.FromHours(73), TimeSpan.FromHours(72)))).Ok);
        Assert.Equal(Failure.Conflict, (await Silence(mou).StartAsync(Start(mou, TimeSpan.FromHours(80)))).Failure);
    }

    [Fact]
    public async Task Only_the_latest_existing_revision_goes_to_silence()
    {
        var mou = await fixture.NewMouAsync(revisions: 2);
        Assert.Equal(Failure.Conflict, (await Silence(mou, 1).StartAsync(Start(mou, TimeSpan.FromHours(1), revision: 1))).Failure);
        Assert.Equal(Failure.NotFound, (await Silence(mou, 3).StartAsync(Start(mou, TimeSpan.FromHours(1), revision: 3))).Failure);
        var nato = Actors.Secretariat with { Organization = "nato" };
        Assert.Equal(Failure.Forbidden, (await Silence(mou, 2).StartAsync(Start(mou, TimeSpan.FromHours(1), revision: 2) with { By = nato })).Failure);
    }

    [Fact]
    public async Task Without_objection_the_revision_is_adopted_at_the_deadline()
    {
        var mou = await fixture.NewMouAsync();
        Assert.True((await Silence(mou).StartAsync(Start(mou, TimeSpan.FromSeconds(2)))).Ok);
        Assert.Equal(ConsensusState.Pending, (await mou.GetPositionsAsync(1))!.Consensus);

        var ended = await WaitForEndAsync(Silence(mou), TimeSpan.FromSeconds(10));
        Assert.Equal(SilenceStatus.Adopted, ended.Status);
        Assert.Equal(ConsensusState.Adopted, (await mou.GetPositionsAsync(1))!.Consensus);
        Assert.Equal(MouStatus.Adopted, (await mou.GetInfoAsync())!.Status);
        var late = await mou.GivePositionAsync(1, "FRA", PositionKind.Object, "too late", Actors.Delegate("FRA"));
        Assert.Equal(Failure.Conflict, late.Failure);
        Assert.Equal(ConsensusState.Adopted, (await mou.GetPositionsAsync(1))!.Consensus);
    }

    [Fact]
    public async Task A_verdict_at_the_deadline_is_a_change_event_of_the_system_that_no_request_made()
    {
        var mou = await fixture.NewMouAsync();
        var scope = AuditScopes.Mou(mou.GetPrimaryKeyString());
        Assert.True((await Silence(mou).StartAsync(Start(mou, TimeSpan.FromSeconds(1)))).Ok);
        var started = await RecordingConsumer.WaitForAsync<SilenceStarted>(scope);
        Assert.Equal((1, Actors.Secretariat), (started.Revision, started.By));

        var ended = await RecordingConsumer.WaitForAsync<SilenceEnded>(scope);
        Assert.Equal((1, "adopted", (string?)null), (ended.Revision, ended.Outcome, ended.BrokenBy));
        Assert.Equal(Actor.SystemUserId, ended.By.UserId);
        Assert.Equal("un", ended.By.Organization);
        Assert.False(ended.ViaApi);
        Assert.NotEqual(started.EventId, ended.EventId);
        Assert.Single(RecordingConsumer.In(scope).OfType<SilenceEnded>());
    }

    [Fact]
    public async Task An_objection_before_the_deadline_breaks_silence_and_records_who_when_and_why()
    {
        var mou = await fixture.NewMouAsync();
        Assert.True((await Silence(mou).StartAsync(Start(mou, TimeSpan.FromSeconds(3)))).Ok);
        var objection = await mou.GivePositionAsync(1, "IND", PositionKind.Object, "OP2 needs capital's review", Actors.Delegate("IND"));
        Assert.True(objection.Ok);

        var ended = await WaitForEndAsync(Silence(mou), TimeSpan.FromSeconds(10));
        Assert.Equal(SilenceStatus.Broken, ended.Status);
        Assert.Equal(new SilenceBreak("IND", "Delegate of IND", objection.Value!.At, "OP2 needs capital's review"), ended.BrokenBy);
        // Past the deadline, the end must not change. Here the time is the condition: wait until the clock has passed
        // the deadline by more than the grain's timer lag (50 ms) and one timer period (1 s), read from the view itself.
        var pastDue = ended.Deadline + TimeSpan.FromSeconds(1.5);
        var wait = pastDue - DateTimeOffset.UtcNow;
        // Task.Delay runs on the monotonic clock and may end a millisecond before the wall clock shows pastDue: wait until it does.
        while (DateTimeOffset.UtcNow <= pastDue)
            await Task.Delay(pastDue - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(5));
        output.WriteLine($"waited {Math.Max(0, wait.TotalMilliseconds):F0} ms for the clock to pass the deadline by 1.5 s");
        Assert.True(DateTimeOffset.UtcNow > pastDue);
        Assert.Equal(SilenceStatus.Broken, (await Silence(mou).GetAsync())!.Status);
        Assert.Equal(ConsensusState.Blocked, (await mou.GetPositionsAsync(1))!.Consensus);
    }

    [Fact]
    public async Task The_reminder_ends_the_procedure_after_the_grain_was_deactivated()
    {
        var mou = await fixture.NewMouAsync();
        var silence = Silence(mou);
        Assert.True((await silence.StartAsync(Start(mou, TimeSpan.FromSeconds(3)))).Ok);
        // Deactivation drops the timer: only the reminder can bring the grain back.
        await silence.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await mou.GetPositionsAsync(1))!.Consensus != ConsensusState.Adopted && DateTime.UtcNow < until)
            await Task.Delay(250); // reads the MOU only, never the silence grain
        Assert.Equal(ConsensusState.Adopted, (await mou.GetPositionsAsync(1))!.Consensus);
        Assert.Equal(SilenceStatus.Adopted, (await silence.GetAsync())!.Status);
    }

    [Fact]
    public async Task A_blocked_revision_cannot_go_to_silence()
    {
        var mou = await fixture.NewMouAsync();
        Assert.True((await mou.GivePositionAsync(1, "FRA", PositionKind.Object, "no", Actors.Delegate("FRA"))).Ok);
        Assert.Equal(Failure.Conflict, (await Silence(mou).StartAsync(Start(mou, TimeSpan.FromHours(1)))).Failure);
    }
}
