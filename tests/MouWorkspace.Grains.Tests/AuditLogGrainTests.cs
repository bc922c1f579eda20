using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Grains.Audit;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace MouWorkspace.Grains.Tests;

[Collection("cluster")]
public sealed class AuditLogGrainTests(ClusterFixture fixture)
{
    private MemoryAuditStore Store => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<MemoryAuditStore>();

    private FlakyAuditStore Flaky => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<FlakyAuditStore>();

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
            var record = AuditChain.Seal(Entry("forged"), i, DateTimeOffset.UtcNow, previous, scope, ClusterFixture.AuditKey);
            forged.Add(AuditChain.ToLine(record));
            previous = record.Hash;
        }
        Store.Overwrite(scope, string.Concat(forged));

        Assert.False((await log.VerifyAsync()).Valid);
    }

    private static AuditRecord Unsealed(string action, long sequence, string previous) =>
        new(sequence, DateTimeOffset.UtcNow, "u1", "Delegate of France", "Delegate", "FRA", "un", action, "mouId=m1", 201, "sha256:abc", previous, "");

    /// <summary>What someone who can write to storage but has no key could seal with: the old unkeyed hash, or a MAC with a guessed key.</summary>
    private static AuditRecord Forge(AuditRecord unsealed, string scope, string forger) => forger switch
    {
        "sha256" => unsealed with { Hash = AuditChain.LegacyHashOf(unsealed) },
        _ => unsealed with { Hash = AuditChain.MacOf(unsealed, scope, ClusterFixture.AuditKey.CurrentId, RandomNumberGenerator.GetBytes(32)) },
    };

    /// <summary>The head as a storage writer would set it, through the grain storage provider, while the grain is not active.</summary>
    private async Task RewriteHeadAsync(string scope, long count, string hash)
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Tables);
        var grainId = fixture.Grains.GetGrain<IAuditLogGrain>(scope).GetGrainId();
        var state = new GrainState<AuditHead>(new AuditHead());
        await storage.ReadStateAsync("audit-head", grainId, state);
        state.State ??= new AuditHead();
        (state.State.Count, state.State.Hash) = (count, hash);
        await storage.WriteStateAsync("audit-head", grainId, state);
    }

    private static Task DeactivateAsync(IAuditLogGrain log) => log.Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask();

    [Theory]
    [InlineData("sha256", "record 4 is unkeyed (sha256)")]
    [InlineData("guessed key", "its HMAC does not verify with key")]
    public async Task A_forged_tail_record_is_rejected_never_adopted_and_new_records_continue_from_the_verified_head(string forger, string why)
    {
        var (log, scope) = await LogWithAsync(3);
        var genuine = await log.ReadAsync();
        var forged = Forge(Unsealed("POST /api/forged", 4, genuine[^1].Hash), scope, forger);
        await Store.AppendAsync(scope, AuditChain.ToLine(forged));

        var verification = await log.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(4, verification.FirstInvalidSequence);
        Assert.Equal(3, verification.Count);

        await DeactivateAsync(log);
        var next = await log.AppendAsync(Entry("POST /api/after"));
        // The head did not move onto the forged record: the new record is the 4th, chained from the 3rd.
        Assert.Equal(4, next.Sequence);
        Assert.Equal(genuine[^1].Hash, next.PreviousHash);
        var after = await log.VerifyAsync();
        Assert.False(after.Valid, "the forged line must stay visible");
        Assert.Equal(4, after.FirstInvalidSequence);
        Assert.Equal(4, after.Count);
        Assert.Equal(next.Hash, after.Head);
        Assert.Contains(why, after.Problem);
    }

    [Fact]
    public async Task A_record_altered_and_rehashed_with_plain_SHA256_and_the_head_rewritten_is_detected()
    {
        var (log, scope) = await LogWithAsync(3);
        var records = (await log.ReadAsync()).ToList();
        await DeactivateAsync(log);
        var previous = records[0].Hash;
        for (var i = 1; i < records.Count; i++)
        {
            var altered = records[i] with { Name = i == 1 ? "Delegate of Nobody" : records[i].Name, PreviousHash = previous, Hash = "" };
            records[i] = altered with { Hash = AuditChain.LegacyHashOf(altered) };
            previous = records[i].Hash;
        }
        Store.Overwrite(scope, string.Concat(records.Select(AuditChain.ToLine)));
        await RewriteHeadAsync(scope, 3, previous);

        var verification = await log.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(2, verification.FirstInvalidSequence);
        Assert.Contains("unkeyed (sha256) after keyed records", verification.Problem);
    }

    [Fact]
    public async Task A_legacy_log_verifies_as_legacy_and_continues_with_keyed_records_chained_from_its_last_hash()
    {
        var scope = "test-" + Guid.NewGuid().ToString("N")[..8];
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(scope);
        var previous = AuditChain.Genesis;
        var legacy = new List<AuditRecord>();
        for (var i = 1; i <= 3; i++)
        {
            var unsealed = Unsealed($"POST /api/old/{i}", i, previous);
            legacy.Add(unsealed with { Hash = AuditChain.LegacyHashOf(unsealed) });
            previous = legacy[^1].Hash;
        }
        Store.Overwrite(scope, string.Concat(legacy.Select(AuditChain.ToLine)));
        await RewriteHeadAsync(scope, 3, previous);

        var before = await log.VerifyAsync();
        Assert.True(before.Valid, before.Problem);
        Assert.Equal(3, before.LegacyRecords);
        Assert.Contains("legacy", before.Note);
        var next = await log.AppendAsync(Entry("POST /api/new"));
        Assert.Equal(4, next.Sequence);
        Assert.Equal(previous, next.PreviousHash);
        Assert.StartsWith($"hmac-sha256:{ClusterFixture.AuditKey.CurrentId}:", next.Hash);
        var after = await log.VerifyAsync();
        Assert.True(after.Valid, after.Problem);
        Assert.Equal((4L, 3L), (after.Count, after.LegacyRecords));
        Assert.Contains("from 4 on are keyed", after.Note);
    }

    [Fact]
    public async Task Records_past_the_head_are_adopted_on_activation_only_when_they_verify_with_the_key()
    {
        var (log, scope) = await LogWithAsync(3);
        var records = await log.ReadAsync();
        await DeactivateAsync(log);
        // The head one append behind (a crash after the append): the 3rd record is past it and verifies.
        await RewriteHeadAsync(scope, 2, records[1].Hash);

        var verification = await log.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(3, verification.Count);
        Assert.Equal(records[2].Hash, verification.Head);
        Assert.Null(verification.Note); // the activation caught the head up
        var next = await log.AppendAsync(Entry("POST /api/next"));
        Assert.Equal((4L, records[2].Hash), (next.Sequence, next.PreviousHash));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_failed_append_the_activation_takes_no_more_records_and_the_chain_continues_from_what_storage_holds(bool reachedStorage)
    {
        var (log, scope) = await LogWithAsync(2);
        // A read held in the store keeps the activation busy, so that it cannot go away before the test has looked.
        var held = Flaky.HoldNextRead(scope);
        var verifying = log.VerifyAsync();
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Flaky.FailAppends(scope, reachedStorage);
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => log.AppendAsync(Entry("POST /api/lost")));
        Assert.Contains("storage failed", failed.Message);
        Flaky.Heal(scope);

        // Whether the lost record reached storage is unknown to the grain: a record sent now is not chained onto
        // a guess by this activation (Orleans holds it while the activation is asked to go, and the grain would
        // refuse it), it waits for the next activation, which reads where the log really ends.
        var after = log.AppendAsync(Entry("POST /api/after"));
        await Task.Delay(500);
        Assert.False(after.IsCompleted, "the activation that saw the failed write took another record");
        held.Release.SetResult();
        await verifying;
        var next = await after;

        var records = await log.ReadAsync();
        Assert.Equal(reachedStorage ? ["POST /api/thing/1", "POST /api/thing/2", "POST /api/lost", "POST /api/after"] : ["POST /api/thing/1", "POST /api/thing/2", "POST /api/after"],
            records.Select(r => r.Action));
        Assert.Equal(records.Count, next.Sequence);
        var verification = await log.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(records.Count, verification.Count);
    }
}
