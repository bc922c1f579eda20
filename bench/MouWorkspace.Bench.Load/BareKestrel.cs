using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MouWorkspace.Bench.Load;

/// <summary>
/// The ceiling for an HTTP answer on this machine: Kestrel with one endpoint and nothing else. In this process
/// (<see cref="StartAsync"/>), or in a process of its own (<see cref="StartProcessAsync"/>) like the app: a server in
/// the load generator's own process shares its thread pool and skips the switches between two processes, an
/// advantage no separate server has.
/// </summary>
internal sealed class BareKestrel(WebApplication? app, Process? process, Uri ping) : IAsyncDisposable
{
    public const string ServeArgument = "--serve-bare-kestrel";

    public Uri Ping { get; } = ping;

    public static async Task<BareKestrel> StartAsync()
    {
        var port = AppUnderTest.FreePort();
        return new(await ServeAsync(port), null, PingAt(port));
    }

    private static Uri PingAt(int port) => new($"http://127.0.0.1:{port}/ping");

    /// <summary>This benchmark's own program run as <c>--serve-bare-kestrel PORT</c>, with Server GC like a web app; it stops when its stdin closes.</summary>
    public static async Task<BareKestrel> StartProcessAsync(HttpClient probe)
    {
        var port = AppUnderTest.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(BareKestrel).Assembly.Location);
        start.ArgumentList.Add(ServeArgument);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start)!;
        var ping = PingAt(port);
        try
        {
            await AppUnderTest.WaitAnsweringAsync(probe, ping, process, TimeSpan.FromSeconds(30), () => "");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
        return new BareKestrel(null, process, ping);
    }

    /// <summary>The server side of <see cref="StartProcessAsync"/>: serves until stdin closes (the benchmark ended, however it ended).</summary>
    public static async Task<int> ServeUntilStdinClosesAsync(int port)
    {
        var app = await ServeAsync(port);
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static async Task<WebApplication> ServeAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        if (process is not null)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }
}
