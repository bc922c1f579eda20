using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Silence;
using MouWorkspace.Domain.Positions;
using Orleans.Hosting;

namespace MouWorkspace.Grains.Silence;

public sealed class SilenceGrain(
    [PersistentState("silence", StorageNames.Tables)] IPersistentState<SilenceState> state,
    TimeProvider clock,
    IOptions<ReminderOptions> reminderOptions) : Grain, ISilenceGrain, IRemindable
{
    public const string ReminderName = "silence-deadline";

    /// <summary>Grain timers cannot wait longer than about 49 days; the reminder covers longer deadlines alone.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    private SilenceState S => state.State;
    private IGrainTimer? timer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart the timer is gone: end now if the deadline passed while nobody was here, else re-arm it.
        if (S.Exists && S.Status == SilenceStatus.Running)
        {
            if (clock.GetUtcNow() >= S.Deadline)
                await EndIfDueAsync();
            else
                ArmTimer();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<Outcome<SilenceView>> StartAsync(StartSilence command)
    {
        if (S.Exists)
            return Outcome<SilenceView>.Fail(Failure.Conflict, $"a silence procedure on revision {S.Revision} was started already ({Wire(S.Status)})");
        var now = clock.GetUtcNow();
        if (command.Deadline < now + command.MinimumNotice)
            return Outcome<SilenceView>.Fail(Failure.Invalid,
                $"deadline: must be at least {command.MinimumNotice.TotalHours:0.##} hours ahead (after {now + command.MinimumNotice:O})");
        var mou = GrainFactory.GetGrain<IMouGrain>(command.MouId);
        var info = await mou.GetInfoAsync();
        if (info is null)
            return Outcome<SilenceView>.Fail(Failure.NotFound, $"there is no MOU {command.MouId}");
        if (info.Organization != command.By.Organization)
            return Outcome<SilenceView>.Fail(Failure.Forbidden, $"there is no MOU {command.MouId}");
        if (command.Revision < 1 || command.Revision > info.Revisions.Count)
            return Outcome<SilenceView>.Fail(Failure.NotFound, $"there is no revision {command.Revision} of this MOU");
        if (command.Revision != info.Revisions.Count)
            return Outcome<SilenceView>.Fail(Failure.Conflict, $"revision {command.Revision} is superseded: silence runs on the latest revision ({info.Revisions.Count})");
        var consensus = (await mou.GetPositionsAsync(command.Revision))?.Consensus;
        if (consensus is ConsensusState.Adopted or ConsensusState.Blocked)
            return Outcome<SilenceView>.Fail(Failure.Conflict, $"revision {command.Revision} is {consensus.ToString()!.ToLowerInvariant()} already");

        S.MouId = command.MouId;
        S.Revision = command.Revision;
        S.Deadline = command.Deadline;
        S.Status = SilenceStatus.Running;
        S.StartedBy = command.By.Name;
        S.StartedAt = now;
        await state.WriteStateAsync();
        // The reminder is what survives restarts; its period only matters if a tick is missed.
        await this.RegisterOrUpdateReminder(ReminderName, Max(command.Deadline - now, TimeSpan.Zero), reminderOptions.Value.MinimumReminderPeriod);
        ArmTimer();
        await this.PublishAsync(new SilenceStarted(S.MouId, S.Revision, S.Deadline, command.By, now));
        return Outcome<SilenceView>.Success(View());
    }

    public Task<SilenceView?> GetAsync() => Task.FromResult(S.Exists ? View() : null);

    public async Task ObjectionRecordedAsync(PositionEntry objection)
    {
        if (S.Exists && S.Status == SilenceStatus.Running)
            await EndIfDueAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
            return;
        if (S.Exists && S.Status == SilenceStatus.Running)
            await EndIfDueAsync();
        else
            await DropReminderAsync();
    }

    /// <summary>
    /// Asks the MOU for its verdict and records it once the procedure is over. Safe to call any number of
    /// times, from the timer, the reminder, an activation or an objection: only the first end is written.
    /// </summary>
    private async Task EndIfDueAsync()
    {
        if (S.Status != SilenceStatus.Running)
            return;
        var verdict = await GrainFactory.GetGrain<IMouSilenceGrain>(S.MouId).CloseSilenceAsync(S.Revision, S.StartedAt, S.Deadline);
        if (verdict.Status == SilenceStatus.Running || S.Status != SilenceStatus.Running)
            return;
        S.Status = verdict.Status;
        S.BrokenBy = verdict.BrokenBy;
        S.EndedAt = verdict.BrokenBy?.At ?? S.Deadline;
        await state.WriteStateAsync();
        timer?.Dispose();
        timer = null;
        await DropReminderAsync();
        // Nobody asked for this change (the deadline passed, or an objection closed it): the system made it.
        var organization = (await GrainFactory.GetGrain<IMouGrain>(S.MouId).GetInfoAsync())?.Organization ?? "";
        await this.PublishAsync(new SilenceEnded(S.MouId, S.Revision, S.Status == SilenceStatus.Adopted ? "adopted" : "broken",
            S.BrokenBy?.MemberState, Actor.System(organization), S.EndedAt ?? clock.GetUtcNow()));
    }

    private void ArmTimer()
    {
        var remaining = Max(S.Deadline - clock.GetUtcNow(), TimeSpan.Zero);
        if (timer is not null || remaining > LongestTimer)
            return;
        timer = this.RegisterGrainTimer(_ => EndIfDueAsync(), new GrainTimerCreationOptions
        {
            // A little after the deadline, so that the MOU's clock has passed it too.
            DueTime = remaining + TimeSpan.FromMilliseconds(50),
            Period = TimeSpan.FromSeconds(1),
        });
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private SilenceView View() => new(S.MouId, S.Revision, S.Deadline, S.Status, S.StartedBy, S.StartedAt, S.BrokenBy, S.EndedAt);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Wire(SilenceStatus status) => status.ToString().ToLowerInvariant();
}
