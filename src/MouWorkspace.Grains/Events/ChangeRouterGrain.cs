using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Events;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace MouWorkspace.Grains.Events;

/// <summary>
/// Something that follows changes: notifications, search indexing, live pages, the audit of changes made without a
/// request, webhooks. Registered in the silo's services; the router hands each event to every consumer, in the
/// order the events of one scope were published. Delivery is at least once: a consumer must be idempotent on
/// <see cref="ChangeEvent.EventId"/> (or harmless when repeated, like re-indexing a clause).
/// </summary>
public interface IChangeConsumer
{
    Task ConsumeAsync(ChangeEvent change, IGrainFactory grains);
}

[Alias("events.IChangeRouterGrain")]
public interface IChangeRouterGrain : IGrainWithStringKey;

/// <summary>
/// The consumer end of one scope's change stream: activated by the stream itself (an implicit subscription, so no
/// subscription is stored and none can be lost), on whichever silo pulls the stream's queue. Events seen recently
/// are skipped, so a redelivered batch is not consumed twice while this activation lives; a failing consumer is
/// logged and never holds up the others.
/// </summary>
[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class ChangeRouterGrain(IEnumerable<IChangeConsumer> consumers, ILogger<ChangeRouterGrain> logger)
    : Grain, IChangeRouterGrain, IStreamSubscriptionObserver, IAsyncObserver<ChangeEvent>
{
    private const int Remembered = 4096;

    private readonly IChangeConsumer[] all = consumers.ToArray();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ChangeEvent>().ResumeAsync(this);

    public async Task OnNextAsync(ChangeEvent item, StreamSequenceToken? token = null)
    {
        if (item.EventId.Length > 0 && !Remember(item.EventId))
            return;
        foreach (var consumer in all)
        {
            try
            {
                await consumer.ConsumeAsync(item, GrainFactory);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Consumer} failed on {Kind} {EventId} of {Scope}", consumer.GetType().Name, item.Kind, item.EventId, item.Scope);
            }
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Change stream of {Scope} reported an error", this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    private bool Remember(string eventId)
    {
        if (!seen.Add(eventId))
            return false;
        order.Enqueue(eventId);
        if (order.Count > Remembered)
            seen.Remove(order.Dequeue());
        return true;
    }
}
