using Orleans.Concurrency;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Clauses;

namespace MouWorkspace.Abstractions.Clauses;

/// <summary>
/// One clause of one MOU, keyed by <see cref="ClauseKey.For"/>: its immutable drafts, comment threads and
/// attributed proposals. Its state grows without bound, so it lives in blob storage.
/// </summary>
[Alias("mou.IClauseGrain")]
public interface IClauseGrain : IGrainWithStringKey
{
    /// <summary>Creates the clause with its first draft; refused when it exists already.</summary>
    Task<Outcome<ClauseView>> InitializeAsync(InitClause command);

    /// <summary>The current draft, or null when the clause does not exist.</summary>
    [ReadOnly]
    Task<ClauseView?> GetAsync();

    /// <summary>
    /// Saves a new draft when <paramref name="expectedVersion"/> is the current one; otherwise
    /// <see cref="Failure.PreconditionFailed"/> and the other writer's draft stays.
    /// </summary>
    Task<Outcome<ClauseView>> SaveDraftAsync(string text, string rationale, int expectedVersion, Actor by);

    [ReadOnly]
    Task<IReadOnlyList<Draft>> GetDraftsAsync();

    /// <summary>Agreement is refused while the text holds brackets.</summary>
    Task<Outcome<ClauseView>> SetAgreementAsync(Agreement agreement, Actor by);

    /// <param name="recorded">A comment read from a Word markup: its author and date there.</param>
    Task<Outcome<Comment>> AddCommentAsync(string text, string? quote, string? replyTo, Actor by, Recorded? recorded = null);

    Task<Outcome<Comment>> ResolveCommentAsync(string commentId, bool resolved, Actor by);

    [ReadOnly]
    Task<IReadOnlyList<Comment>> GetCommentsAsync();

    /// <summary>
    /// One comment and up to <paramref name="parents"/> of the comments it answers, oldest first (the comment last); empty
    /// when it is not there. What a consumer of a new comment needs, without copying a busy clause's hundreds of comments.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<Comment>> GetCommentThreadAsync(string commentId, int parents);

    /// <param name="recorded">A proposal read from a Word markup: the author and date of its changes there.</param>
    Task<Outcome<Proposal>> AddProposalAsync(string text, string onBehalfOf, Actor by, Recorded? recorded = null);

    /// <summary>A proposal that amends another open proposal of this clause: its wording replaces that proposal's.</summary>
    Task<Outcome<Proposal>> AddAmendmentAsync(string text, string onBehalfOf, string amends, Actor by);

    /// <summary>
    /// Accepts open proposals at once: a three-way word merge of each (from the text it was made on) onto the current
    /// text makes one new draft naming them and their sponsors; words that clash answer a conflict naming them and
    /// nothing changes. An accepted sub-amendment becomes its parent proposal's wording instead.
    /// </summary>
    Task<Outcome<IReadOnlyList<Proposal>>> AcceptProposalsAsync(IReadOnlyList<string> proposalIds, string note, Actor by);

    /// <summary>Rejects (staff) or withdraws (the sponsor) an open proposal; a decided one cannot be decided again.</summary>
    Task<Outcome<Proposal>> CloseProposalAsync(string proposalId, string status, string note, Actor by);

    /// <summary>A delegation joins (or leaves) an open proposal as co-sponsor.</summary>
    Task<Outcome<Proposal>> SetCosponsorAsync(string proposalId, string memberState, bool joining, Actor by);

    [ReadOnly]
    Task<IReadOnlyList<Proposal>> GetProposalsAsync();

    /// <summary>
    /// Staff's compromise wording that supersedes the given open proposals of this clause (each becomes superseded, its
    /// sponsor is told); it is then an open proposal like any other, attributed to the facilitator.
    /// </summary>
    Task<Outcome<Proposal>> AddBridgingTextAsync(string text, IReadOnlyList<string> supersedes, string note, Actor by);

    /// <summary>A sponsor or co-sponsor of a superseded proposal says whether it can accept the bridging text; a later answer replaces its earlier one.</summary>
    Task<Outcome<Proposal>> RespondToBridgingTextAsync(string bridgingId, string memberState, bool canAccept, string note, Actor by);
}
