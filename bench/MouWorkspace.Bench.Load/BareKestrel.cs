using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MouWorkspace.Bench.Load;

/// <summary>The ceiling for an HTTP answer on this machine: Kestrel with one endpoint and nothing else, in this process.</summary>
internal sealed class BareKestrel(WebApplication app, Uri ping) : IAsyncDisposable
{
    public Uri Ping { get; } = ping;

    public static async Task<BareKestrel> StartAsync()
    {
        var port = AppUnderTest.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        return new BareKestrel(app, new Uri($"http://127.0.0.1:{port}/ping"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
