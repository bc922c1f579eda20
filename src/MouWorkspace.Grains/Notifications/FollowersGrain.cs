using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Notifications;
using Orleans.Hosting;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// The followers of one MOU. A change arrives once (a one-way call from the request that made it); the context is
/// gathered here once and the notification handed to each follower's inbox. One activation per MOU in the cluster,
/// so a change is fanned out once however many silos serve the API.
/// </summary>
public sealed partial class FollowersGrain(
    [PersistentState("followers", StorageNames.Blobs)] IPersistentState<FollowersState> state,
    TimeProvider clock,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<FollowersGrain> logger) : Grain, IFollowersGrain, IRemindable
{
    private FollowersState S => state.State;

    private string MouId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ResumeDeadlinesAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task FollowAsync(Follower follower, string? clauseId)
    {
        S.Users[follower.UserId] = follower;
        S.Since.TryAdd(FollowersState.SinceKey(follower.UserId, clauseId), clock.GetUtcNow());
        if (clauseId is null)
            S.MouFollowers.Add(follower.UserId);
        else
        {
            if (!S.ClauseFollowers.TryGetValue(clauseId, out var users))
                S.ClauseFollowers[clauseId] = users = [];
            users.Add(follower.UserId);
        }
        await state.WriteOrRollBackAsync(() => { }, DeactivateOnIdle);
    }

    public async Task<bool> UnfollowAsync(string userId, string? clauseId)
    {
        var removed = clauseId is null
            ? S.MouFollowers.Remove(userId)
            : S.ClauseFollowers.TryGetValue(clauseId, out var users) && users.Remove(userId);
        if (clauseId is not null && S.ClauseFollowers.TryGetValue(clauseId, out var left) && left.Count == 0)
            S.ClauseFollowers.Remove(clauseId);
        S.Since.Remove(FollowersState.SinceKey(userId, clauseId));
        if (!S.Follows(userId))
            S.Users.Remove(userId);
        if (removed)
            await state.WriteOrRollBackAsync(() => { }, DeactivateOnIdle);
        return removed;
    }

    public async Task ChangedAsync(NotificationChange change)
    {
        try
        {
            if (change.Kind == NotificationKinds.Silence && change.Revision is { } revision)
                await ScheduleDeadlinesAsync(revision);
            var recipients = Recipients(change.ClauseId, change.At).Concat(Concerned(change.Concerns))
                .DistinctBy(f => f.UserId).Where(f => f.UserId != change.ActorId).ToList();
            if (recipients.Count == 0)
                return;
            var mou = await GrainFactory.GetGrain<IMouGrain>(MouId).GetInfoAsync();
            if (mou is null)
                return;
            var notification = await NotificationContext.BuildAsync(GrainFactory, change, mou);
            if (notification is not null)
                Deliver(notification, mou, recipients);
        }
        catch (Exception ex)
        {
            // One-way: nobody waits for an answer, so a failure can only be logged.
            logger.LogError(ex, "Notifying the followers of {MouId} of a {Kind} failed", MouId, change.Kind);
        }
    }

    /// <summary>
    /// The MOU's followers and, for a clause's change, that clause's; a change of the whole MOU (revision,
    /// position, silence) concerns everyone who follows any part of it. Each user once.
    /// </summary>
    private IEnumerable<Follower> Recipients(string? clauseId, DateTimeOffset at)
    {
        // A follow recorded before this version kept no start time: it counts as having always been there.
        bool FollowedBy(string userId, string? followed) =>
            !S.Since.TryGetValue(FollowersState.SinceKey(userId, followed), out var since) || since <= at;
        IEnumerable<string> ids = clauseId is null
            ? S.Users.Keys.Where(id => (S.MouFollowers.Contains(id) && FollowedBy(id, null)) ||
                S.ClauseFollowers.Any(c => c.Value.Contains(id) && FollowedBy(id, c.Key)))
            : S.MouFollowers.Where(id => FollowedBy(id, null))
                .Concat(S.ClauseFollowers.TryGetValue(clauseId, out var users) ? users.Where(id => FollowedBy(id, clauseId)) : []);
        return ids.Distinct().Select(id => S.Users.GetValueOrDefault(id)).OfType<Follower>();
    }

    /// <summary>Followers of any part of the text who are delegates of one of <paramref name="states"/> (a group's members included).</summary>
    private IEnumerable<Follower> Concerned(IReadOnlyList<string>? states)
    {
        if (states is not { Count: > 0 })
            return [];
        var codes = states.SelectMany(s => Domain.States.MemberStates.FindGroup(s)?.Members ?? (IEnumerable<string>)[s]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return S.Users.Values.Where(f => f.MemberState is { } state && codes.Contains(state));
    }

    /// <summary>Only to those who may read it now (the reading rules of the API, applied again).</summary>
    private void Deliver(Notification notification, MouInfo mou, IEnumerable<Follower> recipients)
    {
        foreach (var follower in recipients.Where(f => FollowerAccess.CanRead(f, mou)))
            GrainFactory.GetGrain<IInboxGrain>(follower.UserId).DeliverAsync(notification, follower).Ignore();
    }
}
