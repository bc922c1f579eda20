using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Webhooks;

namespace MouWorkspace.Grains.Webhooks;

[GenerateSerializer, Alias("webhooks.registry-state")]
public sealed class WebhookRegistryState
{
    [Id(0)] public List<WebhookSubscription> Webhooks { get; set; } = [];
}

/// <summary>The organization's webhooks with their secrets. The web layer has checked the URL and the caller.</summary>
public sealed class WebhookRegistryGrain(
    [PersistentState("webhooks", StorageNames.Blobs)] IPersistentState<WebhookRegistryState> state,
    TimeProvider clock) : Grain, IWebhookRegistryGrain
{
    private List<WebhookSubscription> All => state.State.Webhooks;

    public async Task<Outcome<Webhook>> AddAsync(WebhookRegistration registration)
    {
        if (All.Count >= IWebhookRegistryGrain.MaxPerOrganization)
            return Outcome<Webhook>.Fail(Failure.Conflict, $"an organization has at most {IWebhookRegistryGrain.MaxPerOrganization} webhooks; remove one first");
        var webhook = new Webhook(Ids.New(), this.GetPrimaryKeyString(), registration.Url, registration.Events, registration.MouId,
            registration.By.Name, clock.GetUtcNow());
        var subscription = new WebhookSubscription(webhook, registration.Secret);
        All.Add(subscription);
        await state.WriteOrRollBackAsync(() => All.Remove(subscription), DeactivateOnIdle);
        return Outcome<Webhook>.Success(webhook);
    }

    public Task<IReadOnlyList<Webhook>> ListAsync() => Task.FromResult<IReadOnlyList<Webhook>>(All.Select(s => s.Webhook).ToArray());

    public Task<IReadOnlyList<WebhookSubscription>> SubscriptionsAsync() => Task.FromResult<IReadOnlyList<WebhookSubscription>>(All.ToArray());

    public async Task<bool> RemoveAsync(string webhookId)
    {
        var index = All.FindIndex(s => s.Webhook.Id == webhookId);
        if (index < 0)
            return false;
        var removed = All[index];
        All.RemoveAt(index);
        await state.WriteOrRollBackAsync(() => All.Insert(index, removed), DeactivateOnIdle);
        await GrainFactory.GetGrain<IWebhookDeliveryGrain>($"{this.GetPrimaryKeyString()}/{webhookId}").StopAsync();
        return true;
    }
}
