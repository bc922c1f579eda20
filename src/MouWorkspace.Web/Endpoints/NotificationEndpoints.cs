using System.Security.Claims;
using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Notifications;

namespace MouWorkspace.Web.Endpoints;

public sealed record FollowResponse(string MouId, string? ClauseId, DateTimeOffset Since, bool Following);

public sealed record NotificationResponse(string Id, string Kind, string MouId, string MouTitle, string? ClauseId, string? ClauseNumber,
    string Summary, string By, DateTimeOffset At, bool Read, string Link, IReadOnlyList<NotifiedRun> Diff, IReadOnlyList<NotifiedComment> Thread)
{
    public static NotificationResponse From(FeedItem item)
    {
        var n = item.Notification;
        return new(n.Id, n.Kind, n.MouId, n.MouTitle, n.ClauseId, n.ClauseNumber, n.Summary, n.By, n.At, item.Read, PageLinks.For(n), n.Diff, n.Thread);
    }
}

public sealed record NotificationFeedResponse(int Unread, IReadOnlyList<NotificationResponse> Items);

public sealed record UnreadResponse(int Unread);

public sealed record MarkReadRequest(string[]? Ids, bool? All);

/// <summary>
/// Following MOUs and clauses, and the signed-in user's own notifications. Following needs the right to read the
/// drafts and comments (<see cref="MouAccess"/>, inner record: a confidential round only for its parties and staff).
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var mou = api.MapGroup("/mous/{mouId}").WithTags("Notifications").RequireAuthorization(Policies.Reader);
        mou.MapPut("/follow", (string mouId, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) => FollowAsync(mouId, null, user, grains, clock))
            .WithName("FollowMou").Produces<FollowResponse>().ProducesProblem(403).ProducesProblem(404);
        mou.MapDelete("/follow", (string mouId, ClaimsPrincipal user, IGrainFactory grains) => UnfollowAsync(mouId, null, user, grains))
            .WithName("UnfollowMou").Produces(204).ProducesProblem(403).ProducesProblem(404);
        mou.MapPut("/clauses/{clauseId}/follow", FollowAsync)
            .WithName("FollowClause").Produces<FollowResponse>().ProducesProblem(403).ProducesProblem(404);
        mou.MapDelete("/clauses/{clauseId}/follow", UnfollowAsync)
            .WithName("UnfollowClause").Produces(204).ProducesProblem(403).ProducesProblem(404);

        var me = api.MapGroup("/me").WithTags("Notifications").RequireAuthorization(Policies.Reader);
        me.MapGet("/follows", FollowsAsync).Produces<IReadOnlyList<FollowResponse>>();
        me.MapGet("/notifications", FeedAsync).Produces<NotificationFeedResponse>();
        me.MapPost("/notifications/read", MarkReadAsync).Produces<UnreadResponse>().ProducesValidationProblem();
        return api;
    }

    private static IInboxGrain Inbox(IGrainFactory grains, ClaimsPrincipal user) => grains.GetGrain<IInboxGrain>(user.UserId());

    private static async Task<IResult> FollowAsync(string mouId, string? clauseId, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var problem = await CheckAsync(grains, mouId, clauseId, user);
        if (problem is not null)
            return problem;
        var follow = new Follow(mouId, clauseId, clock.GetUtcNow());
        await grains.GetGrain<IFollowersGrain>(mouId).FollowAsync(user.ToFollower(), clauseId);
        await Inbox(grains, user).RecordFollowAsync(follow, following: true);
        var stored = (await Inbox(grains, user).GetFollowsAsync()).FirstOrDefault(f => f.MouId == mouId && f.ClauseId == clauseId) ?? follow;
        return TypedResults.Ok(new FollowResponse(mouId, clauseId, stored.Since, true));
    }

    /// <summary>Idempotent: 204 whether or not the user followed it.</summary>
    private static async Task<IResult> UnfollowAsync(string mouId, string? clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = await CheckAsync(grains, mouId, clauseId, user);
        if (problem is not null)
            return problem;
        await grains.GetGrain<IFollowersGrain>(mouId).UnfollowAsync(user.UserId(), clauseId);
        await Inbox(grains, user).RecordFollowAsync(new Follow(mouId, clauseId, default), following: false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> CheckAsync(IGrainFactory grains, string mouId, string? clauseId, ClaimsPrincipal user)
    {
        if (user.UserId().Length == 0)
            return Problems.Forbidden("your sign-in carries no user id to deliver notifications to");
        if (clauseId is null)
            return (await MouAccess.OpenAsync(grains, mouId, user)).Problem;
        return (await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user)).Problem;
    }

    private static async Task<IResult> FollowsAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok((await Inbox(grains, user).GetFollowsAsync()).Select(f => new FollowResponse(f.MouId, f.ClauseId, f.Since, true)).ToArray());

    private static async Task<IResult> FeedAsync(bool? unread, int? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (limit is < 0 or > 500)
            return Problems.Invalid("limit", "limit: between 0 and 500");
        var feed = await Inbox(grains, user).GetFeedAsync(unread ?? false, limit ?? 50);
        return TypedResults.Ok(new NotificationFeedResponse(feed.Unread, feed.Items.Select(NotificationResponse.From).ToArray()));
    }

    private static async Task<IResult> MarkReadAsync(MarkReadRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body.All != true && body.Ids is not { Length: > 0 })
            return Problems.Invalid("ids", "ids: name the notifications to mark read, or send \"all\": true");
        if (body.Ids is { Length: > 500 })
            return Problems.Invalid("ids", "ids: at most 500 at once");
        var unread = await Inbox(grains, user).MarkReadAsync(body.All == true ? null : body.Ids);
        return TypedResults.Ok(new UnreadResponse(unread));
    }
}
