using MouWorkspace.Abstractions.Live;

namespace MouWorkspace.Web.Frontend;

/// <summary>Something changed in a scope (an MOU's audit scope, an organization's): pages showing it reload.</summary>
public sealed record LiveEvent(string Scope, string Action, string Target, string By, DateTimeOffset At);

/// <summary>
/// Fan-out of changes to open pages, fed by the audit filter (every change passes there), across every web host of
/// the cluster. A change is told to this host's pages at once and sent, one-way, to the live hub grain, which tells
/// the other hosts (<see cref="ILiveHubGrain"/>); this host ignores its own events when they come back.
/// <see cref="LiveEventsSubscription"/> keeps this host subscribed.
/// </summary>
public sealed class LiveEvents(IGrainFactory grains, ILogger<LiveEvents> logger) : ILiveObserver
{
    /// <summary>Names this host in the events it sends.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    public event Action<LiveEvent>? Changed;

    public void Publish(LiveEvent change)
    {
        Raise(change);
        try
        {
            // [OneWay]: the call returns as soon as the message is queued; the request never waits on the hub.
            grains.GetGrain<ILiveHubGrain>(LiveHubKey.Cluster)
                .PublishAsync(new LiveChange(change.Scope, change.Action, change.Target, change.By, change.At, Origin)).Ignore();
        }
        catch (Exception ex)
        {
            // Other hosts' pages then show the change on their next load; this request's change is made all the same.
            logger.LogWarning(ex, "Live event for {Scope} not sent to the other web hosts", change.Scope);
        }
    }

    Task ILiveObserver.OnChangedAsync(LiveChange change)
    {
        if (change.Origin != Origin)
            Raise(new LiveEvent(change.Scope, change.Action, change.Target, change.By, change.At));
        return Task.CompletedTask;
    }

    private void Raise(LiveEvent change)
    {
        // One page's failing handler must not keep the change from the others (or fail the request).
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<LiveEvent>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A live page failed on a change in {Scope}", change.Scope);
            }
        }
    }
}
