using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MouWorkspace.Abstractions.Audit;

namespace MouWorkspace.Grains.Audit;

/// <summary>The chain's rules, in one place: how a record is hashed, encoded as a line, and checked.</summary>
public static class AuditChain
{
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditRecord Seal(AuditEntry entry, long sequence, DateTimeOffset at, string previousHash)
    {
        var unsealed = new AuditRecord(sequence, at, entry.UserId, entry.Name, entry.Role, entry.MemberState, entry.Organization,
            entry.Action, entry.Target, entry.Status, entry.ContentHash, previousHash, "");
        return unsealed with { Hash = HashOf(unsealed) };
    }

    /// <summary>SHA-256 over the record's JSON without its own hash (property order is the declaration order).</summary>
    public static string HashOf(AuditRecord record) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record with { Hash = "" }, Json)));

    public static string ToLine(AuditRecord record) => JsonSerializer.Serialize(record, Json) + "\n";

    public static IReadOnlyList<AuditRecord> Parse(string text, out string? problem)
    {
        problem = null;
        var records = new List<AuditRecord>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                records.Add(JsonSerializer.Deserialize<AuditRecord>(line, Json) ?? throw new JsonException("empty record"));
            }
            catch (JsonException)
            {
                problem = $"record {records.Count + 1} is not readable";
                break;
            }
        }
        return records;
    }

    public static AuditVerification Verify(IReadOnlyList<AuditRecord> records, string? problem, long expectedCount, string expectedHead)
    {
        var previous = Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Sequence != i + 1)
                return Invalid(records, record.Sequence, $"record {i + 1} carries sequence {record.Sequence}: a record was removed or inserted");
            if (record.PreviousHash != previous)
                return Invalid(records, record.Sequence, $"record {record.Sequence} does not follow the record before it");
            if (HashOf(record) != record.Hash)
                return Invalid(records, record.Sequence, $"record {record.Sequence} was changed after it was written");
            previous = record.Hash;
        }
        if (problem is not null)
            return Invalid(records, records.Count + 1, problem);
        var headInLog = expectedCount == 0 ? Genesis : records.Count >= expectedCount ? records[(int)expectedCount - 1].Hash : null;
        if (headInLog != expectedHead)
            return Invalid(records, records.Count + 1, $"the log holds {records.Count} records where {expectedCount} were written: its end was cut off or replaced");
        return new AuditVerification(true, records.Count, previous, null, null);
    }

    private static AuditVerification Invalid(IReadOnlyList<AuditRecord> records, long sequence, string problem) =>
        new(false, records.Count, records.Count > 0 ? records[^1].Hash : Genesis, sequence, problem);
}
