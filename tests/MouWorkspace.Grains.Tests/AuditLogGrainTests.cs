using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Grains.Audit;

namespace MouWorkspace.Grains.Tests;

[Collection("cluster")]
public sealed class AuditLogGrainTests(ClusterFixture fixture)
{
    private MemoryAuditStore Store => (MemoryAuditStore)fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IAuditStore>();

    private static AuditEntry Entry(string action) => new("u1", "Delegate of France", "Delegate", "FRA", "un", action, "mouId=m1", 201, "sha256:abc");

    private async Task<(IAuditLogGrain Log, string Scope)> LogWithAsync(int records)
    {
        var scope = "test-" + Guid.NewGuid().ToString("N")[..8];
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(scope);
        for (var i = 1; i <= records; i++)
            await log.AppendAsync(Entry($"POST /api/thing/{i}"));
        return (log, scope);
    }

    [Fact]
    public async Task Records_chain_in_order_and_verify()
    {
        var (log, _) = await LogWithAsync(5);
        var records = await log.ReadAsync();

        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Sequence));
        Assert.Equal(AuditChain.Genesis, records[0].PreviousHash);
        Assert.All(records.Skip(1).Zip(records), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        var verification = await log.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(5, verification.Count);
    }

    [Fact]
    public async Task Concurrent_records_share_writes_and_still_form_one_chain()
    {
        var scope = "test-" + Guid.NewGuid().ToString("N")[..8];
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(scope);
        await log.AppendAsync(Entry("POST /api/first"));
        var appendsBefore = Store.Appends;

        var answers = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => log.AppendAsync(Entry($"POST /api/thing/{i}"))));
        var appends = Store.Appends - appendsBefore;

        // Each caller got its own record, numbered once, in one unbroken chain.
        Assert.Equal(Enumerable.Range(2, 200).Select(i => (long)i), answers.Select(a => a.Sequence).Order());
        var records = await log.ReadAsync();
        Assert.Equal(201, records.Count);
        Assert.All(answers, a => Assert.Equal(a.Hash, records[(int)a.Sequence - 1].Hash));
        var verification = await log.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(201, verification.Count);
        // The other scopes' tests may append at the same time, so this counts an upper bound for this log.
        Assert.True(appends < 200, $"{appends} appends for 200 concurrent records: no group commit");
    }

    [Fact]
    public async Task An_edited_record_is_detected()
    {
        var (log, scope) = await LogWithAsync(4);
        Store.Overwrite(scope, (await Store.ReadAsync(scope)).Replace("Delegate of France", "Delegate of Nobody"));

        var verification = await log.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(1, verification.FirstInvalidSequence);
        Assert.Contains("changed", verification.Problem);
    }

    [Fact]
    public async Task A_removed_record_is_detected()
    {
        var (log, scope) = await LogWithAsync(4);
        var lines = (await Store.ReadAsync(scope)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.RemoveAt(1);
        Store.Overwrite(scope, string.Join("\n", lines) + "\n");

        var verification = await log.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(3, verification.FirstInvalidSequence);
    }

    [Fact]
    public async Task A_cut_off_tail_is_detected()
    {
        var (log, scope) = await LogWithAsync(4);
        var lines = (await Store.ReadAsync(scope)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Store.Overwrite(scope, string.Join("\n", lines.Take(3)) + "\n");

        var verification = await log.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Contains("cut off", verification.Problem);
    }

    [Fact]
    public async Task A_rewritten_chain_with_fresh_hashes_is_detected_by_the_head()
    {
        var (log, scope) = await LogWithAsync(3);
        var forged = new List<string>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= 3; i++)
        {
            var record = AuditChain.Seal(Entry("forged"), i, DateTimeOffset.UtcNow, previous);
            forged.Add(AuditChain.ToLine(record));
            previous = record.Hash;
        }
        Store.Overwrite(scope, string.Concat(forged));

        Assert.False((await log.VerifyAsync()).Valid);
    }
}
