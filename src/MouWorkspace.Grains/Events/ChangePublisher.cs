using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Events;
using Orleans.Streams;

namespace MouWorkspace.Grains.Events;

/// <summary>
/// How a grain tells the rest of the system what it changed: after its write succeeded, one event on its scope's
/// change stream (<see cref="ChangeStreams"/>), handed to the silo's <see cref="ChangeOutbox"/>, which queues it after
/// the turn (events of a scope published meanwhile share one queue message). The change is made whatever happens
/// there: an event that cannot be queued is retried, then logged as an error (its consumers catch up on their next
/// full read: search rebuilds, pages reload), and never turns an acknowledged change into a failure.
/// </summary>
public static class ChangePublisher
{
    public static StreamId StreamFor(string scope) => StreamId.Create(ChangeStreams.Namespace, scope);

    /// <summary>Registers the silo's <see cref="ChangeOutbox"/> (beside the change streams' provider), drained when the silo stops.</summary>
    public static IServiceCollection AddChangeOutbox(this IServiceCollection services) =>
        services.AddSingleton(ChangeOutbox.For)
            .AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<ChangeOutbox>());

    private static ILogger? Logger(Grain grain) =>
        ((IGrainBase)grain).GrainContext.ActivationServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ChangePublisher));

    /// <summary>
    /// Hands the event to the outbox in this turn (so that a scope's events keep the order of the turns that made them)
    /// and returns without waiting for the queue: a hot grain (an MOU's positions, a clause's comments) is not held for a
    /// storage round trip on every write. Returns a task only so that callers read as before.
    /// </summary>
    public static Task PublishAsync(this Grain grain, ChangeEvent change)
    {
        var published = change with
        {
            EventId = change.EventId.Length > 0 ? change.EventId : Guid.NewGuid().ToString("N"),
            // A change the system made (a silence ended by an objection given through the API) is audited as its own.
            ViaApi = RequestContext.Get(ChangeStreams.ViaApiKey) is true && change.By.UserId != Abstractions.Common.Actor.SystemUserId,
        };
        try
        {
            var outbox = ((IGrainBase)grain).GrainContext.ActivationServices.GetRequiredService<ChangeOutbox>();
            _ = outbox.QueueAsync(published);
        }
        catch (Exception ex)
        {
            Logger(grain)?.LogError(ex, "Change event {Kind} of {Scope} not published", published.Kind, published.Scope);
        }
        return Task.CompletedTask;
    }
}
