using MouWorkspace.Web.Storage;

namespace MouWorkspace.Web.Hosting;

/// <summary>Where the app keeps its Azure Storage data: a configured account, or an Azurite it starts itself.</summary>
public sealed record StorageEndpoint(string ConnectionString, AzuriteProcess? Azurite);

public static class StorageSetup
{
    public const string ConnectionStringName = "AzureStorage";

    /// <summary>
    /// With <c>ConnectionStrings:AzureStorage</c> the app uses that account and starts nothing; otherwise it
    /// starts the pinned Azurite with its data under <see cref="AppPaths.DataPath"/>, and stops it when the app stops.
    /// </summary>
    public static async Task<StorageEndpoint> AddMouStorageAsync(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        StorageEndpoint endpoint;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            endpoint = new StorageEndpoint(configured, null);
        }
        else
        {
            using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
            var logger = loggerFactory.CreateLogger("MouWorkspace.Azurite");
            var dataPath = Path.Combine(AppPaths.DataPath(builder.Configuration, builder.Environment), "storage");
            logger.LogInformation("No ConnectionStrings:AzureStorage configured: starting Azurite with its data in {DataPath}", dataPath);
            var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions
            {
                Directory = builder.Configuration["Azurite:Directory"],
                DataPath = dataPath,
            }, logger);
            logger.LogInformation("Azurite is ready (blob port {Port})", azurite.BlobPort);
            endpoint = new StorageEndpoint(azurite.ConnectionString, azurite);
        }
        builder.Services.AddSingleton(endpoint);
        // Registered before Orleans: hosted services stop in reverse order, so Azurite outlives the silo.
        builder.Services.AddHostedService<AzuriteLifetime>();
        return endpoint;
    }

    private sealed class AzuriteLifetime(StorageEndpoint endpoint) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (endpoint.Azurite is { } azurite)
                await azurite.DisposeAsync();
        }
    }
}
