using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Notifications;
using Orleans.Hosting;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// One user's feed, follows and pending e-mail. Orleans keeps one activation of it in the cluster, and a
/// notification is recognised by its id, so each is shown and mailed once.
/// </summary>
public sealed partial class InboxGrain(
    [PersistentState("inbox", StorageNames.Blobs)] IPersistentState<InboxState> state,
    TimeProvider clock,
    INotificationMailer mailer,
    IOptions<NotificationOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<InboxGrain> logger) : Grain, IInboxGrain, IRemindable
{
    private InboxState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.PendingMail.Count > 0)
            ArmMailTimer();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> BeginVisitAsync(string tab)
    {
        var known = S.Tabs.Find(t => t.Tab == tab);
        var before = (S.LastVisitAt, Tabs: S.Tabs.ToList());
        var visit = known ?? new TabVisit(tab, S.LastVisitAt);
        S.Tabs.Remove(visit);
        S.Tabs.Add(visit);
        if (S.Tabs.Count > 20)
            S.Tabs.RemoveAt(0);
        S.LastVisitAt = clock.GetUtcNow();
        await state.WriteOrRollBackAsync(() => (S.LastVisitAt, S.Tabs) = before, DeactivateOnIdle);
        return visit.Since;
    }

    public async Task DeliverAsync(Notification notification, Follower recipient)
    {
        if (S.Items.Exists(i => i.Notification.Id == notification.Id))
            return;
        var entry = new InboxEntry { Notification = notification };
        var before = (S.Recipient, S.FirstPendingAt, S.LastPendingAt);
        S.Items.Add(entry);
        S.Recipient = recipient;
        var mail = mailer.Enabled;
        if (mail)
        {
            var now = clock.GetUtcNow();
            S.PendingMail.Add(notification.Id);
            S.FirstPendingAt ??= now;
            S.LastPendingAt = now;
        }
        var dropped = S.Items.Count > options.Value.FeedSize ? S.Items.GetRange(0, S.Items.Count - options.Value.FeedSize) : [];
        S.Items.RemoveRange(0, dropped.Count);
        await state.WriteOrRollBackAsync(() =>
        {
            S.Items.Remove(entry);
            S.Items.InsertRange(0, dropped);
            S.PendingMail.Remove(notification.Id);
            (S.Recipient, S.FirstPendingAt, S.LastPendingAt) = before;
        }, DeactivateOnIdle);
        if (mail)
        {
            if (S.PendingMail.Count == 1)
                await this.RegisterOrUpdateReminder(MailReminder, options.Value.EmailDelay, reminderOptions.Value.MinimumReminderPeriod);
            ArmMailTimer();
        }
    }

    public Task<Feed> GetFeedAsync(bool unreadOnly, int limit)
    {
        var items = Enumerable.Reverse(S.Items).Where(i => !unreadOnly || !i.Read).Take(Math.Max(limit, 0))
            .Select(i => new FeedItem(i.Notification, i.Read)).ToArray();
        return Task.FromResult(new Feed(S.Items.Count(i => !i.Read), items));
    }

    public async Task<int> MarkReadAsync(IReadOnlyList<string>? ids)
    {
        var marked = S.Items.Where(i => !i.Read && (ids is null || ids.Contains(i.Notification.Id))).ToList();
        if (marked.Count > 0)
        {
            marked.ForEach(i => i.Read = true);
            await state.WriteOrRollBackAsync(() => marked.ForEach(i => i.Read = false), DeactivateOnIdle);
        }
        return S.Items.Count(i => !i.Read);
    }

    public async Task RecordFollowAsync(Follow follow, bool following)
    {
        var existing = S.Follows.FindIndex(f => f.MouId == follow.MouId && f.ClauseId == follow.ClauseId);
        if (following == existing >= 0)
            return;
        var removed = following ? null : S.Follows[existing];
        if (following)
            S.Follows.Add(follow);
        else
            S.Follows.RemoveAt(existing);
        await state.WriteOrRollBackAsync(() =>
        {
            if (removed is null)
                S.Follows.Remove(follow);
            else
                S.Follows.Insert(existing, removed);
        }, DeactivateOnIdle);
    }

    public Task<IReadOnlyList<Follow>> GetFollowsAsync() => Task.FromResult<IReadOnlyList<Follow>>(S.Follows.ToArray());
}
