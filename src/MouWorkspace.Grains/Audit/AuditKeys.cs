using System.Security.Cryptography;

namespace MouWorkspace.Grains.Audit;

/// <summary>
/// The keys of the audit chain's HMAC, none of them kept in storage: the one new records are sealed with, and
/// earlier ones that verification still knows after a rotation. A key's id is derived from the key itself
/// (an HMAC of a fixed label, so it reveals nothing of the key), which makes a wrong key show as an unknown id.
/// </summary>
public sealed class AuditKeys
{
    private readonly Dictionary<string, byte[]> known = new(StringComparer.Ordinal);

    public AuditKeys(byte[] current, IEnumerable<byte[]>? previous = null, bool acceptLegacy = true)
    {
        if (current.Length < 32)
            throw new ArgumentException("An audit chain key must be at least 32 bytes (256 bits).", nameof(current));
        CurrentId = IdOf(current);
        Current = current;
        known[CurrentId] = current;
        foreach (var key in previous ?? [])
            known.TryAdd(IdOf(key), key);
        AcceptLegacy = acceptLegacy;
    }

    public string CurrentId { get; }

    public byte[] Current { get; }

    /// <summary>Whether records in the unkeyed <c>sha256:</c> format of earlier versions are verified (as legacy) or refused.</summary>
    public bool AcceptLegacy { get; }

    public IReadOnlyCollection<string> KnownIds => known.Keys;

    public bool TryGet(string id, out byte[] key) => known.TryGetValue(id, out key!);

    public static string IdOf(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "mouworkspace audit key id"u8))[..12];
}
