using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using MouWorkspace.Web.Storage;

namespace MouWorkspace.Fault.Tests;

/// <summary>
/// One instance of the built app (src/MouWorkspace.Web) in its own process, on loopback ports, as a silo of a
/// cluster: the fault tests start several and kill them with SIGKILL.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string SigningKey = "ZmF1bHQtdGVzdHMta2V5LW5vdC1hLXNlY3JldC0zMmJ5dGVzLi4=";

    private readonly Process process;
    private readonly List<string> output = [];

    private AppProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public bool Exited => process.HasExited;

    public string Output { get { lock (output) return string.Join("\n", output.TakeLast(60)); } }

    public int Pid => process.Id;

    public static Task<AppProcess> StartAsync(string connectionString, string clusterId, string dataPath, params string[] extra)
    {
        var ports = AzuriteProcess.FreeLoopbackPorts(2);
        return StartAsync(
        [
            $"--ConnectionStrings:AzureStorage={connectionString}",
            $"--Orleans:ClusterId={clusterId}", $"--Orleans:ServiceId={clusterId}",
            $"--Orleans:SiloPort={ports[0]}", $"--Orleans:GatewayPort={ports[1]}",
            "--Seed:Demo=false", $"--LocalAuth:SigningKey={SigningKey}", $"--App:DataPath={dataPath}",
            "--RateLimit:PermitsPerMinute=1000000", "--Logging:LogLevel:Default=Warning", .. extra,
        ], ownProcessGroup: false);
    }

    /// <summary>
    /// The app as README starts it: no storage connection string, so it starts its own Azurite (azurite/launch.js)
    /// with the data on disk under <paramref name="dataPath"/>; default service id, cluster id and ports. It runs in
    /// a process group of its own (setsid), as under a terminal or a service manager, so a test can signal the group.
    /// </summary>
    public static Task<AppProcess> StartLocalAsync(string dataPath, params string[] extra) =>
        StartAsync(
        [
            $"--App:DataPath={dataPath}", $"--LocalAuth:SigningKey={SigningKey}",
            "--RateLimit:PermitsPerMinute=1000000", "--Logging:LogLevel:Default=Warning", .. extra,
        ], ownProcessGroup: true);

    private static async Task<AppProcess> StartAsync(IEnumerable<string> settings, bool ownProcessGroup)
    {
        var port = FreePort();
        var web = FindWebAssembly();
        // setsid execs dotnet in place (same pid) as the leader of a new process group.
        var start = new ProcessStartInfo(ownProcessGroup ? "setsid" : "dotnet") { WorkingDirectory = Path.GetDirectoryName(web)!, RedirectStandardOutput = true, RedirectStandardError = true };
        if (ownProcessGroup)
            start.ArgumentList.Add("dotnet");
        foreach (var argument in new[] { web, "--urls", $"http://127.0.0.1:{port}" }.Concat(settings))
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var app = new AppProcess(Process.Start(start)!, port);
        app.process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    public async Task WaitHealthyAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the app exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await Client.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the app on port {Port} was not healthy within {limit}:\n{Output}");
    }

    /// <summary>A client signed in through the app's own local issuer.</summary>
    public async Task<HttpClient> SignInAsync(string role, string? state = null, string name = "Fault test")
    {
        var response = await Client.PostAsJsonAsync("/api/dev/token", new { name, roles = new[] { role }, memberState = state, organization = "un" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        var client = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL of the app process alone (<c>kill -9 &lt;pid&gt;</c>): its Azurite launcher is left to notice.</summary>
    public void KillAppOnly()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
    }

    /// <summary>A signal to the app's whole process group (<c>kill -TERM -- -&lt;pgid&gt;</c>, Ctrl+C in a terminal).</summary>
    public void SignalGroup(int signal)
    {
        if (KillGroup(-process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({-process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the process to exit; false when it has not within <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillGroup(int pid, int signal);

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, as when a machine dies.</summary>
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            output.Add(line);
            if (output.Count > 500)
                output.RemoveRange(0, 100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app as the solution build left it (same configuration as these tests).</summary>
    private static string FindWebAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MouWorkspace.Web", "bin", configuration, "net10.0", "MouWorkspace.Web.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("build the solution first: src/MouWorkspace.Web/bin/<configuration>/net10.0/MouWorkspace.Web.dll is missing");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        await Task.CompletedTask;
    }
}
