using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MouWorkspace.Web.Storage;
using Xunit.Abstractions;

namespace MouWorkspace.Web.Tests.Storage;

// Real Azurite, real processes. Timeouts allow for a first `npm ci` (1-2 min) that another test may be running.
public sealed class AzuriteProcessTests(ITestOutputHelper output)
{
    const int TestTimeoutMs = 300_000;
    readonly TestOutputLogger _logger = new(output);

    [Fact]
    public void FindDirectory_finds_the_repos_azurite_folder()
    {
        var directory = AzuriteProcess.FindDirectory();

        Assert.NotNull(directory);
        Assert.True(File.Exists(Path.Combine(directory, "launch.js")));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task In_memory_round_trips_blob_and_table_and_stop_leaves_no_process()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(TestTimeoutMs));
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), _logger, cts.Token);
        int[] children;
        try
        {
            int[] ports = [azurite.BlobPort, azurite.QueuePort, azurite.TablePort];
            Assert.Equal(3, ports.Distinct().Count());
            Assert.All(ports, p => Assert.DoesNotContain(p, new[] { 10000, 10001, 10002 })); // picked free, not defaults

            await AssertBlobRoundTripAsync(azurite.ConnectionString, cts.Token);
            await AssertTableRoundTripAsync(azurite.ConnectionString, cts.Token);

            children = [.. ProcessTable.ChildrenOf(azurite.LauncherPid)];
            Assert.Single(children); // the Azurite node process
        }
        finally
        {
            await azurite.StopAsync();
        }

        Assert.False(ProcessTable.IsAlive(azurite.LauncherPid));
        Assert.False(ProcessTable.IsAlive(children[0]));
        Assert.Empty(ProcessTable.AzuriteWithBlobPort(azurite.BlobPort));
        Assert.False(await AcceptsAsync(azurite.BlobPort));
        await azurite.StopAsync(); // idempotent
        await azurite.DisposeAsync();
    }

    /// <summary>
    /// An entity-group transaction (how comments are written) is on disk the moment its answer arrives. Azurite ends a
    /// <c>$batch</c> answer twice (its streamed body's pipe, then its end middleware); durable.js deferred only the
    /// first and let the second through, so the answer came before the save, and a stop a moment later lost
    /// acknowledged comments (the storage-outage fault test caught it one run in three).
    /// </summary>
    [Fact(Timeout = TestTimeoutMs)]
    public async Task An_acknowledged_table_transaction_is_already_on_disk()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(TestTimeoutMs));
        var dataPath = Path.Combine(Path.GetTempPath(), "azurite-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { DataPath = dataPath }, _logger, cts.Token);
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("transactions");
            await table.CreateIfNotExistsAsync(cts.Token);
            var database = Path.Combine(dataPath, "__azurite_db_table__.json");
            for (var i = 0; i < 50; i++)
            {
                var rows = new[] { $"row-{i:D2}-a", $"row-{i:D2}-b", $"row-{i:D2}-c" };
                await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add,
                    new TableEntity("p", r) { ["Text"] = new string('x', 2_000) })), cts.Token);
                // The database file is replaced whole by each save (temp + rename), so a read sees one complete save.
                var onDisk = await File.ReadAllTextAsync(database, cts.Token);
                Assert.All(rows, r => Assert.True(onDisk.Contains(r, StringComparison.Ordinal),
                    $"transaction {i} was acknowledged but {r} is not on disk yet"));
            }
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Data_on_disk_survives_a_restart()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(TestTimeoutMs));
        var dataPath = Path.Combine(Path.GetTempPath(), "azurite-test-" + Guid.NewGuid().ToString("N"));
        var options = new AzuriteOptions { DataPath = dataPath };
        try
        {
            int firstBlobPort;
            await using (var first = await AzuriteProcess.StartAsync(options, _logger, cts.Token))
            {
                firstBlobPort = first.BlobPort;
                var container = new BlobServiceClient(first.ConnectionString).GetBlobContainerClient("persisted");
                await container.CreateAsync(cancellationToken: cts.Token);
                await container.UploadBlobAsync("note.txt", BinaryData.FromString("still here"), cts.Token);
            }

            await using var second = await AzuriteProcess.StartAsync(options, _logger, cts.Token);
            Assert.NotEqual(firstBlobPort, second.BlobPort);
            var blob = new BlobServiceClient(second.ConnectionString).GetBlobContainerClient("persisted").GetBlobClient("note.txt");
            var content = await blob.DownloadContentAsync(cts.Token);
            Assert.Equal("still here", content.Value.Content.ToString());
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Launcher_stops_Azurite_when_its_parent_is_killed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(TestTimeoutMs));
        using var fakeParent = Process.Start("sleep", "300");
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), _logger, fakeParent.Id, cts.Token);
        try
        {
            var azuritePid = Assert.Single(ProcessTable.ChildrenOf(azurite.LauncherPid));
            Assert.True(await AcceptsAsync(azurite.BlobPort));

            fakeParent.Kill(); // SIGKILL: the parent gets no chance to clean up
            var stopwatch = Stopwatch.StartNew();
            while (await AcceptsAsync(azurite.BlobPort)
                   || ProcessTable.IsAlive(azuritePid)
                   || ProcessTable.AzuriteWithBlobPort(azurite.BlobPort).Count > 0)
            {
                Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "Azurite outlived its parent by 10 s");
                await Task.Delay(100, cts.Token);
            }
            output.WriteLine($"Azurite gone {stopwatch.ElapsedMilliseconds} ms after the parent was killed");
        }
        finally
        {
            await azurite.DisposeAsync(); // launcher already exited: must be a no-op
        }
        Assert.False(ProcessTable.IsAlive(azurite.LauncherPid));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Two_instances_in_parallel_get_their_own_ports_and_both_work()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(TestTimeoutMs));
        var starts = new[]
        {
            AzuriteProcess.StartAsync(new AzuriteOptions(), _logger, cts.Token),
            AzuriteProcess.StartAsync(new AzuriteOptions(), _logger, cts.Token),
        };
        try
        {
            var both = await Task.WhenAll(starts);
            var ports = both.SelectMany(a => new[] { a.BlobPort, a.QueuePort, a.TablePort }).ToList();
            Assert.Equal(6, ports.Distinct().Count());
            await Task.WhenAll(both.Select(a => AssertBlobRoundTripAsync(a.ConnectionString, cts.Token)));
            await Task.WhenAll(both.Select(a => AssertTableRoundTripAsync(a.ConnectionString, cts.Token)));
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
                await (await start).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_failing_npm_ci_is_reported_clearly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        // A folder that looks like azurite/ but has no package-lock.json: npm ci refuses at once.
        var directory = Path.Combine(Path.GetTempPath(), "azurite-broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "package.json"), """{ "name": "broken", "private": true }""", cts.Token);
            await File.WriteAllTextAsync(Path.Combine(directory, "launch.js"), "", cts.Token);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => AzuriteProcess.StartAsync(new AzuriteOptions { Directory = directory }, _logger, cts.Token));

            Assert.Contains("'npm ci' in " + directory + " failed", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    static async Task AssertBlobRoundTripAsync(string connectionString, CancellationToken ct)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient("c" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync(cancellationToken: ct);
        var payload = BinaryData.FromBytes(Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray());
        await container.UploadBlobAsync("data.bin", payload, ct);

        var downloaded = await container.GetBlobClient("data.bin").DownloadContentAsync(ct);

        Assert.Equal(payload.ToArray(), downloaded.Value.Content.ToArray());
    }

    static async Task AssertTableRoundTripAsync(string connectionString, CancellationToken ct)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("t" + Guid.NewGuid().ToString("N")[..20]);
        await table.CreateAsync(ct);
        await table.AddEntityAsync(new TableEntity("pk", "rk") { ["Title"] = "MoU", ["Version"] = 3 }, ct);

        var entity = (await table.GetEntityAsync<TableEntity>("pk", "rk", cancellationToken: ct)).Value;

        Assert.Equal("MoU", entity.GetString("Title"));
        Assert.Equal(3, entity.GetInt32("Version"));
    }

    static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
