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

    /// <summary>
    /// The user opened their home page in a browser tab (<paramref name="tab"/>, the tab's own random id): answers since
    /// when their changes are listed, the time of their previous visit, kept per user (any browser, any device). A
    /// tab keeps its baseline while it lives, so reloading does not empty the list; a new tab starts a new visit.
    /// Null the first time the user comes.
    /// </summary>
    Task<DateTimeOffset?> BeginVisitAsync(string tab);
}
