using System.Text;
using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Audit;

namespace MouWorkspace.Grains.Audit;

[GenerateSerializer, Alias("mou.audit-head")]
public sealed class AuditHead
{
    [Id(0)] public long Count { get; set; }
    [Id(1)] public string Hash { get; set; } = AuditChain.Genesis;
}

public sealed class AuditLogGrain(
    [PersistentState("audit-head", StorageNames.Tables)] IPersistentState<AuditHead> head,
    IAuditStore store,
    AuditKeys keys,
    TimeProvider clock,
    ILogger<AuditLogGrain> logger) : Grain, IAuditLogGrain
{
    /// <summary>At most this many records per append (a few hundred KB; an append block may hold 4 MiB).</summary>
    private const int MaxBatch = 256;

    private List<(AuditEntry Entry, TaskCompletionSource<AuditRecord> Waiting)> pending = [];
    private bool writing;

    /// <summary>After a failed write: refuse records until the next activation has read where the log really ends.</summary>
    private bool doubtful;

    /// <summary>The last record appended to the log (the head in storage may be one append behind it).</summary>
    private (long Count, string Hash)? tip;

    private string Scope => this.GetPrimaryKeyString();

    /// <summary>
    /// A crash between appending a line and moving the head leaves the log ahead: catch the head up, so that
    /// the next record continues the chain instead of forking it. Only records that verify with the key, in a
    /// chain through the stored head, are taken up; a line that does not (forged, damaged) is never adopted, and
    /// new records continue from the last verified one, so the rejected line stays visible to verification.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var walk = AuditChain.Walk(await store.ReadAsync(Scope, cancellationToken), Scope, head.State.Count, head.State.Hash, keys);
        if (walk.Rejected.Count > 0 || !walk.HeadInChain)
            logger.LogCritical("Audit log {Scope} does not verify: {Problem}. New records continue from record {Count}",
                Scope, AuditChain.Verify(walk).Problem, walk.HeadInChain ? walk.Chain.Count : head.State.Count);
        if (walk.HeadInChain && walk.Chain.Count > head.State.Count)
        {
            head.State.Count = walk.Chain.Count;
            head.State.Hash = walk.Tip;
            await head.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Group commit: every change of an MOU passes through its one log, so records that arrive while an append is
    /// under way are sealed together and go out in the next single append, and each caller is answered once its
    /// own record is durable in the log. The head (which detects a cut-off tail) follows in the background, one
    /// write per append at most, never ahead of the log; a crash in between leaves the log ahead of the head,
    /// which verification accepts when those records verify with the key, and the next activation catches up. The chain is the same as one record per write.
    /// </summary>
    public Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        if (doubtful)
            return Task.FromException<AuditRecord>(new InvalidOperationException($"the audit log {Scope} is being reopened after a failed write; try again"));
        var waiting = new TaskCompletionSource<AuditRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add((entry, waiting));
        if (!writing)
        {
            // Set before the call: with a store that answers at once, the loop may finish before it returns.
            writing = true;
            _ = WriteAllAsync();
        }
        return waiting.Task;
    }

    private async Task WriteAllAsync()
    {
        var headWrite = Task.CompletedTask;
        try
        {
            tip ??= (head.State.Count, head.State.Hash);
            while (true)
            {
                if (pending.Count == 0)
                {
                    // Records that arrive while the head is written form the next batch.
                    await headWrite;
                    if (pending.Count == 0)
                        break;
                }
                var batch = Take();
                try
                {
                    tip = await AppendBatchAsync(batch, tip.Value);
                }
                catch (Exception ex)
                {
                    foreach (var (_, waiting) in batch.Concat(Take(int.MaxValue)))
                        waiting.TrySetException(ex);
                    // Whether the append reached storage is unknown: the next activation reads the log and
                    // continues the chain from what is really there; until then nothing is chained onto a guess.
                    doubtful = true;
                    DeactivateOnIdle();
                    return;
                }
                await headWrite;
                head.State.Count = tip.Value.Count;
                head.State.Hash = tip.Value.Hash;
                headWrite = head.WriteStateAsync();
            }
        }
        catch (Exception ex)
        {
            // A head write failed: the records are in the log, the head is behind it, which the next activation
            // mends. Records not yet appended are refused rather than chained onto a head this activation doubts.
            logger.LogWarning(ex, "Audit head of {Scope} not written; the log is ahead of it until the next activation", Scope);
            foreach (var (_, waiting) in Take(int.MaxValue))
                waiting.TrySetException(ex);
            doubtful = true;
            DeactivateOnIdle();
        }
        finally
        {
            writing = false;
        }
    }

    private List<(AuditEntry Entry, TaskCompletionSource<AuditRecord> Waiting)> Take(int most = MaxBatch)
    {
        var batch = pending.Count <= most ? pending : pending[..most];
        pending = pending.Count <= most ? [] : pending[most..];
        return batch;
    }

    private async Task<(long Count, string Hash)> AppendBatchAsync(List<(AuditEntry Entry, TaskCompletionSource<AuditRecord> Waiting)> batch, (long Count, string Hash) from)
    {
        var (count, hash) = from;
        var records = new List<AuditRecord>(batch.Count);
        var lines = new StringBuilder();
        foreach (var (entry, _) in batch)
        {
            var record = AuditChain.Seal(entry, count + 1, clock.GetUtcNow(), hash, Scope, keys);
            (count, hash) = (record.Sequence, record.Hash);
            records.Add(record);
            lines.Append(AuditChain.ToLine(record));
        }
        await store.AppendAsync(Scope, lines.ToString());
        for (var i = 0; i < batch.Count; i++)
            batch[i].Waiting.TrySetResult(records[i]);
        return (count, hash);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync() =>
        AuditChain.Parse(await store.ReadAsync(Scope), out _);

    public async Task<AuditVerification> VerifyAsync() =>
        AuditChain.Verify(AuditChain.Walk(await store.ReadAsync(Scope), Scope, head.State.Count, head.State.Hash, keys));
}
