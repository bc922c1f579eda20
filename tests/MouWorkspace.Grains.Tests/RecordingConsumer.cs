using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using Orleans.Hosting;
using Orleans.Streams;

namespace MouWorkspace.Grains.Tests;

/// <summary>A change consumer of the test silos: every event the router handed on, to be looked up by scope.</summary>
public sealed class RecordingConsumer : IChangeConsumer
{
    private static readonly ConcurrentQueue<ChangeEvent> Seen = new();

    public Task ConsumeAsync(ChangeEvent change, IGrainFactory grains)
    {
        Seen.Enqueue(change);
        return Task.CompletedTask;
    }

    public static IReadOnlyList<ChangeEvent> In(string scope) => Seen.Where(e => e.Scope == scope).ToList();

    /// <summary>Waits (a condition, bounded at 10 s) until the scope holds an event matching <paramref name="match"/>.</summary>
    public static async Task<T> WaitForAsync<T>(string scope, Func<T, bool>? match = null) where T : ChangeEvent
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (In(scope).OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true) is { } found)
                return found;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} reached the consumers of {scope} within 10 s; seen: {string.Join(", ", In(scope).Select(e => e.Kind))}");
    }

    /// <summary>The change streams as the app has them, in memory, with this consumer (the audit consumer where the silo has an audit store).</summary>
    public static void AddTo(ISiloBuilder silo, bool audit)
    {
        silo.AddMemoryStreams(ChangeStreams.Provider, c => c.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        silo.Services.AddChangeOutbox();
        if (audit)
            silo.Services.AddSingleton<IChangeConsumer, AuditConsumer>();
        silo.Services.AddSingleton<IChangeConsumer, RecordingConsumer>();
    }
}
