using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Live;

namespace MouWorkspace.Web.Frontend;

/// <summary>A change arrived for open pages: the typed event, with the audit scope it belongs to.</summary>
public sealed record LiveEvent(ChangeEvent Change)
{
    public string Scope => Change.Scope;

    /// <summary>The MOU the change belongs to, if any.</summary>
    public string? MouId => (Change as MouChange)?.MouId;

    /// <summary>The clause the change belongs to, if any.</summary>
    public string? ClauseId => (Change as ClauseChange)?.ClauseId;
}

/// <summary>
/// This web host's receiver of changes for its open pages. Every change is published by the grain that made it on
/// the change streams; the silo consuming a stream passes it to the live hub grain, which tells every subscribed
/// host (<see cref="ILiveHubGrain"/>), this one included: a change made by the system (a silence deadline) or on
/// another host reaches the pages like one made here. <see cref="LiveEventsSubscription"/> keeps this host subscribed.
/// </summary>
public sealed class LiveEvents(ILogger<LiveEvents> logger) : ILiveObserver
{
    public event Action<LiveEvent>? Changed;

    Task ILiveObserver.OnChangedAsync(LiveChange change)
    {
        Raise(new LiveEvent(change.Change));
        return Task.CompletedTask;
    }

    private void Raise(LiveEvent change)
    {
        // One page's failing handler must not keep the change from the others.
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
