using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Live;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace MouWorkspace.Grains.Live;

/// <summary>
/// Fans live events out to every subscribed web host. Observers of clients that vanished are not told apart from
/// live ones (calls are one-way), so a subscription lapses unless its host refreshes it within <see cref="Expiry"/>;
/// hosts refresh far more often, which also re-subscribes them within seconds when this grain moves to another silo.
/// Reentrant: publishing touches no state but the subscriber list, and one-way calls never await.
/// </summary>
[Reentrant]
public sealed class LiveHubGrain(ILogger<LiveHubGrain> logger) : Grain, ILiveHubGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(45);

    private readonly ObserverManager<ILiveObserver> observers = new(Expiry, logger);

    public Task SubscribeAsync(ILiveObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(LiveChange change)
    {
        observers.Notify(o => o.OnChangedAsync(change).Ignore());
        return Task.CompletedTask;
    }
}
