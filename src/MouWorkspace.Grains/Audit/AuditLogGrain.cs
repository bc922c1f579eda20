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

    public async Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        var record = AuditChain.Seal(entry, head.State.Count + 1, clock.GetUtcNow(), head.State.Hash);
        await store.AppendAsync(Scope, AuditChain.ToLine(record));
        // The line is durable before the head moves; a crash in between leaves the log one record ahead
        // of the head, which verification accepts (the chain itself is intact), never behind.
        head.State.Count = record.Sequence;
        head.State.Hash = record.Hash;
        await head.WriteStateAsync();
        return record;
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync() =>
        AuditChain.Parse(await store.ReadAsync(Scope), out _);

    public async Task<AuditVerification> VerifyAsync()
    {
        var records = AuditChain.Parse(await store.ReadAsync(Scope), out var problem);
        return AuditChain.Verify(records, problem, head.State.Count, head.State.Hash);
    }
}
