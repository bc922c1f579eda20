using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace MouWorkspace.Web.Storage;

/// <summary>
/// A running Azurite (local Azure Storage emulator) on three free loopback ports.
/// Started through <c>azurite/launch.js</c>, which stops Azurite when this process dies,
/// so a crashed host leaves no orphan holding ports.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's well-known development account (public, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    const int StartAttempts = 3;
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    readonly Process _launcher;
    readonly ILogger _logger;
    readonly OutputTail _output;
    readonly Lock _stopGate = new();
    Task? _stopTask;

    AzuriteProcess(Process launcher, ILogger logger, OutputTail output, int blobPort, int queuePort, int tablePort)
    {
        _launcher = launcher;
        _logger = logger;
        _output = output;
        LauncherPid = launcher.Id;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString = BuildConnectionString(blobPort, queuePort, tablePort);
    }

    public string ConnectionString { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>Pid of the node launch.js wrapper (Azurite itself is its only child).</summary>
    internal int LauncherPid { get; }

    /// <summary>Starts Azurite and returns once it answers Blob and Table requests.</summary>
    /// <exception cref="InvalidOperationException">node/npm missing, npm ci failed, or Azurite exited early.</exception>
    /// <exception cref="TimeoutException">Azurite did not answer within <see cref="AzuriteOptions.StartTimeout"/>.</exception>
    public static Task<AzuriteProcess> StartAsync(AzuriteOptions options, ILogger logger, CancellationToken ct = default) =>
        StartAsync(options, logger, Environment.ProcessId, ct);

    /// <summary>Same, but the launcher watches <paramref name="parentPid"/> instead of us (tests simulate a crash with it).</summary>
    internal static async Task<AzuriteProcess> StartAsync(
        AzuriteOptions options, ILogger logger, int parentPid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var directory = Path.GetFullPath(options.Directory ?? FindDirectory() ?? throw new InvalidOperationException(
            "Could not find the azurite folder (a folder 'azurite' with package.json above the app or current directory). " +
            "Set AzuriteOptions.Directory."));
        if (!File.Exists(Path.Combine(directory, "launch.js")))
            throw new InvalidOperationException($"{directory} has no launch.js; is it the repo's azurite folder?");

        string? dataPath = null;
        if (!string.IsNullOrEmpty(options.DataPath))
        {
            dataPath = Path.GetFullPath(options.DataPath);
            System.IO.Directory.CreateDirectory(dataPath);
        }

        await EnsureInstalledAsync(directory, logger, ct).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var stopwatch = Stopwatch.StartNew();
            var (blobPort, queuePort, tablePort) = options.Ports ?? PickFreePorts();
            var output = new OutputTail(logger);
            var startInfo = CreateLaunchStartInfo(
                directory, parentPid, blobPort, queuePort, tablePort, dataPath, options.ExtentMemoryLimitMb);
            var azurite = new AzuriteProcess(StartRedirected(startInfo, output, "node"), logger, output, blobPort, queuePort, tablePort);
            try
            {
                await azurite.WaitUntilReadyAsync(options.StartTimeout, ct).ConfigureAwait(false);
                logger.LogInformation(
                    "Azurite ready in {Elapsed} ms: blob {BlobPort}, queue {QueuePort}, table {TablePort}, {Storage}",
                    stopwatch.ElapsedMilliseconds, blobPort, queuePort, tablePort, dataPath ?? "in memory");
                return azurite;
            }
            // Our ports were free a moment ago but someone may have taken one since: try new ones.
            catch (InvalidOperationException) when (attempt < StartAttempts && options.Ports is null && output.Contains("EADDRINUSE"))
            {
                logger.LogWarning("Azurite could not bind its ports (attempt {Attempt}); retrying with other ports", attempt);
                await azurite.StopAsync().ConfigureAwait(false);
            }
            catch
            {
                await azurite.StopAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// The repo's <c>azurite</c> folder: walks up from <see cref="AppContext.BaseDirectory"/>,
    /// then from the current directory, to the first folder containing <c>azurite/package.json</c>.
    /// </summary>
    public static string? FindDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "azurite");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Stops Azurite gracefully (the launcher's stdin closed: Azurite saves its data and exits), killing it after 10 s.
    /// Idempotent.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopGate)
            return _stopTask ??= StopCoreAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal static string BuildConnectionString(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>The <c>node launch.js --parent-pid … -- &lt;azurite args&gt;</c> command, with output redirected.</summary>
    internal static ProcessStartInfo CreateLaunchStartInfo(
        string directory, int parentPid, int blobPort, int queuePort, int tablePort, string? dataPath, int extentMemoryLimitMb)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // launch.js stops Azurite when this pipe closes: when we ask (StopAsync) and the moment we die.
            RedirectStandardInput = true,
        };
        string[] args =
        [
            Path.Combine(directory, "launch.js"), "--parent-pid", parentPid.ToString(CultureInfo.InvariantCulture), "--stop-on-stdin-close", "--",
            // 127.0.0.1, never localhost: requests through localhost URLs were seen answered 400 InvalidResourceName.
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(tablePort),
            .. dataPath is null
                ? new[] { "--inMemoryPersistence", "--extentMemoryLimit", Invariant(extentMemoryLimitMb) }
                : new[] { "--location", dataPath },
            // --loose/--skipApiVersionCheck: newer Azure SDKs send API versions and headers Azurite may not know yet.
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
        ];
        foreach (var arg in args)
            startInfo.ArgumentList.Add(arg);
        return startInfo;
    }

    static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    static (int Blob, int Queue, int Table) PickFreePorts()
    {
        var ports = FreeLoopbackPorts(3);
        return (ports[0], ports[1], ports[2]);
    }

    /// <summary>
    /// <paramref name="count"/> distinct loopback ports free a moment ago: all are held at once, then released (ports picked
    /// one at a time may repeat, as two Azurite services on one port did).
    /// </summary>
    public static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
                listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Stop();
        }
    }

    async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        var token = timeoutCts.Token;

        // No retries inside the SDK: this loop is the retry, and each probe must fail fast.
        var blobOptions = new BlobClientOptions();
        blobOptions.Retry.MaxRetries = 0;
        blobOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var tableOptions = new TableClientOptions();
        tableOptions.Retry.MaxRetries = 0;
        tableOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var blobs = new BlobServiceClient(ConnectionString, blobOptions);
        var tables = new TableServiceClient(ConnectionString, tableOptions);

        Exception? lastError = null;
        try
        {
            while (true)
            {
                if (_launcher.HasExited)
                {
                    await _launcher.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false); // drains output
                    throw new InvalidOperationException(
                        $"Azurite exited with code {_launcher.ExitCode} before it was ready. Output:\n{_output}");
                }
                try
                {
                    // Cheap TCP check first; the real requests prove the services answer (queue: TCP only,
                    // the Web project has no Queues SDK and uses none).
                    if (await AcceptsAsync(BlobPort, token).ConfigureAwait(false)
                        && await AcceptsAsync(QueuePort, token).ConfigureAwait(false)
                        && await AcceptsAsync(TablePort, token).ConfigureAwait(false))
                    {
                        await blobs.GetPropertiesAsync(token).ConfigureAwait(false);
                        await tables.GetPropertiesAsync(token).ConfigureAwait(false);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    lastError = e;
                }
                await Task.Delay(200, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Azurite did not become ready within {timeout.TotalSeconds} s (last error: {lastError?.Message ?? "ports closed"}). " +
                $"Output:\n{_output}");
        }
    }

    static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    async Task StopCoreAsync()
    {
        try
        {
            if (_launcher.HasExited)
                return;
            // Not a signal: launch.js only defers those while we live (a signal to the whole process group must not
            // stop storage under a silo that is still shutting down).
            try
            {
                _launcher.StandardInput.Close();
            }
            catch (IOException)
            {
                // the launcher is exiting already
            }

            using var timeoutCts = new CancellationTokenSource(StopTimeout);
            try
            {
                await _launcher.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _logger.LogWarning("Azurite launcher {Pid} did not stop within {Timeout}; killing it", LauncherPid, StopTimeout);
                _launcher.Kill(entireProcessTree: true);
                await _launcher.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            _logger.LogDebug("Azurite stopped (launcher exit code {ExitCode})", _launcher.ExitCode);
        }
        finally
        {
            _launcher.Dispose();
        }
    }

    static async Task EnsureInstalledAsync(string directory, ILogger logger, CancellationToken ct)
    {
        if (IsInstalled(directory))
            return;

        // Several test processes may start at once: only one runs npm ci, the others wait and re-check.
        var lockPath = Path.Combine(directory, ".npm-ci.lock");
        await using var lockFile = await AcquireExclusiveAsync(lockPath, logger, ct).ConfigureAwait(false);
        if (IsInstalled(directory))
            return;

        logger.LogInformation("Installing Azurite: npm ci in {Directory} (1-2 minutes, once)", directory);
        var stopwatch = Stopwatch.StartNew();
        var output = new OutputTail(logger, LogLevel.Information);
        var npm = StartRedirected(
            new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"])
            {
                WorkingDirectory = directory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
            output,
            "npm");
        using (npm)
        {
            try
            {
                await npm.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw;
            }
            if (npm.ExitCode != 0 || !IsInstalled(directory))
            {
                throw new InvalidOperationException(
                    $"'npm ci' in {directory} failed (exit code {npm.ExitCode}). Check that the npm registry is reachable " +
                    $"and package-lock.json is committed. Output:\n{output}");
            }
        }
        logger.LogInformation("npm ci finished in {Elapsed} s", stopwatch.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture));
    }

    // npm writes node_modules/.package-lock.json at the very end, so an interrupted npm ci is not taken as installed.
    static bool IsInstalled(string directory) =>
        File.Exists(Path.Combine(directory, "node_modules", "azurite", "dist", "src", "azurite.js"))
        && File.Exists(Path.Combine(directory, "node_modules", ".package-lock.json"));

    static async Task<FileStream> AcquireExclusiveAsync(string path, ILogger logger, CancellationToken ct)
    {
        var waiting = false;
        while (true)
        {
            try
            {
                // FileShare.None is a real cross-process lock (flock on Unix).
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!waiting)
                    logger.LogInformation("Waiting for another process installing Azurite ({Lock})", path);
                waiting = true;
                await Task.Delay(500, ct).ConfigureAwait(false);
            }
        }
    }

    static Process StartRedirected(ProcessStartInfo startInfo, OutputTail output, string tool)
    {
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Could not run '{startInfo.FileName}' ({e.Message}). Azurite needs Node.js 20 or later with {tool} on PATH: " +
                "install it (Debian/Ubuntu: apt-get install nodejs npm; otherwise https://nodejs.org).", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Forwards a child's output lines to the logger and keeps the last ones for error messages.</summary>
    sealed class OutputTail(ILogger logger, LogLevel level = LogLevel.Debug)
    {
        const int MaxLines = 200;
        readonly ConcurrentQueue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
                return;
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines)
                _lines.TryDequeue(out _);
            try
            {
                logger.Log(level, "{Line}", line);
            }
            catch (Exception)
            {
                // Runs on a thread-pool callback: a logger that throws (e.g. a test's output after the test ended)
                // must not crash the process.
            }
        }

        public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

        public override string ToString() => string.Join('\n', _lines);
    }
}
