using System.IO.Compression;
using System.Xml;

namespace MouWorkspace.Documents.Import;

/// <summary>
/// Reads every XML part of a package once with a streaming reader (no DTD, no resolver, no recursion) and refuses
/// the package before the OpenXml SDK sees it when a part is nested deeper than <see cref="XmlLimits.MaxDepth"/>,
/// the parts together hold more than <see cref="XmlLimits.MaxElements"/> elements, a part declares a DTD, or a
/// part is not well-formed. Runs after <see cref="PackageGuard"/> bounded the expanded size, so the read is bounded too.
/// </summary>
internal static class PackageXml
{
    public static void Check(ZipArchive zip, PartTypes types, long maxCharacters)
    {
        long elements = 0;
        foreach (var entry in zip.Entries.Where(e => IsXml(e, types)))
        {
            var deepest = 0;
            try
            {
                using var reader = XmlReader.Create(entry.Open(), Settings(maxCharacters));
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                        continue;
                    if (++elements > XmlLimits.MaxElements)
                        throw XmlLimitExceededException.TooMany(entry.FullName);
                    // Read on past the limit (the element count still bounds the work) to tell the uploader the real depth.
                    deepest = Math.Max(deepest, reader.Depth + 1);
                }
            }
            catch (XmlException e)
            {
                if (deepest > XmlLimits.MaxDepth)
                    throw XmlLimitExceededException.TooDeep(entry.FullName, deepest);
                throw NotReadable(entry, e);
            }
            if (deepest > XmlLimits.MaxDepth)
                throw XmlLimitExceededException.TooDeep(entry.FullName, deepest);
        }
    }

    /// <summary>An XML part by its name (.xml, .rels) or by the content type the package gives it (…+xml, …/xml).</summary>
    private static bool IsXml(ZipArchiveEntry entry, PartTypes types)
    {
        var name = entry.FullName;
        if (name.EndsWith('/'))
            return false;
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            return true;
        return types.Of(name) is { } type
            && (type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) || type.EndsWith("/xml", StringComparison.OrdinalIgnoreCase));
    }

    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        CloseInput = true,
    };

    /// <summary>Our words, not the parser's: a DTD is named as such, anything else is a part that is not well-formed.</summary>
    private static DocumentRejectedException NotReadable(ZipArchiveEntry entry, XmlException e)
    {
        if (DeclaresDtd(entry))
            return new DocumentRejectedException(RejectionReason.UnsafeXml,
                $"The document's part {entry.FullName} declares a DTD (document type declaration). Word never writes one; such files are refused so that no entity is expanded or fetched.");
        return new DocumentRejectedException(RejectionReason.Damaged, e.LineNumber > 0
            ? $"The document is damaged: its part {entry.FullName} is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})."
            : $"The document is damaged: its part {entry.FullName} is not well-formed XML.");
    }

    /// <summary>A DTD can only stand in the prolog, before the root element: the part's first 64 K characters hold it.</summary>
    private static bool DeclaresDtd(ZipArchiveEntry entry)
    {
        try
        {
            using var text = new StreamReader(entry.Open(), detectEncodingFromByteOrderMarks: true);
            var head = new char[64 * 1024];
            var read = text.ReadBlock(head, 0, head.Length);
            return head.AsSpan(0, read).IndexOf("<!DOCTYPE", StringComparison.Ordinal) >= 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

/// <summary>The content types of a package: defaults by extension, overrides by part name.</summary>
internal sealed class PartTypes(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> overrides)
{
    public IReadOnlyCollection<string> All { get; } = defaults.Values.Concat(overrides.Values).ToArray();

    /// <summary>The content type of the zip entry <paramref name="entryName"/> ("word/document.xml"), or null.</summary>
    public string? Of(string entryName) =>
        overrides.TryGetValue("/" + entryName, out var type) ? type
        : defaults.TryGetValue(Path.GetExtension(entryName).TrimStart('.'), out type) ? type
        : null;
}
