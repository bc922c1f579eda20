using System.Security.Cryptography;
using System.Text;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Abstractions.Silence;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// Turns a change into a notification with its context, off the request path (in the followers grain): the words a
/// draft or proposal changes, the comment with the two it answers. Null when the item is gone already.
/// </summary>
public static class NotificationContext
{
    public static async Task<Notification?> BuildAsync(IGrainFactory grains, NotificationChange change, MouInfo mou)
    {
        var basis = new Notification(IdFor(change.Kind, change.MouId, change.ClauseId, change.ItemId, change.At), change.Kind, mou.Id, mou.Title,
            change.ClauseId, null, change.ItemId, "", change.ActorName, change.At, [], []);
        if (change.ClauseId is { } clauseId)
        {
            var clause = grains.GetGrain<IClauseGrain>(ClauseKey.For(mou.Id, clauseId));
            var view = await clause.GetAsync();
            if (view is null)
                return null;
            basis = basis with { ClauseNumber = view.Number };
            return change.Kind switch
            {
                NotificationKinds.Draft => await DraftAsync(basis, clause, view, change),
                NotificationKinds.Comment or NotificationKinds.Reply => await CommentAsync(basis, clause, view, change),
                NotificationKinds.Proposal => await ProposalAsync(basis, clause, view, change),
                NotificationKinds.Decision => await DecisionAsync(grains, basis, clause, view, change),
                _ => null,
            };
        }
        if (change.Kind == NotificationKinds.Decision)
            return await DecisionAsync(grains, basis, null, null, change);
        var revision = mou.Revisions.FirstOrDefault(r => r.Number == change.Revision);
        if (revision is null)
            return null;
        switch (change.Kind)
        {
            case NotificationKinds.Revision:
                return basis with { Summary = $"{change.ActorName} published {revision.Label} of {mou.Title}." };
            case NotificationKinds.Position:
                var positions = await grains.GetGrain<IMouGrain>(mou.Id).GetPositionsAsync(revision.Number);
                var entry = positions?.Positions.Where(p => p.At <= change.At).MaxBy(p => p.At);
                if (entry is null)
                    return null;
                var note = string.IsNullOrWhiteSpace(entry.Note) ? "" : $" ({entry.Note})";
                return basis with { Summary = $"{entry.MemberState} gave its position on {revision.Label}: {entry.Position.ToString().ToLowerInvariant()}{note}." };
            case NotificationKinds.Silence:
                var silence = await grains.GetGrain<ISilenceGrain>(SilenceKey.For(mou.Id, revision.Number)).GetAsync();
                return silence is null ? null
                    : basis with { Summary = $"{change.ActorName} started a silence procedure on {revision.Label}: it ends {silence.Deadline:yyyy-MM-dd HH:mm} UTC." };
            case NotificationKinds.SilenceEnded:
                var ended = await grains.GetGrain<ISilenceGrain>(SilenceKey.For(mou.Id, revision.Number)).GetAsync();
                return ended switch
                {
                    { Status: SilenceStatus.Adopted } => basis with { Summary = $"{revision.Label} of {mou.Title} is adopted: the silence procedure ended without objection." },
                    { Status: SilenceStatus.Broken, BrokenBy: { } by } => basis with { Summary = $"{by.MemberState} broke the silence on {revision.Label} of {mou.Title}." },
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>The same change always gets the same id, so that a repeated delivery is recognised.</summary>
    public static string IdFor(string kind, string mouId, string? clauseId, string? itemId, DateTimeOffset at) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{mouId}\n{clauseId}\n{itemId}\n{at.UtcTicks}")))[..20];

    public static IReadOnlyList<NotifiedRun> Diff(string from, string to) =>
        WordDiff.Compute(from, to).Select(c => new NotifiedRun(c.Op.ToString().ToLowerInvariant(), c.Text)).ToArray();

    private static async Task<Notification?> DraftAsync(Notification basis, IClauseGrain clause, ClauseView view, NotificationChange change)
    {
        var drafts = await clause.GetDraftsAsync();
        var draft = drafts.LastOrDefault(d => d.At <= change.At) ?? drafts.LastOrDefault();
        if (draft is null)
            return null;
        var previous = drafts.LastOrDefault(d => d.Version < draft.Version);
        return basis with
        {
            ItemId = draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Summary = previous is null
                ? $"{change.ActorName} added {view.Number}{Heading(view)}."
                : $"{change.ActorName} saved draft {draft.Version} of {view.Number}{Heading(view)}{Rationale(draft.Rationale)}.",
            Diff = Diff(previous?.Text ?? "", draft.Text),
            BaseVersion = previous?.Version ?? 0,
            Version = draft.Version,
        };
    }

    private static async Task<Notification?> CommentAsync(Notification basis, IClauseGrain clause, ClauseView view, NotificationChange change)
    {
        // The comment and the (up to) two it answers, oldest first.
        if (change.ItemId is not { } commentId)
            return null;
        var thread = await clause.GetCommentThreadAsync(commentId, parents: 2);
        if (thread.Count == 0)
            return null;
        var replied = thread.Count > 1 ? thread[^2] : null;
        return basis with
        {
            Kind = replied is null ? NotificationKinds.Comment : NotificationKinds.Reply,
            Summary = replied is null
                ? $"{change.ActorName} commented on {view.Number}{Heading(view)}."
                : $"{change.ActorName} replied to {replied.Author} on {view.Number}{Heading(view)}.",
            Thread = thread.Select(c => new NotifiedComment(c.Id, c.Author, c.MemberState, c.Text, c.Quote, c.At)).ToArray(),
        };
    }

    private static async Task<Notification?> ProposalAsync(Notification basis, IClauseGrain clause, ClauseView view, NotificationChange change)
    {
        var proposal = (await clause.GetProposalsAsync()).FirstOrDefault(p => p.Id == change.ItemId);
        if (proposal is null)
            return null;
        var drafts = await clause.GetDraftsAsync();
        var baseText = drafts.FirstOrDefault(d => d.Version == proposal.BaseVersion)?.Text ?? view.Text;
        return basis with
        {
            Summary = $"{change.ActorName} proposed wording for {view.Number}{Heading(view)} on behalf of {proposal.OnBehalfOf}.",
            Diff = Diff(baseText, proposal.Text),
        };
    }

    /// <summary>"Legal officer accepted the proposal of Non-Aligned Movement (IND) on OP3: as agreed", for the clause's or the text's proposal.</summary>
    private static async Task<Notification?> DecisionAsync(IGrainFactory grains, Notification basis, IClauseGrain? clause, ClauseView? view, NotificationChange change)
    {
        var proposal = (clause is null ? null : (await clause.GetProposalsAsync()).FirstOrDefault(p => p.Id == change.ItemId))
            ?? (await grains.GetGrain<IMouGrain>(basis.MouId).GetParagraphProposalsAsync()).FirstOrDefault(p => p.Id == change.ItemId);
        if (proposal is null || proposal.IsOpen)
            return null;
        var what = proposal.Kind switch
        {
            ProposalKinds.Insert => "new paragraph",
            ProposalKinds.Delete => "deletion",
            ProposalKinds.Move => "move",
            _ => "proposal",
        };
        var on = view is null ? "" : $" on {view.Number}{Heading(view)}";
        var done = proposal.Status == ProposalStatuses.Withdrawn
            ? $"{proposal.SponsorName} withdrew its {what}{on}"
            : $"{change.ActorName} {proposal.Status} the {what} of {proposal.SponsorName}{on}";
        return basis with { Summary = done + Rationale(proposal.Note ?? "") + "." };
    }

    private static string Heading(ClauseView view) => string.IsNullOrWhiteSpace(view.Heading) ? "" : $" ({view.Heading})";

    private static string Rationale(string rationale) => string.IsNullOrWhiteSpace(rationale) ? "" : $": {rationale}";
}
