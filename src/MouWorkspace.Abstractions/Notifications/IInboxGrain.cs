using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Notifications;

/// <summary>
/// One user's notifications (key: the user id): the feed with its unread count, what they follow, and the
/// e-mail digest waiting for its delay. One activation in the cluster, so each notification is kept (and
/// mailed) once however many silos there are.
/// </summary>
[Alias("notify.IInboxGrain")]
public interface IInboxGrain : IGrainWithStringKey
{
    /// <summary>One-way from the followers grain; a notification already delivered (same id) is ignored.</summary>
    [OneWay]
    Task DeliverAsync(Notification notification, Follower recipient);

    [ReadOnly]
    Task<Feed> GetFeedAsync(bool unreadOnly, int limit);

    /// <summary>Marks the given ids read (all when <paramref name="ids"/> is null); answers the unread count.</summary>
    Task<int> MarkReadAsync(IReadOnlyList<string>? ids);

    Task RecordFollowAsync(Follow follow, bool following);

    [ReadOnly]
    Task<IReadOnlyList<Follow>> GetFollowsAsync();
}
