using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Webhooks;

namespace MouWorkspace.Grains.Webhooks;

/// <summary>Sends one delivery: a JSON POST signed with the webhook's secret. Implemented by the web host (HTTP, address checks).</summary>
public interface IWebhookSender
{
    Task<WebhookAttempt> SendAsync(string url, string secret, WebhookPayload payload, CancellationToken cancellationToken);
}

/// <param name="StatusCode">The receiver's answer, or null when none came (refused, timed out).</param>
public sealed record WebhookAttempt(int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}

[GenerateSerializer, Alias("webhooks.pending")]
public sealed class PendingDelivery
{
    [Id(0)] public WebhookPayload Payload { get; set; } = null!;
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public int? LastStatusCode { get; set; }
    [Id(3)] public string? LastError { get; set; }
    [Id(4)] public DateTimeOffset? LastAttemptAt { get; set; }
    [Id(5)] public DateTimeOffset NextAttemptAt { get; set; }
}

[GenerateSerializer, Alias("webhooks.delivery-state")]
public sealed class WebhookDeliveryState
{
    [Id(0)] public WebhookSubscription? Subscription { get; set; }
    /// <summary>In arrival order; the head is sent (and retried) before anything behind it.</summary>
    [Id(1)] public List<PendingDelivery> Pending { get; set; } = [];
    /// <summary>Delivered or stopped, newest last, the latest <see cref="IWebhookDeliveryGrain.KeptDeliveries"/>.</summary>
    [Id(2)] public List<WebhookDelivery> Done { get; set; } = [];
    [Id(3)] public bool Stopped { get; set; }
}

/// <summary>
/// Delivers one webhook's events in order, at least once: each is stored before the event consumer is answered, sent,
/// and retried with backoff (1 s, 2 s, 4 s … at most 5 min apart) until the receiver answers 2xx. A reminder brings the
/// grain back after a restart while something is pending; a timer paces the attempts.
/// </summary>
public sealed class WebhookDeliveryGrain(
    [PersistentState("webhook-deliveries", StorageNames.Blobs)] IPersistentState<WebhookDeliveryState> state,
    TimeProvider clock,
    IEnumerable<IWebhookSender> senders,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IRemindable
{
    private const string Reminder = "webhook-pending";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly IWebhookSender? sender = senders.FirstOrDefault();
    private WebhookDeliveryState S => state.State;
    private IGrainTimer? timer;
    private bool sending;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Schedule();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task EnqueueAsync(WebhookPayload payload, WebhookSubscription subscription)
    {
        if (S.Stopped || S.Pending.Exists(p => p.Payload.EventId == payload.EventId) || S.Done.Exists(d => d.EventId == payload.EventId))
            return;
        var pending = new PendingDelivery { Payload = payload, NextAttemptAt = clock.GetUtcNow() };
        var before = S.Subscription;
        S.Subscription = subscription;
        S.Pending.Add(pending);
        await state.WriteOrRollBackAsync(() => { S.Pending.Remove(pending); S.Subscription = before; }, DeactivateOnIdle);
        if (S.Pending.Count == 1)
            await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Schedule();
    }

    public Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync() =>
        Task.FromResult<IReadOnlyList<WebhookDelivery>>(S.Pending.Select(p => View(p, "pending", null))
            .Concat(Enumerable.Reverse(S.Done)).ToArray());

    public async Task StopAsync()
    {
        S.Stopped = true;
        S.Done.AddRange(S.Pending.Select(p => View(p, "stopped", null)));
        S.Pending.Clear();
        Trim();
        await state.WriteStateAsync();
        timer?.Dispose();
        await DropReminderAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Schedule();
        return S.Pending.Count == 0 ? DropReminderAsync() : Task.CompletedTask;
    }

    /// <summary>Arms the timer for the head's next attempt (now, if it is due).</summary>
    private void Schedule()
    {
        if (sending || S.Pending.Count == 0 || S.Stopped)
            return;
        var due = S.Pending[0].NextAttemptAt - clock.GetUtcNow();
        timer?.Dispose();
        timer = this.RegisterGrainTimer(_ => SendHeadAsync(), new GrainTimerCreationOptions
        {
            DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private async Task SendHeadAsync()
    {
        if (sending || S.Pending.Count == 0 || S.Subscription is not { } subscription)
            return;
        sending = true;
        try
        {
            var head = S.Pending[0];
            var attempt = sender is null
                ? new WebhookAttempt(null, "this silo has no webhook sender")
                : await SafeSendAsync(subscription, head.Payload);
            var now = clock.GetUtcNow();
            head.Attempts++;
            head.LastAttemptAt = now;
            head.LastStatusCode = attempt.StatusCode;
            head.LastError = attempt.Error;
            if (attempt.Delivered)
            {
                S.Pending.RemoveAt(0);
                S.Done.Add(View(head, "delivered", now));
                Trim();
            }
            else
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(head.Attempts - 1, 20))));
                head.NextAttemptAt = now + backoff;
                logger.LogInformation("Webhook {Webhook} delivery of {EventId} answered {Status} {Error}; next attempt in {Backoff}",
                    subscription.Webhook.Id, head.Payload.EventId, attempt.StatusCode, attempt.Error, backoff);
            }
            await state.WriteStateAsync();
            if (S.Pending.Count == 0)
                await DropReminderAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Webhook delivery state not written; the attempt is made again");
        }
        finally
        {
            sending = false;
        }
        Schedule();
    }

    private async Task<WebhookAttempt> SafeSendAsync(WebhookSubscription subscription, WebhookPayload payload)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            return await sender!.SendAsync(subscription.Webhook.Url, subscription.Secret, payload, timeout.Token);
        }
        catch (Exception ex)
        {
            return new WebhookAttempt(null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private void Trim()
    {
        if (S.Done.Count > IWebhookDeliveryGrain.KeptDeliveries)
            S.Done.RemoveRange(0, S.Done.Count - IWebhookDeliveryGrain.KeptDeliveries);
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private static WebhookDelivery View(PendingDelivery p, string status, DateTimeOffset? deliveredAt) =>
        new(p.Payload.EventId, p.Payload.Kind, p.Payload.MouId, p.Payload.At, status, p.Attempts, p.LastStatusCode, p.LastError,
            p.LastAttemptAt, status == "pending" ? p.NextAttemptAt : null, deliveredAt);
}
