using Microsoft.Extensions.Logging.Abstractions;
using MouWorkspace.Web.Storage;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>One app on one in-memory Azurite for the HTTP tests; each test makes its own MOUs (unique ids).</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public MouApp App { get; private set; } = null!;

    public string ConnectionString => azurite!.ConnectionString;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), NullLogger.Instance);
        // A generous request budget: the shared app serves every HTTP test as a handful of users.
        App = new MouApp(azurite.ConnectionString, settings: new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "1000000" });
        _ = App.Server; // starts the host (and the silo) now, not in the first test
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (azurite is not null)
            await azurite.DisposeAsync();
    }
}

[CollectionDefinition("api")]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>;
