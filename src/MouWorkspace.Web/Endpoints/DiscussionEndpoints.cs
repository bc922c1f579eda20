using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Grains;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>Comments and proposals on a clause: what delegations say about the text.</summary>
public static class DiscussionEndpoints
{
    public static RouteGroupBuilder MapDiscussionEndpoints(this RouteGroupBuilder api)
    {
        var clause = api.MapGroup("/mous/{mouId}/clauses/{clauseId}").WithTags("Comments and proposals");
        clause.MapPost("/comments", CommentAsync).RequireAuthorization(Policies.Commenter)
            .Produces<IdResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        clause.MapGet("/comments", CommentsAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<Comment>>();
        clause.MapPut("/comments/{commentId}/resolved", ResolveAsync).RequireAuthorization(Policies.Commenter)
            .Produces<Comment>().ProducesProblem(404);
        clause.MapPost("/proposals", ProposeAsync).RequireAuthorization(Policies.Delegate)
            .Produces<ProposalCreatedResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        clause.MapGet("/proposals", ProposalsAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<Proposal>>();
        return api;
    }

    private static async Task<IResult> CommentAsync(string mouId, string clauseId, CommentRequest body, ClaimsPrincipal user, IGrainFactory grains, LocalReads reads)
    {
        if (CheckComment(body, user) is { } invalid)
            return invalid;
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user, reads);
        if (clause is null)
            return problem!;
        var outcome = await clause.AddCommentAsync(body.Text!, body.Quote, string.IsNullOrEmpty(body.ReplyTo) ? null : body.ReplyTo, user.ToActor());
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/clauses/{clauseId}/comments#{outcome.Value!.Id}", new IdResponse(outcome.Value.Id))
            : Problems.From(outcome);
    }

    private static async Task<IResult> CommentsAsync(string mouId, string clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        return clause is null ? problem! : TypedResults.Ok(await clause.GetCommentsAsync());
    }

    private static async Task<IResult> ResolveAsync(string mouId, string clauseId, string commentId, ResolveRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await clause.ResolveCommentAsync(commentId, body.Resolved ?? true, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }

    private static async Task<IResult> ProposeAsync(string mouId, string clauseId, ProposalRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (onBehalfOf, invalid) = ResolveProposer(body, user);
        if (invalid is not null)
            return invalid;
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        if (await AmendmentEndpoints.WindowClosedAsync(grains, mouId) is { } closed)
            return closed;
        if (body.Amends is { } amends && !Ids.IsWellFormed(amends))
            return Problems.Invalid("amends", "amends: not a proposal id");
        var outcome = body.Amends is { } parent
            ? await clause.AddAmendmentAsync(body.Text!, onBehalfOf, parent, user.ToActor())
            : await clause.AddProposalAsync(body.Text!, onBehalfOf, user.ToActor());
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/clauses/{clauseId}/proposals#{outcome.Value!.Id}",
                new ProposalCreatedResponse(outcome.Value.Id, outcome.Value.Status, outcome.Value.BaseVersion))
            : Problems.From(outcome);
    }

    private static async Task<IResult> ProposalsAsync(string mouId, string clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        return clause is null ? problem! : TypedResults.Ok(await clause.GetProposalsAsync());
    }

    /// <summary>What a comment must satisfy before any grain is opened (also used for a language version's comments).</summary>
    internal static IResult? CheckComment(CommentRequest body, ClaimsPrincipal user)
    {
        if (TextRules.Validate(body.Text, "text", maxLength: TextLimits.Comment) is { } textError)
            return Problems.Invalid("text", textError);
        if (TextRules.Validate(body.Quote, "quote", required: false, maxLength: TextLimits.Quote) is { } quoteError)
            return Problems.Invalid("quote", quoteError);
        if (user.IsInRole(Roles.Delegate) && !user.IsStaff() && user.MemberState() is null)
            return Problems.Forbidden("a delegate's comment is signed with its state, and your sign-in carries none");
        return null;
    }

    /// <summary>
    /// The text checked and the sponsor a proposal is attributed to: the delegate's state, or a group it belongs to
    /// (<c>onBehalfOf</c>); otherwise the problem to answer (also used for a language version's proposals).
    /// </summary>
    internal static (string OnBehalfOf, IResult? Problem) ResolveProposer(ProposalRequest body, ClaimsPrincipal user)
    {
        if (TextRules.Validate(body.Text, "text") is { } textError)
            return ("", Problems.Invalid("text", textError));
        return ResolveSponsor(body.OnBehalfOf, user);
    }

    /// <summary>Who a proposal is attributed to: the delegate's state, or a group it belongs to (<paramref name="requested"/>).</summary>
    internal static (string OnBehalfOf, IResult? Problem) ResolveSponsor(string? requested, ClaimsPrincipal user)
    {
        var state = user.MemberState();
        if (state is null)
            return ("", Problems.Forbidden("a proposal is attributed to the delegate's state, and your sign-in carries none"));
        var onBehalfOf = string.IsNullOrWhiteSpace(requested) ? state : requested.Trim().ToUpperInvariant();
        if (onBehalfOf == state)
            return (state, null);
        var group = MemberStates.FindGroup(onBehalfOf);
        if (group is null)
            return ("", MemberStates.IsKnown(onBehalfOf)
                ? Problems.Forbidden($"a delegate of {state} cannot propose on behalf of {onBehalfOf}")
                : Problems.Invalid("onBehalfOf", $"onBehalfOf: '{requested}' is neither a member state nor a known group"));
        return group.Members.Contains(state)
            ? (group.Code, null)
            : ("", Problems.Forbidden($"{state} is not a member of {group.Name}"));
    }
}
