using MouWorkspace.Abstractions.Common;
using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Webhooks;

/// <summary>An organization's outbound webhooks (key: the organization code): who is told of which changes.</summary>
[Alias("webhooks.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    public const int MaxPerOrganization = 50;

    Task<Outcome<Webhook>> AddAsync(WebhookRegistration registration);

    [ReadOnly]
    Task<IReadOnlyList<Webhook>> ListAsync();

    /// <summary>With their secrets: for the event consumer, which signs the deliveries; never answered over HTTP.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WebhookSubscription>> SubscriptionsAsync();

    Task<bool> RemoveAsync(string webhookId);
}

/// <summary>
/// One webhook's deliveries (key: <c>{organization}/{webhookId}</c>), one at a time in the order the events arrived
/// (so in order per MOU), each retried with backoff until the receiver answers 2xx; the latest are kept for reading.
/// </summary>
[Alias("webhooks.IWebhookDeliveryGrain")]
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    public const int KeptDeliveries = 100;

    /// <summary>Stored before it answers; an event already queued or delivered (same event id) is ignored.</summary>
    Task EnqueueAsync(WebhookPayload payload, WebhookSubscription subscription);

    [ReadOnly]
    Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync();

    /// <summary>The webhook was removed: nothing more is sent.</summary>
    Task StopAsync();
}

[GenerateSerializer, Immutable, Alias("webhooks.registration")]
public sealed record WebhookRegistration(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<string> Events,
    [property: Id(2)] string Secret,
    [property: Id(3)] string? MouId,
    [property: Id(4)] Actor By);

/// <param name="Events">Event kinds or patterns: <c>proposal.*</c>, <c>revision.published</c>, <c>*</c>.</param>
/// <param name="MouId">Only this text's events; a confidential round's events go only to webhooks registered for it.</param>
[GenerateSerializer, Immutable, Alias("webhooks.webhook")]
public sealed record Webhook(
    [property: Id(0)] string Id,
    [property: Id(1)] string Organization,
    [property: Id(2)] string Url,
    [property: Id(3)] IReadOnlyList<string> Events,
    [property: Id(4)] string? MouId,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset CreatedAt)
{
    public bool Wants(string kind) => Events.Any(pattern => pattern == "*" || pattern == kind ||
        pattern.EndsWith(".*", StringComparison.Ordinal) && kind.StartsWith(pattern[..^1], StringComparison.Ordinal));
}

[GenerateSerializer, Immutable, Alias("webhooks.subscription")]
public sealed record WebhookSubscription(
    [property: Id(0)] Webhook Webhook,
    [property: Id(1)] string Secret);

/// <summary>What is sent: the event as JSON (<see cref="Body"/>), signed at each attempt.</summary>
[GenerateSerializer, Immutable, Alias("webhooks.payload")]
public sealed record WebhookPayload(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? MouId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Body);

/// <param name="Status"><c>pending</c> (waiting or retrying), <c>delivered</c>, <c>stopped</c> (the webhook was removed).</param>
[GenerateSerializer, Immutable, Alias("webhooks.delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? MouId,
    [property: Id(3)] DateTimeOffset EventAt,
    [property: Id(4)] string Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] int? LastStatusCode,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? LastAttemptAt,
    [property: Id(9)] DateTimeOffset? NextAttemptAt,
    [property: Id(10)] DateTimeOffset? DeliveredAt);
