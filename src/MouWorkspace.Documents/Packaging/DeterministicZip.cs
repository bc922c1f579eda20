using System.IO.Compression;

namespace MouWorkspace.Documents.Packaging;

/// <summary>
/// System.IO.Packaging stamps every zip entry with the current time, so two exports of the same
/// revision would differ in bytes. This copies the package entry by entry, in the same order, with a
/// fixed timestamp; the XML itself is already deterministic (no rsids, GUIDs or clock values written).
/// </summary>
internal static class DeterministicZip
{
    /// <summary>The earliest date a zip (MS-DOS) timestamp can hold.</summary>
    public static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Copy(Stream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
