using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MouWorkspace.Bench.Load;

/// <summary>
/// The built app (src/MouWorkspace.Web) in its own process on loopback, as tests/MouWorkspace.Fault.Tests/AppProcess.cs
/// starts it: its own Orleans silo, the given storage, no demo data, a fixed local signing key, no practical rate limit.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    // A fixed benchmark key for the local issuer (32 bytes, base64): not a secret, the app runs in Development.
    private const string SigningKey = "YmVuY2htYXJrLWxvYWQta2V5LW5vdC1hLXNlY3JldC0zMmI=";

    private readonly Process process;
    private readonly List<string> output = [];
    private readonly string dataPath;

    private AppUnderTest(Process process, int port, string dataPath)
    {
        this.process = process;
        this.dataPath = dataPath;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    public string Output { get { lock (output) return string.Join("\n", output.TakeLast(40)); } }

    public static async Task<AppUnderTest> StartAsync(string appDll, string connectionString, HttpClient probe)
    {
        var port = FreePort();
        var serviceId = "bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var dataPath = Directory.CreateTempSubdirectory("mou-bench-load-").FullName;
        string[] arguments =
        [
            appDll, "--urls", $"http://127.0.0.1:{port}",
            $"--ConnectionStrings:AzureStorage={connectionString}",
            $"--Orleans:ServiceId={serviceId}", $"--Orleans:ClusterId={serviceId}",
            $"--Orleans:SiloPort={FreePort()}", $"--Orleans:GatewayPort={FreePort()}",
            "--Seed:Demo=false", $"--LocalAuth:SigningKey={SigningKey}", $"--App:DataPath={dataPath}",
            "--RateLimit:PermitsPerMinute=100000000", "--Logging:LogLevel:Default=Warning",
        ];
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Staging, not Development: a deployment has no developer exception page and no static-asset file checks on
        // every request; the local sign-in the benchmark uses is refused only in Production.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["LocalAuth__Enabled"] = "true"; // outside Development the local sign-in is opt-in
        // BENCH_APP_X=value in the benchmark's environment sets X=value for the app only (runtime knobs tried on the app alone).
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("BENCH_APP_", StringComparison.Ordinal)))
            start.Environment[name["BENCH_APP_".Length..]] = value;
        var app = new AppUnderTest(Process.Start(start)!, port, dataPath);
        app.process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync(probe, TimeSpan.FromSeconds(120));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private Task WaitHealthyAsync(HttpClient probe, TimeSpan limit) =>
        WaitAnsweringAsync(probe, new Uri(BaseAddress, "/health"), process, limit, () => Output);

    /// <summary>Until <paramref name="url"/> answers 2xx: fails when the process exits or the limit passes (with what it printed).</summary>
    public static async Task WaitAnsweringAsync(HttpClient probe, Uri url, Process process, TimeSpan limit, Func<string> output)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{url} exited with {process.ExitCode}:\n{output()}");
            try
            {
                using var response = await probe.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first answer
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{url} did not answer within {limit}:\n{output()}");
    }

    /// <summary>VmRSS and VmHWM (peak) of the app process, in MiB, from /proc/&lt;pid&gt;/status.</summary>
    public (double RssMiB, double PeakMiB) Memory() => ProcMemory(Pid);

    public static (double RssMiB, double PeakMiB) ProcMemory(int pid)
    {
        double rss = double.NaN, peak = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kib(line) / 1024.0;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                peak = Kib(line) / 1024.0;
        }
        return (rss, peak);

        static double Kib(string line) =>
            double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The app as the build of this benchmark left it (the same configuration as the benchmark itself).</summary>
    public static string FindAppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MouWorkspace.Web", "bin", configuration, "net10.0", "MouWorkspace.Web.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            $"src/MouWorkspace.Web/bin/{configuration}/net10.0/MouWorkspace.Web.dll is missing: run `dotnet build -c {configuration} src/MouWorkspace.Web` or pass --app");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM first (graceful silo shutdown), then kill.
            try
            {
                using var term = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception)
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // left for the temp cleaner
        }
    }
}
