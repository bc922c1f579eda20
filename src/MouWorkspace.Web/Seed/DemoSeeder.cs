using MouWorkspace.Abstractions.Organizations;

namespace MouWorkspace.Web.Seed;

/// <summary>
/// On first start (no MOU in any organization yet) writes the demo data of ../shared/DOMAIN.md through the
/// grains, as users would. <c>Seed:Demo=false</c> turns it off (tests).
/// </summary>
public sealed class DemoSeeder(IGrainFactory grains, IConfiguration configuration, SeedStatus status, ILogger<DemoSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Seed:Demo", true))
        {
            status.Done = true;
            return;
        }
        try
        {
            foreach (var organization in DemoData.Organizations)
            {
                if ((await grains.GetGrain<IOrganizationGrain>(organization).ListAsync()).Count > 0)
                    continue;
                logger.LogInformation("Seeding the demo texts of {Organization}", organization);
                await DemoData.SeedAsync(grains, organization, stoppingToken);
            }
            if ((await grains.GetGrain<MouWorkspace.Abstractions.ReformItems.IReformIndexGrain>(MouWorkspace.Abstractions.ReformItems.IReformIndexGrain.Key).ListAsync()).Count == 0)
            {
                logger.LogInformation("Seeding the reform items and TCC records");
                await ReformItemData.SeedAsync(grains);
                await TccData.SeedAsync(grains);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Seeding the demo data failed; the app runs without it");
        }
        finally
        {
            status.Done = true;
        }
    }
}

/// <summary>Whether the demo seeding has finished (or was not needed): <c>/health</c> is not ready before.</summary>
public sealed class SeedStatus
{
    public volatile bool Done;
}
