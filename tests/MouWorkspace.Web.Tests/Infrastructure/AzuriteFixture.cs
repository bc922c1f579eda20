using Microsoft.Extensions.Logging;
using MouWorkspace.Web.Storage;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite shared by every test class marked <c>[Collection("azurite")]</c>.
/// The first run on a machine also runs <c>npm ci</c> in azurite/ (1-2 minutes).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Console logger so that a slow first npm ci shows progress in `dotnet test` output.
    readonly ILoggerFactory _loggerFactory =
        LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
    AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started yet.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { ExtentMemoryLimitMb = 2048 }, _loggerFactory.CreateLogger<AzuriteFixture>(), cts.Token);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        _loggerFactory.Dispose();
    }
}

[CollectionDefinition("azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
