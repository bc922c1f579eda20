using System.Collections.Concurrent;
using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Web.Storage;
using MouWorkspace.Web.Tests.Infrastructure;
using Orleans.Core.Internal;
using Xunit.Abstractions;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>The audit log on the real append blob store: group commit, and the chain across a storage outage.</summary>
[Collection("azurite")]
public sealed class AuditStorageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static AuditEntry Entry(int i) => new("u1", "Storage test", "Secretariat", null, "un", $"POST /api/thing/{i}", "", 201, "sha256:abc");

    private static string NewScope() => "test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_log_longer_than_one_append_blob_continues_in_segments_and_verifies_as_one_chain()
    {
        // An append blob takes 50,000 blocks; the same mechanism with 3 per segment.
        await using var app = new MouApp(azurite.ConnectionString, settings: new Dictionary<string, string> { ["Audit:MaxBlocksPerSegment"] = "3" });
        _ = app.Server;
        var scope = NewScope();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < 10; i++)
            await grains.GetGrain<IAuditLogGrain>(scope).AppendAsync(Entry(i));
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("audit");
        var segments = new List<string>();
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, scope + ".", default))
            segments.Add(item.Name);
        output.WriteLine("segments: " + string.Join(", ", segments));
        Assert.Contains($"{scope}.jsonl", segments);
        Assert.Contains($"{scope}.3.jsonl", segments);
        foreach (var name in segments)
            Assert.True((await container.GetAppendBlobClient(name).GetPropertiesAsync()).Value.BlobCommittedBlockCount <= 3, name);

        // After reactivation (a restart) the log goes on in the last segment, and the chain runs across all of them.
        await grains.GetGrain<IAuditLogGrain>(scope).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var next = await grains.GetGrain<IAuditLogGrain>(scope).AppendAsync(Entry(10));
        Assert.Equal(11, next.Sequence);
        var verification = await grains.GetGrain<IAuditLogGrain>(scope).VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(11, verification.Count);
        Assert.Equal(11, (await grains.GetGrain<IAuditLogGrain>(scope).ReadAsync()).Count);
    }

    [Fact]
    public async Task Concurrent_records_share_append_blocks_on_Azurite_and_form_one_chain_that_survives_reactivation()
    {
        await using var app = new MouApp(azurite.ConnectionString);
        _ = app.Server;
        var scope = NewScope();
        var log = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditLogGrain>(scope);
        await log.AppendAsync(Entry(0));

        var answers = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => log.AppendAsync(Entry(i))));

        Assert.Equal(Enumerable.Range(2, 200).Select(i => (long)i), answers.Select(a => a.Sequence).Order());
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("audit").GetAppendBlobClient($"{scope}.jsonl");
        var blocks = (await blob.GetPropertiesAsync()).Value.BlobCommittedBlockCount;
        output.WriteLine($"201 records in {blocks} append blocks");
        Assert.True(blocks < 100, $"{blocks} append blocks for 201 records: no group commit");
        await log.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var verification = await log.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(201, verification.Count);
        Assert.Equal(answers.MaxBy(a => a.Sequence)!.Hash, verification.Head);
    }

    [Fact]
    public async Task After_a_storage_outage_under_load_the_chain_verifies_and_holds_every_acknowledged_record()
    {
        var storage = Directory.CreateTempSubdirectory("mou-audit-outage-").FullName;
        var free = AzuriteProcess.FreeLoopbackPorts(3);
        var options = new AzuriteOptions { DataPath = storage, Ports = (free[0], free[1], free[2]) };
        var emulator = await AzuriteProcess.StartAsync(options, NullLogger.Instance);
        try
        {
            await using var app = new MouApp(emulator.ConnectionString, settings: new Dictionary<string, string> { ["Orleans:ResponseTimeoutSeconds"] = "5" });
            _ = app.Server;
            var log = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditLogGrain>(NewScope());
            for (var i = 0; i < 5; i++)
                await log.AppendAsync(Entry(i));

            var acknowledged = new ConcurrentBag<AuditRecord>();
            var failures = 0;
            using var stop = new CancellationTokenSource();
            async Task WriteAsync(int writer)
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        acknowledged.Add(await log.AppendAsync(Entry(1000 * writer + n)));
                    }
                    catch (Exception)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(100);
                    }
                }
            }
            var load = Enumerable.Range(1, 3).Select(WriteAsync).ToArray();
            await Task.Delay(1000);
            await emulator.StopAsync();
            await Task.Delay(4000);
            var failedDuring = Volatile.Read(ref failures);
            emulator = await AzuriteProcess.StartAsync(options, NullLogger.Instance);
            var before = acknowledged.Count;
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (acknowledged.Count < before + 20 && DateTime.UtcNow < until)
                await Task.Delay(100);
            await stop.CancelAsync();
            await Task.WhenAll(load);

            output.WriteLine($"{acknowledged.Count} acknowledged, {failures} failed ({failedDuring} by the time storage came back)");
            Assert.True(failedDuring > 0, "no append failed while storage was down: the outage was not seen");
            Assert.True(acknowledged.Count >= before + 20, "appends did not resume after storage came back");
            var verification = await log.VerifyAsync();
            Assert.True(verification.Valid, verification.Problem);
            var records = await log.ReadAsync();
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
            Assert.Equal(records.Count, verification.Count);
            var stored = records.ToDictionary(r => r.Sequence, r => r.Hash);
            Assert.All(acknowledged, a => Assert.Equal(a.Hash, stored.GetValueOrDefault(a.Sequence)));
        }
        finally
        {
            await emulator.DisposeAsync();
            Directory.Delete(storage, recursive: true);
        }
    }
}
