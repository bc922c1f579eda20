using System.Security.Claims;
using MouWorkspace.Abstractions.Activity;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>What happened lately in a text, of every kind: what "since your last visit" lists.</summary>
public static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/mous/{mouId}/activity", ActivityAsync).WithTags("Activity").RequireAuthorization(Policies.Reader)
            .Produces<IReadOnlyList<ActivityResponse>>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> ActivityAsync(string mouId, DateTimeOffset? since, int? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (limit is < 1 or > IMouActivityGrain.Kept)
            return Problems.Invalid("limit", $"limit: from 1 to {IMouActivityGrain.Kept}");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var items = await grains.GetGrain<IMouActivityGrain>(mouId).SinceAsync(since ?? DateTimeOffset.MinValue, limit ?? 100);
        return TypedResults.Ok(items.Select(i => new ActivityResponse(i.At, i.Kind, i.What, i.By, i.ByState, i.ClauseId, i.Number, i.Version, i.Revision,
            Link(mouId, i))).ToArray());
    }

    /// <summary>The page where the change can be seen: the clause (at the comment or proposal), or the revisions.</summary>
    public static string Link(string mouId, ActivityItem item) => item switch
    {
        { ClauseId: { } clause, Kind: "comment.added" or "comment.resolved" or "comment.reopened", ItemId: { } id } => $"{PageLinks.Clause(mouId, clause)}#comment-{id}",
        { ClauseId: { } clause, Kind: "proposal.submitted", ItemId: { } id } => $"{PageLinks.Clause(mouId, clause)}#proposal-{id}",
        { Kind: "clause.removed" } => PageLinks.Mou(mouId),
        { ClauseId: { } clause } => PageLinks.Clause(mouId, clause),
        { Revision: not null } => PageLinks.Revisions(mouId),
        _ => PageLinks.Mou(mouId),
    };
}

/// <param name="What">The action in words ("replied on OP3", "gave FRA's position on Rev.2 (object)").</param>
public sealed record ActivityResponse(DateTimeOffset At, string Kind, string What, string By, string? MemberState, string? ClauseId, string? Number,
    int? Version, int? Revision, string Link);
