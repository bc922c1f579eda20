using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Notifications;

/// <summary>
/// Who follows one MOU and its clauses (key: the MOU id). Told of every change to the MOU, it gathers the
/// context (diff, thread) once and hands each follower who may read it, except the actor, to their
/// <see cref="IInboxGrain"/>. It also keeps the silence deadlines of the MOU and gives notice 24 h and 1 h before.
/// </summary>
[Alias("notify.IFollowersGrain")]
public interface IFollowersGrain : IGrainWithStringKey
{
    /// <summary>Follows the MOU (<paramref name="clauseId"/> null) or one clause; following again updates the follower's details.</summary>
    Task FollowAsync(Follower follower, string? clauseId);

    /// <summary>false when the user did not follow it.</summary>
    Task<bool> UnfollowAsync(string userId, string? clauseId);

    /// <summary>
    /// One-way: the web layer calls it on the request path and must not wait for the context to be gathered
    /// or the followers told.
    /// </summary>
    [OneWay]
    Task ChangedAsync(NotificationChange change);
}
