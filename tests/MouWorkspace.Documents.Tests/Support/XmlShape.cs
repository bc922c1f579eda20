using System.IO.Compression;
using System.Xml;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>Deepest element nesting and element count over a package's XML parts, measured the way the guard counts.</summary>
internal static class XmlShape
{
    public static (int Deepest, int Elements) Of(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var (deepest, elements) = (0, 0);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                elements++;
                deepest = Math.Max(deepest, reader.Depth + 1);
            }
        }
        return (deepest, elements);
    }
}
