using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MouWorkspace.Abstractions.Organizations;
using MouWorkspace.Web.Search;
using MouWorkspace.Web.Seed;

namespace MouWorkspace.Web.Hosting;

/// <summary>
/// <c>GET /health</c> (readiness): 200 when the API can answer: a grain answers, storage answers, and the start-up
/// work that loads the cluster is over (demo seeding; the search index built once, or rebuilt after a crash: while
/// it reads every grain, requests time out). 503 otherwise.
/// </summary>
public static class HealthChecks
{
    public static void AddMouHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<SeedStatus>();
        services.AddHealthChecks()
            .AddCheck<StartupCheck>("startup")
            .AddCheck<StorageCheck>("storage", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<OrleansCheck>("orleans", timeout: TimeSpan.FromSeconds(5));
    }

    private sealed class StartupCheck(SeedStatus seed, IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            // SearchStatus exists wherever search is set up (every host of this app); a host without it has no index to wait for.
            var search = services.GetService<SearchStatus>();
            return Task.FromResult(
                !seed.Done ? HealthCheckResult.Unhealthy("seeding the demo data")
                : search is { Ready: false } ? HealthCheckResult.Unhealthy("building the search index")
                : HealthCheckResult.Healthy());
        }
    }

    private sealed class StorageCheck(TableServiceClient tables) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await tables.GetPropertiesAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("storage does not answer");
            }
        }
    }

    private sealed class OrleansCheck(IGrainFactory grains) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await grains.GetGrain<IOrganizationGrain>("un").ListAsync().WaitAsync(TimeSpan.FromSeconds(4), cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("the cluster does not answer");
            }
        }
    }
}
