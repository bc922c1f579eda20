using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Application.Discussion;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>Comments and proposals on a clause: adapters from HTTP to <see cref="DiscussionService"/> and back.</summary>
public static class DiscussionEndpoints
{
    public static RouteGroupBuilder MapDiscussionEndpoints(this RouteGroupBuilder api)
    {
        var clause = api.MapGroup("/mous/{mouId}/clauses/{clauseId}").WithTags("Comments and proposals");
        clause.MapPost("/comments", CommentAsync).RequireAuthorization(Policies.Commenter).ProducesValidationProblem().ProducesProblem(404);
        clause.MapGet("/comments", CommentsAsync).RequireAuthorization(Policies.Reader);
        clause.MapPut("/comments/{commentId}/resolved", ResolveAsync).RequireAuthorization(Policies.Commenter).ProducesProblem(404);
        clause.MapPost("/proposals", ProposeAsync).RequireAuthorization(Policies.Delegate)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        clause.MapGet("/proposals", ProposalsAsync).RequireAuthorization(Policies.Reader);
        return api;
    }

    private static async Task<Results<Created<IdResponse>, ProblemHttpResult>> CommentAsync(
        string mouId, string clauseId, CommentRequest body, ClaimsPrincipal user, DiscussionService discussion)
    {
        var added = await discussion.AddCommentAsync(mouId, clauseId, body, user.ToCaller());
        return added.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/clauses/{clauseId}/comments#{added.Value!.Id}", added.Value)
            : Problems.From(added.Problem!);
    }

    private static async Task<Results<Ok<IReadOnlyList<Comment>>, ProblemHttpResult>> CommentsAsync(
        string mouId, string clauseId, ClaimsPrincipal user, DiscussionService discussion) =>
        (await discussion.CommentsAsync(mouId, clauseId, user.ToCaller())).OkOr();

    private static async Task<Results<Ok<Comment>, ProblemHttpResult>> ResolveAsync(
        string mouId, string clauseId, string commentId, ResolveRequest body, ClaimsPrincipal user, DiscussionService discussion) =>
        (await discussion.ResolveAsync(mouId, clauseId, commentId, body, user.ToCaller())).OkOr();

    private static async Task<Results<Created<ProposalCreatedResponse>, ProblemHttpResult>> ProposeAsync(
        string mouId, string clauseId, ProposalRequest body, ClaimsPrincipal user, DiscussionService discussion)
    {
        var made = await discussion.ProposeAsync(mouId, clauseId, body, user.ToCaller());
        return made.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/clauses/{clauseId}/proposals#{made.Value!.Id}", made.Value)
            : Problems.From(made.Problem!);
    }

    private static async Task<Results<Ok<IReadOnlyList<Proposal>>, ProblemHttpResult>> ProposalsAsync(
        string mouId, string clauseId, ClaimsPrincipal user, DiscussionService discussion) =>
        (await discussion.ProposalsAsync(mouId, clauseId, user.ToCaller())).OkOr();
}
