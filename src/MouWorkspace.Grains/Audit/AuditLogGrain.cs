using System.Text;
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
    TimeProvider clock) : Grain, IAuditLogGrain
{
    /// <summary>At most this many records per append (a few hundred KB; an append block may hold 4 MiB).</summary>
    private const int MaxBatch = 256;

    private List<(AuditEntry Entry, TaskCompletionSource<AuditRecord> Waiting)> pending = [];
    private bool writing;

    private string Scope => this.GetPrimaryKeyString();

    /// <summary>
    /// A crash between appending a line and moving the head leaves the log ahead: catch the head up, so that
    /// the next record continues the chain instead of forking it.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var records = AuditChain.Parse(await store.ReadAsync(Scope, cancellationToken), out _);
        if (records.Count > head.State.Count && AuditChain.Verify(records, null, head.State.Count, head.State.Hash).Valid)
        {
            head.State.Count = records[^1].Sequence;
            head.State.Hash = records[^1].Hash;
            await head.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Group commit: every change of an MOU passes through its one log, so records that arrive while a write is
    /// under way are sealed together and go out in the next single append (one block, then one head write), and
    /// each caller is answered once its own record is durable. The chain is the same as one record per write.
    /// </summary>
    public Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
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
        try
        {
            while (pending.Count > 0)
            {
                var batch = Take();
                try
                {
                    await WriteAsync(batch);
                }
                catch (Exception ex)
                {
                    foreach (var (_, waiting) in batch)
                        waiting.TrySetException(ex);
                    // Whether the append reached storage is unknown: the next activation reads the log and
                    // continues the chain from what is really there.
                    foreach (var (_, waiting) in Take(int.MaxValue))
                        waiting.TrySetException(ex);
                    DeactivateOnIdle();
                    return;
                }
            }
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

    private async Task WriteAsync(List<(AuditEntry Entry, TaskCompletionSource<AuditRecord> Waiting)> batch)
    {
        var (count, hash) = (head.State.Count, head.State.Hash);
        var records = new List<AuditRecord>(batch.Count);
        var lines = new StringBuilder();
        foreach (var (entry, _) in batch)
        {
            var record = AuditChain.Seal(entry, count + 1, clock.GetUtcNow(), hash);
            (count, hash) = (record.Sequence, record.Hash);
            records.Add(record);
            lines.Append(AuditChain.ToLine(record));
        }
        await store.AppendAsync(Scope, lines.ToString());
        // The lines are durable before the head moves; a crash in between leaves the log ahead of the head,
        // which verification accepts (the chain itself is intact), never behind.
        head.State.Count = count;
        head.State.Hash = hash;
        await head.WriteStateAsync();
        for (var i = 0; i < batch.Count; i++)
            batch[i].Waiting.TrySetResult(records[i]);
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync() =>
        AuditChain.Parse(await store.ReadAsync(Scope), out _);

    public async Task<AuditVerification> VerifyAsync()
    {
        var records = AuditChain.Parse(await store.ReadAsync(Scope), out var problem);
        return AuditChain.Verify(records, problem, head.State.Count, head.State.Hash);
    }
}
