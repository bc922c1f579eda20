using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using Orleans.Serialization;
using Orleans.Streams;

namespace MouWorkspace.Grains.Tests;

/// <summary>
/// The silo's outbox onto the change streams: per scope, one put at a time and in the order events were handed in;
/// events handed in during a put go out together as one message; a failed put is retried, then given up (never
/// stuck); a stopping silo drains it.
/// </summary>
public sealed class ChangeOutboxTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static CommentAdded Comment(string mouId, int n) =>
        new(mouId, "c1", "OP1", $"k{n}", null, null, Actors.Delegate("FRA"), DateTimeOffset.UnixEpoch.AddSeconds(n)) { EventId = $"e{n}" };

    /// <summary>A scope's stream that records each put (one message) and can hold puts until released, or fail the first few.</summary>
    private sealed class RecordingStream : IAsyncBatchProducer<ChangeEvent>
    {
        public ConcurrentQueue<IReadOnlyList<ChangeEvent>> Messages { get; } = new();
        public TaskCompletionSource Gate { get; set; } = Released();
        public int FailuresLeft;
        private int inFlight;
        public int MostInFlight;

        private static TaskCompletionSource Released()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }

        private async Task PutAsync(IReadOnlyList<ChangeEvent> events)
        {
            var now = Interlocked.Increment(ref inFlight);
            MostInFlight = Math.Max(MostInFlight, now);
            try
            {
                await Gate.Task;
                if (Interlocked.Decrement(ref FailuresLeft) >= 0)
                    throw new IOException("queue unavailable");
                Messages.Enqueue(events);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        public Task OnNextAsync(ChangeEvent item, StreamSequenceToken? token = null) => PutAsync([item]);
        public Task OnNextBatchAsync(IEnumerable<ChangeEvent> batch, StreamSequenceToken? token = null) => PutAsync(batch.ToList());
        public Task OnCompletedAsync() => Task.CompletedTask;
        public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
    }

    private static (ChangeOutbox Outbox, ConcurrentDictionary<string, RecordingStream> Streams) NewOutbox(TimeSpan[]? retries = null)
    {
        var streams = new ConcurrentDictionary<string, RecordingStream>();
        var outbox = new ChangeOutbox(scope => streams.GetOrAdd(scope, _ => new RecordingStream()), Serializer, NullLogger<ChangeOutbox>.Instance, retries);
        return (outbox, streams);
    }

    /// <summary>An outbox whose puts on <paramref name="scope"/> wait until the returned gate is released.</summary>
    private static (ChangeOutbox Outbox, ConcurrentDictionary<string, RecordingStream> Streams, TaskCompletionSource Held) NewOutboxHolding(string scope)
    {
        var (outbox, streams) = NewOutbox();
        var held = new TaskCompletionSource();
        streams[scope] = new RecordingStream { Gate = held };
        return (outbox, streams, held);
    }

    [Fact]
    public async Task Events_handed_in_during_a_put_go_out_together_in_order_one_put_at_a_time()
    {
        var (outbox, streams, held) = NewOutboxHolding("mou-a");

        var first = outbox.QueueAsync(Comment("a", 0));
        var rest = Enumerable.Range(1, 100).Select(n => outbox.QueueAsync(Comment("a", n))).ToList();
        await Task.Delay(50);
        Assert.False(first.IsCompleted); // the put is held: nothing is acknowledged as queued before it is
        Assert.Equal(101, outbox.Waiting);
        held.SetResult();
        await Task.WhenAll(rest.Append(first)).WaitAsync(TimeSpan.FromSeconds(10));

        var messages = streams["mou-a"].Messages.ToList();
        Assert.Equal(1, streams["mou-a"].MostInFlight);
        Assert.Equal(Enumerable.Range(0, 101).Select(n => $"e{n}"), messages.SelectMany(m => m).Select(e => e.EventId));
        // The first put takes what waited when it began (one event, or more if the rest came in first); all that waited
        // behind it go in messages of at most MaxEvents: 101 events in two or three messages, not 101.
        Assert.InRange(messages.Count, 2, 3);
        Assert.All(messages, m => Assert.InRange(m.Count, 1, ChangeOutbox.MaxEvents));
        Assert.Equal(0, outbox.Waiting);
        Assert.True(await outbox.DrainAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Scopes_do_not_wait_for_each_other()
    {
        var (outbox, streams, held) = NewOutboxHolding("mou-slow");
        var slow = outbox.QueueAsync(Comment("slow", 1));
        await outbox.QueueAsync(Comment("fast", 2)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(slow.IsCompleted);
        Assert.False(await outbox.DrainAsync(TimeSpan.FromMilliseconds(100)));
        held.SetResult();
        Assert.True(await outbox.DrainAsync(TimeSpan.FromSeconds(10)));
        Assert.True(slow.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failed_put_is_tried_again_and_a_lasting_failure_gives_the_events_up_without_holding_the_scope()
    {
        var (outbox, streams) = NewOutbox([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)]);
        streams["mou-b"] = new RecordingStream { FailuresLeft = 2 };
        await outbox.QueueAsync(Comment("b", 1)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["e1"], streams["mou-b"].Messages.SelectMany(m => m).Select(e => e.EventId));

        streams["mou-b"].FailuresLeft = 3; // one try and two retries all fail
        var lost = outbox.QueueAsync(Comment("b", 2));
        await Assert.ThrowsAsync<IOException>(() => lost.WaitAsync(TimeSpan.FromSeconds(10)));
        await outbox.QueueAsync(Comment("b", 3)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["e1", "e3"], streams["mou-b"].Messages.SelectMany(m => m).Select(e => e.EventId));
        Assert.Equal(0, outbox.Waiting);
    }

    [Fact]
    public async Task A_message_holds_at_most_its_byte_budget_and_a_large_event_goes_alone()
    {
        var (outbox, streams, held) = NewOutboxHolding("mou-c");
        var first = outbox.QueueAsync(Comment("c", 0));
        // Rationales of 20 KB: two do not fit in one message's budget.
        var drafts = Enumerable.Range(1, 3).Select(n => outbox.QueueAsync(
            new DraftSaved("c", "c1", "OP1", n, new string('x', 20_000), Actors.Legal, DateTimeOffset.UnixEpoch) { EventId = $"d{n}" })).ToList();
        held.SetResult();
        await Task.WhenAll(drafts.Append(first)).WaitAsync(TimeSpan.FromSeconds(10));
        var messages = streams["mou-c"].Messages.ToList();
        Assert.Equal(4, messages.Sum(m => m.Count));
        Assert.All(messages, m => Assert.True(m.OfType<DraftSaved>().Count() <= 1, $"a message held {m.Count} events, drafts {m.OfType<DraftSaved>().Count()}"));
    }
}
