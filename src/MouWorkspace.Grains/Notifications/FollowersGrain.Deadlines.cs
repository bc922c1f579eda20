using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Abstractions.Silence;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// Silence deadlines are time-driven: when a procedure starts, a notice 24 h and one 1 h before its deadline are
/// scheduled as reminders (they survive restarts and fire on one silo), with a grain timer for punctuality, as the
/// silence grain itself does. A notice is given only while the procedure still runs.
/// </summary>
public sealed partial class FollowersGrain
{
    public static readonly TimeSpan[] NoticesBefore = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    private readonly Dictionary<string, IGrainTimer> deadlineTimers = [];

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var notice = S.Deadlines.Find(d => d.ReminderName == reminderName);
        if (notice is null || notice.Given)
        {
            await DropReminderAsync(reminderName);
            return;
        }
        await GiveIfDueAsync(notice);
    }

    private async Task ScheduleDeadlinesAsync(int revision)
    {
        var silence = await GrainFactory.GetGrain<ISilenceGrain>(SilenceKey.For(MouId, revision)).GetAsync();
        if (silence is not { Status: SilenceStatus.Running })
            return;
        var now = clock.GetUtcNow();
        var added = new List<DeadlineNotice>();
        foreach (var before in NoticesBefore)
        {
            if (silence.Deadline - before <= now || S.Deadlines.Exists(d => d.Revision == revision && d.Before == before))
                continue;
            var notice = new DeadlineNotice { Revision = revision, Deadline = silence.Deadline, Before = before };
            S.Deadlines.Add(notice);
            added.Add(notice);
        }
        if (added.Count == 0)
            return;
        await state.WriteOrRollBackAsync(() => S.Deadlines.RemoveAll(added.Contains), DeactivateOnIdle);
        foreach (var notice in added)
        {
            await this.RegisterOrUpdateReminder(notice.ReminderName, Max(notice.Due - now, TimeSpan.Zero), reminderOptions.Value.MinimumReminderPeriod);
            ArmTimer(notice);
        }
    }

    private async Task ResumeDeadlinesAsync()
    {
        foreach (var notice in S.Deadlines.Where(d => !d.Given).ToList())
        {
            if (clock.GetUtcNow() >= notice.Due)
                await GiveIfDueAsync(notice);
            else
                ArmTimer(notice);
        }
    }

    private void ArmTimer(DeadlineNotice notice)
    {
        var remaining = Max(notice.Due - clock.GetUtcNow(), TimeSpan.Zero);
        if (deadlineTimers.ContainsKey(notice.ReminderName) || remaining > LongestTimer)
            return;
        deadlineTimers[notice.ReminderName] = this.RegisterGrainTimer(_ => GiveIfDueAsync(notice), new GrainTimerCreationOptions
        {
            DueTime = remaining + TimeSpan.FromMilliseconds(50),
            Period = TimeSpan.FromSeconds(1),
        });
    }

    /// <summary>Idempotent: the timer, the reminder and an activation may all call it; only the first gives notice.</summary>
    private async Task GiveIfDueAsync(DeadlineNotice notice)
    {
        if (notice.Given || clock.GetUtcNow() < notice.Due)
            return;
        var silence = await GrainFactory.GetGrain<ISilenceGrain>(SilenceKey.For(MouId, notice.Revision)).GetAsync();
        var running = silence is { Status: SilenceStatus.Running } && silence.Deadline == notice.Deadline;
        if (running && await GrainFactory.GetGrain<IMouGrain>(MouId).GetInfoAsync() is { } mou)
        {
            var label = mou.Revisions.FirstOrDefault(r => r.Number == notice.Revision)?.Label ?? $"revision {notice.Revision}";
            var hours = notice.Before.TotalHours >= 1 ? $"{notice.Before.TotalHours:0} hour{(notice.Before.TotalHours >= 2 ? "s" : "")}" : $"{notice.Before.TotalMinutes:0} minutes";
            var notification = new Notification(
                NotificationContext.IdFor(NotificationKinds.SilenceDeadline, MouId, null, notice.ReminderName, notice.Deadline),
                NotificationKinds.SilenceDeadline, MouId, mou.Title, null, null, notice.ReminderName,
                $"The silence procedure on {label} of {mou.Title} ends in {hours} ({notice.Deadline:yyyy-MM-dd HH:mm} UTC): an objection must be recorded before then.",
                "MouWorkspace", clock.GetUtcNow(), [], []);
            Deliver(notification, mou, S.Users.Values.ToList());
        }
        notice.Given = true;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Deadline notice {Notice} given but not recorded; the inbox ignores a repeat", notice.ReminderName);
        }
        if (deadlineTimers.Remove(notice.ReminderName, out var timer))
            timer.Dispose();
        await DropReminderAsync(notice.ReminderName);
    }

    private async Task DropReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
