using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MouWorkspace.Domain.Revisions;

public static class RevisionHash
{
    // Strict: a lone surrogate would otherwise become U+FFFD and two different texts would hash alike.
    // TextRules rejects such text before it is ever stored, so this only fires on a bug upstream.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[] FormatTag = Encoding.ASCII.GetBytes("mou-revision-v1");

    /// <summary>
    /// "sha256:" + lowercase hex over a canonical encoding of the clauses in order: a format tag, the
    /// clause count, then for each clause its id, number, heading and text, each as a 4-byte
    /// big-endian length followed by UTF-8 bytes. The draft version is left out, so re-saving
    /// identical text does not change the hash.
    /// </summary>
    /// <exception cref="ArgumentException">a field holds a lone surrogate.</exception>
    public static string Compute(IReadOnlyList<ClauseSnapshot> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendBytes(hash, FormatTag);
        AppendLength(hash, clauses.Count);
        foreach (var clause in clauses)
        {
            ArgumentNullException.ThrowIfNull(clause);
            AppendString(hash, clause.Id);
            AppendString(hash, clause.Number);
            AppendString(hash, clause.Heading);
            AppendString(hash, clause.Text);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendString(IncrementalHash hash, string? value) =>
        AppendBytes(hash, StrictUtf8.GetBytes(value ?? string.Empty));

    private static void AppendBytes(IncrementalHash hash, byte[] bytes)
    {
        AppendLength(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendLength(IncrementalHash hash, int length)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        hash.AppendData(prefix);
    }
}
