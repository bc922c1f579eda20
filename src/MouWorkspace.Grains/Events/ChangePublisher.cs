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
    /// <summary>
    /// How long a write waits for its event to be queued. Past it the write answers and the queueing goes on in the
    /// background (a slow queue must not hold the grain, and every caller queued behind it, towards the call timeout);
    /// an event queued late may then arrive after a later one of the same scope.
    /// </summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(1);

    public static StreamId StreamFor(string scope) => StreamId.Create(ChangeStreams.Namespace, scope);

    private static ILogger? Logger(Grain grain) =>
        ((IGrainBase)grain).GrainContext.ActivationServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ChangePublisher));

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
            var queued = stream.OnNextAsync(published);
            // WaitAsync's timer goes as soon as the queue answers (a Task.Delay ran its full second on every publish).
            try
            {
                await queued.WaitAsync(PublishTimeout);
            }
            catch (TimeoutException)
            {
                Logger(grain)?.LogWarning("Change event {Kind} of {Scope} is taking over {Timeout} to queue; the write answers meanwhile",
                    published.Kind, published.Scope, PublishTimeout);
                _ = queued.ContinueWith(t => Logger(grain)?.LogError(t.Exception, "Change event {Kind} of {Scope} not published", published.Kind, published.Scope),
                    TaskContinuationOptions.OnlyOnFaulted);
            }
        }
        catch (Exception ex)
        {
            Logger(grain)?.LogError(ex, "Change event {Kind} of {Scope} not published", published.Kind, published.Scope);
        }
    }
}
