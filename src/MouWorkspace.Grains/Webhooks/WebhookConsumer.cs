using System.Text.Json;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Webhooks;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Webhooks;

/// <summary>
/// Hands each change to the webhooks of the organization it belongs to that want its kind: an MOU's change to the
/// MOU's organization (a confidential round's only to webhooks registered for that round), a tracking change to its
/// organization. Each delivery is stored by the webhook's delivery grain before this returns, so the stream's
/// at-least-once delivery carries through to the receiver.
/// </summary>
public sealed class WebhookConsumer : IChangeConsumer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ConsumeAsync(ChangeEvent change, IGrainFactory grains)
    {
        // Whoever changes a text acts for its organization (the system too), so the organization's webhooks are read first
        // and the MOU only asked whether it is a confidential round when some webhook wants the change.
        var organization = change switch { TrackingChange t => t.Organization, MouChange => change.By.Organization, _ => null };
        if (string.IsNullOrEmpty(organization))
            return;
        var wanting = (await grains.GetGrain<IWebhookRegistryGrain>(organization).SubscriptionsAsync()).Where(s => s.Webhook.Wants(change.Kind)).ToList();
        if (wanting.Count == 0)
            return;
        string? mouId = null;
        var confidential = false;
        if (change is MouChange m)
        {
            if (await grains.GetGrain<IMouGrain>(m.MouId).GetInfoAsync() is not { } mou || mou.Organization != organization)
                return;
            (mouId, confidential) = (mou.Id, mou.Confidential);
        }
        var subscriptions = wanting.Where(s => s.Webhook.MouId is null ? !confidential : s.Webhook.MouId == mouId).ToList();
        if (subscriptions.Count == 0)
            return;
        var payload = new WebhookPayload(change.EventId, change.Kind, mouId, change.At, Body(change, organization));
        await Task.WhenAll(subscriptions.Select(s =>
            grains.GetGrain<IWebhookDeliveryGrain>($"{organization}/{s.Webhook.Id}").EnqueueAsync(payload, s)));
    }

    /// <summary>The JSON body: the event's id, kind, time, actor and facts (the actor's user id is left out).</summary>
    public static string Body(ChangeEvent change, string organization)
    {
        var data = JsonSerializer.SerializeToElement(change, change.GetType(), Json);
        var facts = data.EnumerateObject()
            .Where(p => p.Name is not ("scope" or "by" or "at" or "eventId" or "viaApi" or "kind"))
            .ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.Serialize(new
        {
            id = change.EventId,
            kind = change.Kind,
            organization,
            at = change.At,
            by = new { name = change.By.Name, memberState = change.By.MemberState, organization = change.By.Organization },
            what = change.Describe(),
            data = facts,
        }, Json);
    }
}
