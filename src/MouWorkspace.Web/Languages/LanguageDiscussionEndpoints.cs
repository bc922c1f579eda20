using MouWorkspace.Application.Discussion;
using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Languages;

/// <summary>
/// Comments and proposals on a clause in one language. They live in that language's clause grain, so the same rules
/// as <see cref="DiscussionEndpoints"/> apply (a quote must be in the text of this language; a proposal is attributed
/// to the delegate's state or a group it belongs to).
/// </summary>
public static class LanguageDiscussionEndpoints
{
    public static RouteGroupBuilder MapLanguageDiscussionEndpoints(this RouteGroupBuilder clause)
    {
        clause.MapPost("/comments", CommentAsync).RequireAuthorization(Policies.Commenter)
            .Produces<IdResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        clause.MapGet("/comments", CommentsAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<Comment>>();
        clause.MapPut("/comments/{commentId}/resolved", ResolveAsync).RequireAuthorization(Policies.Commenter).Produces<Comment>().ProducesProblem(404);
        clause.MapPost("/proposals", ProposeAsync).RequireAuthorization(Policies.Delegate)
            .Produces<IdResponse>(201).ProducesValidationProblem().ProducesProblem(403);
        clause.MapGet("/proposals", ProposalsAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<Proposal>>();
        return clause;
    }

    private static string Path(string mouId, string clauseId, string language) => $"/api/mous/{mouId}/clauses/{clauseId}/languages/{language}";

    private static async Task<IResult> CommentAsync(string mouId, string clauseId, string language, CommentRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (DiscussionRules.CheckComment(body, user.ToCaller()) is { } invalid)
            return Problems.From(invalid);
        var (opened, problem) = await LanguageEndpoints.OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        if (await opened.InLanguage.GetAsync() is null)
            return Problems.NotFound($"this clause has no {opened.Language.Name} text yet to comment on");
        var outcome = await opened.InLanguage.AddCommentAsync(body.Text!, body.Quote, string.IsNullOrEmpty(body.ReplyTo) ? null : body.ReplyTo, user.ToActor());
        return outcome.Ok
            ? TypedResults.Created($"{Path(mouId, clauseId, opened.Language.Code)}/comments#{outcome.Value!.Id}", new IdResponse(outcome.Value.Id))
            : Problems.From(outcome);
    }

    private static async Task<IResult> CommentsAsync(string mouId, string clauseId, string language, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (opened, problem) = await LanguageEndpoints.OpenAsync(grains, mouId, clauseId, language, user);
        return opened is null ? problem! : TypedResults.Ok(await opened.InLanguage.GetCommentsAsync());
    }

    private static async Task<IResult> ResolveAsync(string mouId, string clauseId, string language, string commentId, ResolveRequest body,
        ClaimsPrincipal user, IGrainFactory grains)
    {
        var (opened, problem) = await LanguageEndpoints.OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        var outcome = await opened.InLanguage.ResolveCommentAsync(commentId, body.Resolved ?? true, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }

    private static async Task<IResult> ProposeAsync(string mouId, string clauseId, string language, ProposalRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var sponsor = DiscussionRules.ResolveProposer(body, user.ToCaller());
        if (!sponsor.Ok)
            return Problems.From(sponsor.Problem!);
        var onBehalfOf = sponsor.Value!;
        var (opened, problem) = await LanguageEndpoints.OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        if (await opened.InLanguage.GetAsync() is null)
            return Problems.NotFound($"this clause has no {opened.Language.Name} text yet to propose wording for");
        var outcome = await opened.InLanguage.AddProposalAsync(body.Text!, onBehalfOf, user.ToActor());
        return outcome.Ok
            ? TypedResults.Created($"{Path(mouId, clauseId, opened.Language.Code)}/proposals#{outcome.Value!.Id}", new IdResponse(outcome.Value.Id))
            : Problems.From(outcome);
    }

    private static async Task<IResult> ProposalsAsync(string mouId, string clauseId, string language, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (opened, problem) = await LanguageEndpoints.OpenAsync(grains, mouId, clauseId, language, user);
        return opened is null ? problem! : TypedResults.Ok(await opened.InLanguage.GetProposalsAsync());
    }
}
