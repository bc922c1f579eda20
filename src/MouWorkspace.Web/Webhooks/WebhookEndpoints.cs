using System.Security.Claims;
using System.Text.RegularExpressions;
using MouWorkspace.Abstractions.Webhooks;
using MouWorkspace.Domain;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Webhooks;

/// <summary>
/// Outbound webhooks (records systems, e-deleGATE, Indico): an organization's secretariat (or an administrator)
/// registers a receiver for some event kinds; every such change is POSTed to it, signed, at least once, in order per MOU.
/// </summary>
public static partial class WebhookEndpoints
{
    public const string Policy = "webhooks";

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/organizations/{organization}/webhooks").WithTags("Webhooks").RequireAuthorization(Policy);
        hooks.MapPost("", AddAsync).Produces<WebhookResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        hooks.MapGet("", ListAsync).Produces<IReadOnlyList<WebhookResponse>>().ProducesProblem(403).ProducesProblem(404);
        hooks.MapDelete("/{webhookId}", RemoveAsync).Produces(204).ProducesProblem(403).ProducesProblem(404);
        hooks.MapGet("/{webhookId}/deliveries", DeliveriesAsync).Produces<IReadOnlyList<WebhookDelivery>>().ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> AddAsync(string organization, WebhookRequest body, ClaimsPrincipal user, IGrainFactory grains,
        WebhookAddresses addresses, CancellationToken cancellationToken)
    {
        if (Refusal(organization, user) is { } refused)
            return refused;
        if (await addresses.ProblemAsync(body.Url, cancellationToken) is { } urlProblem)
            return Problems.Invalid("url", urlProblem);
        if (body.Url!.Length > 2000)
            return Problems.Invalid("url", "url: at most 2,000 characters");
        var events = (body.Events ?? []).Select(e => e?.Trim() ?? "").Distinct().ToArray();
        if (events.Length is 0 or > 50 || events.Any(e => !Pattern().IsMatch(e)))
            return Problems.Invalid("events", "events: one or more event kinds (\"revision.published\"), kind families (\"proposal.*\") or \"*\"");
        if (body.Secret is not { Length: >= 16 and <= 256 } secret || string.IsNullOrWhiteSpace(secret))
            return Problems.Invalid("secret", "secret: 16 to 256 characters, used to sign each delivery (HMAC-SHA256)");
        if (body.MouId is { } mouId)
        {
            var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
            if (access is null)
                return problem!;
            if (access.Mou.Organization != organization.ToLowerInvariant())
                return Problems.Invalid("mouId", $"mouId: the text {mouId} is not one of this organization's");
        }
        var outcome = await Registry(grains, organization).AddAsync(new WebhookRegistration(body.Url, events, secret, body.MouId, user.ToActor()));
        return outcome.Ok
            ? TypedResults.Created($"/api/organizations/{organization.ToLowerInvariant()}/webhooks/{outcome.Value!.Id}", Response(outcome.Value))
            : Problems.From(outcome);
    }

    private static async Task<IResult> ListAsync(string organization, ClaimsPrincipal user, IGrainFactory grains) =>
        Refusal(organization, user) ?? TypedResults.Ok((await Registry(grains, organization).ListAsync()).Select(Response).ToArray());

    private static async Task<IResult> RemoveAsync(string organization, string webhookId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Refusal(organization, user) is { } refused)
            return refused;
        return await Registry(grains, organization).RemoveAsync(webhookId)
            ? TypedResults.NoContent()
            : Problems.NotFound($"there is no webhook {webhookId} in {organization.ToLowerInvariant()}");
    }

    private static async Task<IResult> DeliveriesAsync(string organization, string webhookId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Refusal(organization, user) is { } refused)
            return refused;
        var code = organization.ToLowerInvariant();
        if (!(await Registry(grains, code).ListAsync()).Any(w => w.Id == webhookId))
            return Problems.NotFound($"there is no webhook {webhookId} in {code}");
        return TypedResults.Ok(await grains.GetGrain<IWebhookDeliveryGrain>($"{code}/{webhookId}").DeliveriesAsync());
    }

    /// <summary>An organization's webhooks are its own secretariat's (and administrators').</summary>
    private static IResult? Refusal(string organization, ClaimsPrincipal user)
    {
        if (Organizations.Find(organization) is null)
            return Problems.NotFound($"there is no organization {organization}");
        return user.IsInRole(Roles.Admin) || user.Organization() == organization.ToLowerInvariant()
            ? null
            : Problems.Forbidden("an organization's webhooks are managed by its own secretariat");
    }

    private static IWebhookRegistryGrain Registry(IGrainFactory grains, string organization) =>
        grains.GetGrain<IWebhookRegistryGrain>(organization.ToLowerInvariant());

    private static WebhookResponse Response(Webhook w) => new(w.Id, w.Url, w.Events, w.MouId, w.CreatedBy, w.CreatedAt);

    [GeneratedRegex(@"^(\*|[a-z]+\.\*|[a-z]+\.[a-z-]+)$")]
    private static partial Regex Pattern();
}

public sealed record WebhookRequest(string? Url, string?[]? Events, string? Secret, string? MouId);

/// <summary>A webhook as its organization reads it back: never its secret.</summary>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, string? MouId, string CreatedBy, DateTimeOffset CreatedAt);
