using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Application.Access;
using MouWorkspace.Application.Clauses;
using MouWorkspace.Application.Results;

namespace MouWorkspace.Application.Discussion;

/// <summary>
/// Comments and proposals on a clause of the original text: the clause's read rule first (<see cref="ClauseService.OpenAsync"/>),
/// the request checked before any grain call, the grain's refusal as a problem. Who may comment (delegates and staff) and
/// propose (delegates) is checked here too, as the API's policies check it in front of the endpoints.
/// </summary>
public sealed class DiscussionService(ClauseService clauses)
{
    private static readonly AppProblem CommentersOnly = AppProblem.Forbidden("only delegates, legal officers and the secretariat comment");

    public async Task<AppResult<IReadOnlyList<Comment>>> CommentsAsync(string mouId, string clauseId, Caller caller)
    {
        var opened = await clauses.OpenAsync(mouId, clauseId, caller);
        return opened.Ok ? AppResult<IReadOnlyList<Comment>>.Of(await opened.Value.Clause.GetCommentsAsync()) : opened.Problem!;
    }

    public async Task<AppResult<IdResponse>> AddCommentAsync(string mouId, string clauseId, CommentRequest body, Caller caller)
    {
        if (!caller.IsCommenter)
            return CommentersOnly;
        if (DiscussionRules.CheckComment(body, caller) is { } invalid)
            return invalid;
        // The comment's access check reads the MOU's published facts when its grain is in this process (a hot path).
        var opened = await clauses.OpenAsync(mouId, clauseId, caller, local: true);
        if (!opened.Ok)
            return opened.Problem!;
        var outcome = await opened.Value.Clause.AddCommentAsync(body.Text!, body.Quote, string.IsNullOrEmpty(body.ReplyTo) ? null : body.ReplyTo, caller.ToActor());
        return AppResult<IdResponse>.From(outcome, c => new IdResponse(c.Id));
    }

    public async Task<AppResult<Comment>> ResolveAsync(string mouId, string clauseId, string commentId, ResolveRequest body, Caller caller)
    {
        if (!caller.IsCommenter)
            return CommentersOnly;
        var opened = await clauses.OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        return AppResult<Comment>.From(await opened.Value.Clause.ResolveCommentAsync(commentId, body.Resolved ?? true, caller.ToActor()), c => c);
    }

    public async Task<AppResult<ProposalCreatedResponse>> ProposeAsync(string mouId, string clauseId, ProposalRequest body, Caller caller)
    {
        if (!caller.IsIn(Roles.Delegate))
            return AppProblem.Forbidden("only delegates propose wording");
        var sponsor = DiscussionRules.ResolveProposer(body, caller);
        if (!sponsor.Ok)
            return sponsor.Problem!;
        var opened = await clauses.OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        if (await WindowClosedAsync(opened.Value.Access.Grain) is { } closed)
            return closed;
        if (body.Amends is { } amends && !Ids.IsWellFormed(amends))
            return AppProblem.Invalid("amends", "amends: not a proposal id");
        var clause = opened.Value.Clause;
        var outcome = body.Amends is { } parent
            ? await clause.AddAmendmentAsync(body.Text!, sponsor.Value!, parent, caller.ToActor())
            : await clause.AddProposalAsync(body.Text!, sponsor.Value!, caller.ToActor());
        return AppResult<ProposalCreatedResponse>.From(outcome, p => new ProposalCreatedResponse(p.Id, p.Status, p.BaseVersion));
    }

    public async Task<AppResult<IReadOnlyList<Proposal>>> ProposalsAsync(string mouId, string clauseId, Caller caller)
    {
        var opened = await clauses.OpenAsync(mouId, clauseId, caller);
        return opened.Ok ? AppResult<IReadOnlyList<Proposal>>.Of(await opened.Value.Clause.GetProposalsAsync()) : opened.Problem!;
    }

    /// <summary>A proposal outside the secretariat's window is refused with a plain message (a conflict, not a fault).</summary>
    public static async Task<AppProblem?> WindowClosedAsync(IMouGrain mou)
    {
        var window = await mou.GetProposalWindowAsync();
        if (window.Open)
            return null;
        return new AppProblem(ProblemKind.Conflict, window.ClosesAt is { } at
            ? $"proposals closed at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC: the secretariat is consolidating the text"
            : "proposals are closed: the secretariat is consolidating the text; no new proposals until it opens them again");
    }
}
