namespace MouWorkspace.Abstractions.Audit;

/// <summary>
/// The append-only, hash-chained audit log of one scope (<see cref="AuditScopes"/>): an MOU, an organization's
/// tracking records, or the administration. Each record carries a keyed MAC (HMAC-SHA256, the key outside storage)
/// over itself and the previous record's hash, so an edited, removed, inserted or forged record breaks the chain;
/// the grain keeps the head so that a cut-off tail is detected too.
/// </summary>
[Alias("mou.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Answers once the record is durable; calls interleave so that waiting records share one write.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<AuditRecord> AppendAsync(AuditEntry entry);

    Task<IReadOnlyList<AuditRecord>> ReadAsync();

    Task<AuditVerification> VerifyAsync();
}

public static class AuditScopes
{
    public static string Mou(string mouId) => $"mou-{mouId}";

    public static string Organization(string code) => $"org-{code}";

    public const string Administration = "admin";
}

/// <summary>What happened, as the web layer saw it.</summary>
[GenerateSerializer, Immutable, Alias("mou.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string? MemberState,
    [property: Id(4)] string Organization,
    [property: Id(5)] string Action,
    [property: Id(6)] string Target,
    [property: Id(7)] int Status,
    [property: Id(8)] string ContentHash);

/// <summary>A stored record: the entry, when, its place in the chain and the hashes that bind it.</summary>
[GenerateSerializer, Immutable, Alias("mou.audit-record")]
public sealed record AuditRecord(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string UserId,
    [property: Id(3)] string Name,
    [property: Id(4)] string Role,
    [property: Id(5)] string? MemberState,
    [property: Id(6)] string Organization,
    [property: Id(7)] string Action,
    [property: Id(8)] string Target,
    [property: Id(9)] int Status,
    [property: Id(10)] string ContentHash,
    [property: Id(11)] string PreviousHash,
    [property: Id(12)] string Hash);

/// <summary>
/// The result of walking a log. <see cref="LegacyRecords"/>: how many records at its start are in the unkeyed
/// format of earlier versions (checked against accidental damage only); <see cref="Note"/> says so, and names
/// records past the stored head that verified with the key.
/// </summary>
[GenerateSerializer, Immutable, Alias("mou.audit-verification")]
public sealed record AuditVerification(
    [property: Id(0)] bool Valid,
    [property: Id(1)] long Count,
    [property: Id(2)] string Head,
    [property: Id(3)] long? FirstInvalidSequence,
    [property: Id(4)] string? Problem,
    [property: Id(5)] long LegacyRecords = 0,
    [property: Id(6)] string? Note = null);
