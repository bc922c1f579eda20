using Orleans.Concurrency;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Abstractions.Mous;

/// <summary>
/// One MOU: metadata, parties, the clause order and numbers, published revisions and the positions on them.
/// Clause texts live in their own grains; the MOU asks them when it needs the whole text.
/// </summary>
[Alias("mou.IMouGrain")]
public interface IMouGrain : IGrainWithStringKey
{
    Task<Outcome<MouInfo>> CreateAsync(CreateMou command);

    /// <summary>
    /// Creates the MOU with its clauses at once (an import): it becomes visible whole, or not at all. At most
    /// <c>MouLimits.MaxClauses</c> clauses; given more time than other calls (every clause is a grain and a write).
    /// </summary>
    [ResponseTimeout("00:02:00")]
    Task<Outcome<MouInfo>> CreateWithClausesAsync(CreateMou command, IReadOnlyList<AddClause> clauses);

    /// <summary>null when the MOU does not exist.</summary>
    [ReadOnly]
    Task<MouInfo?> GetInfoAsync();

    /// <summary>Numbers the new clause (stable PP/OP numbering) and creates its grain.</summary>
    Task<Outcome<ClauseView>> AddClauseAsync(AddClause command);

    /// <summary>Takes a clause out of the text; its grain and history stay for older revisions.</summary>
    Task<Outcome<bool>> RemoveClauseAsync(string clauseId, Actor by);

    /// <summary>
    /// Moves a clause to stand after another (<paramref name="after"/> null: first). Its number stays: numbers are
    /// stable across revisions, so OP3 moved after OP5 is still OP3.
    /// </summary>
    Task<Outcome<bool>> MoveClauseAsync(string clauseId, string? after, Actor by);

    /// <summary>Every clause's current draft, in document order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ClauseView>> GetClausesAsync();

    [ReadOnly]
    Task<bool> HasClauseAsync(string clauseId);

    /// <summary>null when the MOU does not exist; else its facts and whether the clause is (or was) one of its clauses.</summary>
    [ReadOnly]
    Task<MouClauseAccess?> GetClauseAccessAsync(string clauseId);

    /// <summary>
    /// An immutable snapshot of every clause's current draft. <paramref name="publishedOn"/>: the day a revision circulated
    /// before the text was kept here was published (a negotiation brought into the workspace, the demo's 2006 texts);
    /// not in the future, not before the previous revision. Without it, now.
    /// </summary>
    Task<Outcome<RevisionInfo>> PublishRevisionAsync(string symbol, Actor by, DateOnly? publishedOn = null);

    [ReadOnly]
    Task<RevisionSnapshot?> GetRevisionAsync(int number);

    /// <summary>A party's position on the latest revision; a later position of the same state replaces it.</summary>
    Task<Outcome<PositionEntry>> GivePositionAsync(int revision, string memberState, PositionKind position, string note, Actor by);

    /// <summary>Whether proposals are taken now: closed by the secretariat, or open (until <see cref="ProposalWindow.ClosesAt"/>, if set).</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<ProposalWindow> GetProposalWindowAsync();

    Task<Outcome<ProposalWindow>> SetProposalWindowAsync(bool open, DateTimeOffset? closesAt, Actor by);

    /// <summary>The proposals of a new paragraph, a deletion or a move, in the order made (new wording is kept by each clause).</summary>
    [ReadOnly]
    Task<IReadOnlyList<Proposal>> GetParagraphProposalsAsync();

    /// <summary>A new paragraph, a deletion or a move; the same open proposal of the same sponsor made again is that proposal.</summary>
    Task<Outcome<Proposal>> ProposeParagraphAsync(ParagraphProposal command);

    /// <summary>Accepting makes the change (adds, removes or moves the paragraph); withdrawing is for the sponsor's delegates.</summary>
    Task<Outcome<Proposal>> DecideParagraphProposalAsync(string proposalId, string status, string note, Actor by);

    Task<Outcome<Proposal>> SetParagraphCosponsorAsync(string proposalId, string memberState, bool joining, Actor by);

    [ReadOnly]
    Task<PositionsView?> GetPositionsAsync(int revision);

    /// <summary>
    /// Sets the MOU's document identity (validated by the caller). Revisions published from now on take the symbol with
    /// their label as their full symbol; those published before it keep theirs, or derive it when they had none.
    /// </summary>
    Task<Outcome<DocumentIdentity>> SetIdentityAsync(DocumentIdentity identity, Actor by);
}
