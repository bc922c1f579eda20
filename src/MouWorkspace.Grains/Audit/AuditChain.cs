using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MouWorkspace.Abstractions.Audit;

namespace MouWorkspace.Grains.Audit;

/// <summary>
/// The chain's rules, in one place: how a record is sealed, encoded as a line, and checked. A record's
/// <c>hash</c> is <c>hmac-sha256:{key id}:{hex}</c>, a keyed MAC that someone who can write to storage but does
/// not hold the key cannot compute. Logs of earlier versions hold unkeyed <c>sha256:{hex}</c> records: they are
/// verified as legacy (accidental damage only) and only as the start of a log, before its first keyed record.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    public const string KeyedScheme = "hmac-sha256";
    public const string LegacyScheme = "sha256";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditRecord Seal(AuditEntry entry, long sequence, DateTimeOffset at, string previousHash, string scope, AuditKeys keys)
    {
        var unsealed = new AuditRecord(sequence, at, entry.UserId, entry.Name, entry.Role, entry.MemberState, entry.Organization,
            entry.Action, entry.Target, entry.Status, entry.ContentHash, previousHash, "");
        return unsealed with { Hash = MacOf(unsealed, scope, keys.CurrentId, keys.Current) };
    }

    /// <summary>
    /// HMAC-SHA256 over the log's scope and the record's JSON with <c>hmac-sha256:{key id}</c> in place of its
    /// hash (property order is the declaration order): the key id and the log it belongs to are sealed too, so a
    /// record cannot be moved to another log.
    /// </summary>
    public static string MacOf(AuditRecord record, string scope, string keyId, byte[] key)
    {
        var label = $"{KeyedScheme}:{keyId}";
        var data = Encoding.UTF8.GetBytes(scope + "\n").Concat(JsonSerializer.SerializeToUtf8Bytes(record with { Hash = label }, Json)).ToArray();
        return label + ":" + Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }

    /// <summary>The unkeyed hash of earlier versions (anyone can compute it): SHA-256 over the JSON without the hash.</summary>
    public static string LegacyHashOf(AuditRecord record) =>
        LegacyScheme + ":" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record with { Hash = "" }, Json)));

    public static string ToLine(AuditRecord record) => JsonSerializer.Serialize(record, Json) + "\n";

    /// <summary>Every readable line; <paramref name="problem"/> names the first that is not.</summary>
    public static IReadOnlyList<AuditRecord> Parse(string text, out string? problem)
    {
        var lines = ReadLines(text);
        problem = lines.FirstOrDefault(l => l.Record is null) is { Record: null } bad ? $"line {bad.Line} is not a readable record" : null;
        return lines.Where(l => l.Record is not null).Select(l => l.Record!).ToList();
    }

    private static List<(int Line, AuditRecord? Record)> ReadLines(string text)
    {
        var lines = new List<(int, AuditRecord?)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            AuditRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<AuditRecord>(line, Json);
            }
            catch (JsonException)
            {
                record = null;
            }
            lines.Add((lines.Count + 1, record));
        }
        return lines;
    }

    /// <summary>
    /// Walks the log from the start: a line joins the chain when it carries the next sequence, follows the last
    /// chained record and its MAC verifies with a known key. A line that does not is rejected and the walk goes
    /// on, so that records appended after a forged or damaged line (the grain continues from its verified head)
    /// still verify; any rejected line makes the log invalid.
    /// </summary>
    public static AuditWalk Walk(string text, string scope, long headCount, string headHash, AuditKeys keys)
    {
        var chain = new List<AuditRecord>();
        var rejected = new List<(long Sequence, string Problem)>();
        var previous = Genesis;
        long legacy = 0;
        foreach (var (line, record) in ReadLines(text))
        {
            var expected = chain.Count + 1L;
            var problem = record is null ? $"line {line} is not a readable record" : Check(record, line, expected, previous, scope, legacy == chain.Count, headCount, keys);
            if (problem is not null)
            {
                rejected.Add((record?.Sequence ?? expected, problem));
                continue;
            }
            if (record!.Hash.StartsWith(LegacyScheme + ":", StringComparison.Ordinal))
                legacy++;
            chain.Add(record);
            previous = record.Hash;
        }
        var headInChain = headCount == 0 ? headHash == Genesis : chain.Count >= headCount && chain[(int)headCount - 1].Hash == headHash;
        return new AuditWalk(chain, rejected, legacy, headCount, headInChain);
    }

    private static string? Check(AuditRecord record, int line, long expected, string previous, string scope, bool onlyLegacyBefore, long headCount, AuditKeys keys)
    {
        var sequence = record.Sequence;
        if (sequence != expected)
            return $"line {line} carries sequence {sequence} where {expected} was due: a record was removed or inserted";
        if (record.PreviousHash != previous)
            return $"record {sequence} does not follow the record before it";
        var parts = record.Hash.Split(':');
        if (parts is [LegacyScheme, _])
        {
            if (!keys.AcceptLegacy)
                return $"record {sequence} is in the unkeyed legacy format (sha256), which Audit:AcceptLegacy=false refuses";
            if (!onlyLegacyBefore)
                return $"record {sequence} is unkeyed (sha256) after keyed records: the app no longer writes that format, so someone else added it";
            if (sequence > headCount)
                return $"record {sequence} is unkeyed (sha256) and past the stored head (record {headCount}): the app no longer writes that format and it cannot be verified with the key";
            return LegacyHashOf(record) == record.Hash ? null : $"record {sequence} was changed after it was written";
        }
        if (parts is not [KeyedScheme, var id, _])
            return $"record {sequence} carries a hash in no known format";
        if (!keys.TryGet(id, out var key))
            return $"record {sequence} is sealed with key {id}, which this app does not have (it knows {string.Join(", ", keys.KnownIds)}): " +
                "Audit:ChainKey (or the key file) is not the key the log was written with, or the record was forged; after a rotation, list the old key in Audit:PreviousKeys";
        var expectedMac = Encoding.ASCII.GetBytes(MacOf(record, scope, id, key));
        return CryptographicOperations.FixedTimeEquals(expectedMac, Encoding.ASCII.GetBytes(record.Hash))
            ? null
            : $"record {sequence} was changed after it was written, or forged without the key: its HMAC does not verify with key {id}";
    }

    public static AuditVerification Verify(AuditWalk walk)
    {
        var (chain, rejected, headCount) = (walk.Chain, walk.Rejected, walk.HeadCount);
        var notes = new List<string>();
        if (walk.Legacy > 0)
            notes.Add($"records 1–{walk.Legacy} are in the unkeyed legacy format (sha256): their check shows accidental damage, not changes by someone who can write to storage" +
                (chain.Count > walk.Legacy ? $"; records from {walk.Legacy + 1} on are keyed (HMAC-SHA256)" : ""));
        if (walk.HeadInChain && chain.Count > headCount)
            notes.Add($"{chain.Count - headCount} record(s) past the stored head (record {headCount}) verify with the key: written just before a crash or a failed head update, they are part of the log");
        var note = notes.Count == 0 ? null : string.Join("; ", notes);
        var tip = walk.Tip;
        if (rejected.Count == 0 && walk.HeadInChain)
            return new AuditVerification(true, chain.Count, tip, null, null, walk.Legacy, note);
        var cutOff = walk.HeadInChain ? null :
            $"the log holds {chain.Count} verified records where {headCount} were written: its end was cut off or replaced";
        if (rejected.Count == 0)
            return new AuditVerification(false, chain.Count, tip, chain.Count + 1, cutOff, walk.Legacy, note);
        var problem = rejected[0].Problem + (rejected.Count > 1 ? $" ({rejected.Count} lines in all are not part of the chain; {chain.Count} records verify)" : "") +
            (cutOff is null ? "" : "; " + cutOff);
        return new AuditVerification(false, chain.Count, tip, rejected[0].Sequence, problem, walk.Legacy, note);
    }
}

/// <summary>What a walk of the log found: the verified chain, the lines rejected, and whether the stored head is in the chain.</summary>
public sealed record AuditWalk(IReadOnlyList<AuditRecord> Chain, IReadOnlyList<(long Sequence, string Problem)> Rejected, long Legacy, long HeadCount, bool HeadInChain)
{
    public string Tip => Chain.Count > 0 ? Chain[^1].Hash : AuditChain.Genesis;
}
