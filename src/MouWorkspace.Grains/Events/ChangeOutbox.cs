using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Events;
using Orleans.Serialization;
using Orleans.Streams;

namespace MouWorkspace.Grains.Events;

/// <summary>
/// The silo's way onto the change streams. A grain hands its event in during its turn and goes on; the outbox
/// queues it after the turn, one put at a time per scope and in the order the events were handed in, and the
/// events of a scope handed in while a put is under way go out together in the next put, as one queue message (a
/// group commit: Orleans' Azure Queue adapter stores a batch as one message, and its pulling agent hands the events
/// on one by one, in order). Under load this turns a queue message per change, waited for inside the writer's turn,
/// into one per burst of a text's changes, waited for by nobody (docs/performance.md, runs 16–20: with a message
/// per change, awaited, comments ran at 258/s and positions at 9/s; without events at all, 2,016/s and 85/s).
/// A failed put is retried (<see cref="DefaultRetries"/>), then its events are logged as lost. When the silo stops, the
/// outbox is drained first (at most <see cref="DrainTimeout"/>). What is not guarded: a silo that dies within the
/// few milliseconds between a write's answer and its put loses that event (the change itself is stored; docs/architecture.md).
/// </summary>
public sealed class ChangeOutbox(Func<string, IAsyncBatchProducer<ChangeEvent>> producerFor, Serializer serializer, ILogger<ChangeOutbox> logger, TimeSpan[]? retries = null)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The outbox of a silo: each scope's stream of the change streams' provider.</summary>
    public static ChangeOutbox For(IServiceProvider services)
    {
        IStreamProvider? provider = null;
        return new ChangeOutbox(
            scope => (provider ??= services.GetRequiredKeyedService<IStreamProvider>(ChangeStreams.Provider)).GetStream<ChangeEvent>(ChangePublisher.StreamFor(scope)),
            services.GetRequiredService<Serializer>(), services.GetRequiredService<ILogger<ChangeOutbox>>());
    }

    /// <summary>The waits before the put of a batch is tried again (a storage hiccup, a throttled account).</summary>
    public static readonly TimeSpan[] DefaultRetries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>How long a stopping silo waits for its outbox to be queued.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Events waiting in all scopes at most (a storage account down for minutes): past it, new events are logged as lost.</summary>
    public const int MaxWaiting = 100_000;

    /// <summary>Events in one message at most (a queue message holds 64 KiB, as base64).</summary>
    public const int MaxEvents = 64;

    /// <summary>Serialized bytes in one message at most (base64 makes a third more; the rest is the message's own header).</summary>
    public const int MaxBytes = 32 * 1024;

    private readonly TimeSpan[] retries = retries ?? DefaultRetries;
    private readonly Dictionary<string, Lane> lanes = new(StringComparer.Ordinal);
    private int waiting;
    private TaskCompletionSource? drained;

    private sealed class Lane
    {
        public List<(ChangeEvent Change, int Bytes, TaskCompletionSource Queued)> Pending { get; } = [];
    }

    /// <summary>Events handed in and not yet queued (or given up).</summary>
    public int Waiting
    {
        get
        {
            lock (lanes)
                return waiting;
        }
    }

    /// <summary>
    /// Queues <paramref name="change"/> on its scope's stream after every event of the scope handed in before it; the
    /// task ends when the message holding it is queued, or fails when it was given up.
    /// </summary>
    public Task QueueAsync(ChangeEvent change)
    {
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bytes = serializer.SerializeToArray(change).Length;
        lock (lanes)
        {
            if (waiting >= MaxWaiting)
            {
                logger.LogError("Change event {Kind} of {Scope} not published: {Waiting} events are waiting for the queue already", change.Kind, change.Scope, waiting);
                queued.SetException(new InvalidOperationException("the change outbox is full"));
                return queued.Task;
            }
            waiting++;
            if (lanes.TryGetValue(change.Scope, out var lane))
            {
                // A put of this scope is under way: the event goes in the next one.
                lane.Pending.Add((change, bytes, queued));
                return queued.Task;
            }
            lane = new Lane();
            lane.Pending.Add((change, bytes, queued));
            lanes[change.Scope] = lane;
            // Off the caller's scheduler and request context: the put belongs to no grain turn and no request.
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => DrainAsync(change.Scope, lane));
        }
        return queued.Task;
    }

    private async Task DrainAsync(string scope, Lane lane)
    {
        IAsyncBatchProducer<ChangeEvent>? stream = null;
        while (true)
        {
            List<(ChangeEvent Change, int Bytes, TaskCompletionSource Queued)> batch;
            lock (lanes)
            {
                if (lane.Pending.Count == 0)
                {
                    lanes.Remove(scope);
                    if (lanes.Count == 0)
                        drained?.TrySetResult();
                    return;
                }
                batch = Take(lane.Pending);
            }
            Exception? failure = null;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    stream ??= producerFor(scope);
                    if (batch.Count == 1)
                        await stream.OnNextAsync(batch[0].Change);
                    else
                        await stream.OnNextBatchAsync(batch.Select(b => b.Change).ToList());
                    failure = null;
                    break;
                }
                catch (Exception ex)
                {
                    failure = ex;
                    if (attempt >= this.retries.Length)
                        break;
                    logger.LogWarning(ex, "{Count} change events of {Scope} not queued yet; trying again in {Wait}", batch.Count, scope, this.retries[attempt]);
                    await Task.Delay(this.retries[attempt]);
                }
            }
            if (failure is not null)
                logger.LogError(failure, "{Count} change events of {Scope} not published ({Kinds}): their consumers catch up on their next full read",
                    batch.Count, scope, string.Join(", ", batch.Select(b => b.Change.Kind).Distinct()));
            lock (lanes)
                waiting -= batch.Count;
            foreach (var item in batch)
            {
                if (failure is null)
                    item.Queued.TrySetResult();
                else
                    item.Queued.TrySetException(failure);
            }
        }
    }

    /// <summary>Waits until every event handed in so far is queued or given up, at most <paramref name="timeout"/>; false if some still wait.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        Task all;
        lock (lanes)
        {
            if (lanes.Count == 0)
                return true;
            if (drained is null || drained.Task.IsCompleted)
                drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            all = drained.Task;
        }
        return await Task.WhenAny(all, Task.Delay(timeout)) == all;
    }

    /// <summary>Stops first among the silo's services (before the stream providers and the grains' deactivation), after queueing what waits.</summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ChangeOutbox), ServiceLifecycleStage.Active, _ => Task.CompletedTask, async _ =>
        {
            if (!await DrainAsync(DrainTimeout))
                logger.LogError("The silo stops with {Waiting} change events not queued after {Timeout}", Waiting, DrainTimeout);
        });

    /// <summary>The oldest waiting events, as many as one message holds (one event always, whatever its size).</summary>
    private static List<(ChangeEvent Change, int Bytes, TaskCompletionSource Queued)> Take(List<(ChangeEvent Change, int Bytes, TaskCompletionSource Queued)> pending)
    {
        var count = 0;
        var bytes = 0;
        while (count < pending.Count && count < MaxEvents && (count == 0 || bytes + pending[count].Bytes <= MaxBytes))
            bytes += pending[count++].Bytes;
        var batch = pending.GetRange(0, count);
        pending.RemoveRange(0, count);
        return batch;
    }
}
