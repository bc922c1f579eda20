using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Live;

/// <summary>
/// Carries live events between web hosts: every host subscribes an observer, and a change acknowledged on one
/// host is fanned out to all of them. Nothing is stored: a live event only tells open pages to reload, and a
/// page that misses one still shows the truth on its next load. Key: <see cref="LiveHubKey.Cluster"/>.
/// </summary>
[Alias("live.ILiveHubGrain")]
public interface ILiveHubGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a host's subscription; a subscription not refreshed within the hub's expiry is dropped.</summary>
    Task SubscribeAsync(ILiveObserver observer);

    Task UnsubscribeAsync(ILiveObserver observer);

    /// <summary>One-way: the request that made the change does not wait for the fan-out.</summary>
    [OneWay]
    Task PublishAsync(LiveChange change);
}

/// <summary>A web host's receiver of live events.</summary>
[Alias("live.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished host never holds the hub up.</summary>
    [OneWay]
    Task OnChangedAsync(LiveChange change);
}

public static class LiveHubKey
{
    public const string Cluster = "cluster";
}
