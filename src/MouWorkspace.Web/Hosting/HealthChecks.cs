using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MouWorkspace.Abstractions.Organizations;

namespace MouWorkspace.Web.Hosting;

/// <summary><c>GET /health</c>: 200 when a grain answers and storage answers, 503 otherwise.</summary>
public static class HealthChecks
{
    public static void AddMouHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<StorageCheck>("storage", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<OrleansCheck>("orleans", timeout: TimeSpan.FromSeconds(5));

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
