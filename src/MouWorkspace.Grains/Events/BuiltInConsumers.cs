using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Live;
using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Events;

/// <summary>
/// Audits the changes no request made (a silence deadline passing, seeding): a change made through the API is on
/// record already, written by the API's audit filter with the route, status and content hash of the request.
/// </summary>
public sealed class AuditConsumer : IChangeConsumer
{
    public const string ActionPrefix = "EVENT ";

    public async Task ConsumeAsync(ChangeEvent change, IGrainFactory grains)
    {
        if (change.ViaApi)
            return;
        var by = change.By;
        await grains.GetGrain<IAuditLogGrain>(change.Scope).AppendAsync(new AuditEntry(by.UserId, by.Name, by.Role, by.MemberState, by.Organization,
            ActionPrefix + change.Kind, change.Describe(), 0, "event:" + change.EventId));
    }
}

/// <summary>Tells the MOU's followers grain of the changes followers are notified of (one-way: it gathers the context itself).</summary>
public sealed class NotificationConsumer : IChangeConsumer
{
    public Task ConsumeAsync(ChangeEvent change, IGrainFactory grains)
    {
        if (Classify(change) is not { } notification)
            return Task.CompletedTask;
        return grains.GetGrain<IFollowersGrain>(notification.MouId).ChangedAsync(notification);
    }

    /// <summary>Drafts (a new clause is its first draft), comments and proposals on the original text, revisions, positions, silence started and ended.</summary>
    public static NotificationChange? Classify(ChangeEvent change)
    {
        (string Kind, string MouId, string? ClauseId, string? ItemId, int? Revision)? what = change switch
        {
            ClauseAdded c => (NotificationKinds.Draft, c.MouId, c.ClauseId, null, null),
            DraftSaved d => (NotificationKinds.Draft, d.MouId, d.ClauseId, null, null),
            CommentAdded { Language: null } c => (NotificationKinds.Comment, c.MouId, c.ClauseId, c.CommentId, null),
            ProposalSubmitted { Language: null } p => (NotificationKinds.Proposal, p.MouId, p.ClauseId, p.ProposalId, null),
            ProposalDecided p => (NotificationKinds.Decision, p.MouId, p.ClauseId.Length == 0 ? null : p.ClauseId, p.ProposalId, null),
            RevisionPublished r => (NotificationKinds.Revision, r.MouId, null, null, r.Revision),
            PositionGiven p => (NotificationKinds.Position, p.MouId, null, null, p.Revision),
            SilenceStarted s => (NotificationKinds.Silence, s.MouId, null, null, s.Revision),
            SilenceEnded s => (NotificationKinds.SilenceEnded, s.MouId, null, null, s.Revision),
            _ => null,
        };
        return what is { } w
            ? new NotificationChange(w.Kind, w.MouId, w.ClauseId, w.ItemId, w.Revision, change.By.UserId, change.By.Name, change.At,
                change is ProposalDecided decided ? decided.Supporters : null)
            : null;
    }
}

/// <summary>Passes every change to the live hub, which tells every web host's open pages (one-way).</summary>
public sealed class LiveConsumer : IChangeConsumer
{
    public Task ConsumeAsync(ChangeEvent change, IGrainFactory grains) =>
        grains.GetGrain<ILiveHubGrain>(LiveHubKey.Cluster).PublishAsync(new LiveChange(change));
}
