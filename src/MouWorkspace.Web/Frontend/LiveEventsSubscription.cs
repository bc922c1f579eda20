using MouWorkspace.Abstractions.Live;

namespace MouWorkspace.Web.Frontend;

/// <summary>
/// Keeps this web host's <see cref="LiveEvents"/> subscribed to the live hub grain: once the app has started (the
/// silo or the cluster client is up), then every <see cref="Refresh"/>, well within the hub's expiry, so that a hub
/// reactivated on another silo (after a silo failure) learns of this host again within seconds.
/// </summary>
public sealed class LiveEventsSubscription(IGrainFactory grains, LiveEvents live, IHostApplicationLifetime lifetime,
    ILogger<LiveEventsSubscription> logger) : BackgroundService
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    private ILiveObserver? reference;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
            return;
        reference = grains.CreateObjectReference<ILiveObserver>(live);
        using var timer = new PeriodicTimer(Refresh);
        do
        {
            try
            {
                await grains.GetGrain<ILiveHubGrain>(LiveHubKey.Cluster).SubscribeAsync(reference);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not subscribe to the live hub; retrying in {Refresh}", Refresh);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is null)
            return;
        try
        {
            await grains.GetGrain<ILiveHubGrain>(LiveHubKey.Cluster).UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            grains.DeleteObjectReference<ILiveObserver>(reference);
        }
        catch (Exception ex)
        {
            // The hub drops the subscription when it expires.
            logger.LogDebug(ex, "Live hub unsubscription skipped");
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var __ = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
