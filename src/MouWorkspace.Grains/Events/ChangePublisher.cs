using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Events;
using Orleans.Streams;

namespace MouWorkspace.Grains.Events;

/// <summary>
/// How a grain tells the rest of the system what it changed: after its write succeeded, one event on its scope's
/// change stream (<see cref="ChangeStreams"/>). The change is made whatever happens here: an event that cannot be
/// queued is logged as an error (its consumers then catch up on their next full read: search rebuilds, pages
/// reload), and never turns an acknowledged change into a failure.
/// </summary>
public static class ChangePublisher
{
    /// <summary>How long a write waits for its event to be queued before it logs the event as not published and answers.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(4);

    public static StreamId StreamFor(string scope) => StreamId.Create(ChangeStreams.Namespace, scope);

    public static async Task PublishAsync(this Grain grain, ChangeEvent change)
    {
        var published = change with
        {
            EventId = change.EventId.Length > 0 ? change.EventId : Guid.NewGuid().ToString("N"),
            // A change the system made (a silence ended by an objection given through the API) is audited as its own.
            ViaApi = RequestContext.Get(ChangeStreams.ViaApiKey) is true && change.By.UserId != Abstractions.Common.Actor.SystemUserId,
        };
        try
        {
            var stream = grain.GetStreamProvider(ChangeStreams.Provider).GetStream<ChangeEvent>(StreamFor(published.Scope));
            // Bounded: a slow queue must not hold the grain (and every caller queued behind it) past the call timeout.
            await stream.OnNextAsync(published).WaitAsync(PublishTimeout);
        }
        catch (Exception ex)
        {
            ((IGrainBase)grain).GrainContext.ActivationServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ChangePublisher))
                .LogError(ex, "Change event {Kind} of {Scope} not published", published.Kind, published.Scope);
        }
    }
}
