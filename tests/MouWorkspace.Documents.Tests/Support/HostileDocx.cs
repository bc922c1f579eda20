using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>
/// Hand-made .docx packages that attack the reader: deep nesting, huge element counts, DTDs in parts, zip headers
/// that understate the real sizes. Shared with the HTTP tests, which send the same files to the endpoints.
/// </summary>
internal static class HostileDocx
{
    public const string CleanText = "OP1 The Parties shall cooperate.";

    /// <summary>Phrases of .NET's own exception texts: none may reach the uploader.</summary>
    public static readonly string[] ParserPhrases =
        ["DtdProcessing", "XmlReaderSettings", "For security reasons", "Unexpected end of file", "System.", "Exception", "block type", "Central Directory", "The following elements are not closed"];
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Dtd = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";

    /// <summary>A package with one body (the inside of <c>w:body</c>), optionally a comments part and a custom XML part.</summary>
    public static byte[] Word(string body, string? comments = null, string? customXml = null)
    {
        var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
        var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        var parts = new List<(string, string)>();
        if (comments is not null)
        {
            types.Append("<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
            rels.Append($"<Relationship Id=\"rId1\" Type=\"{Rel}/comments\" Target=\"comments.xml\"/>");
            parts.Add(("word/comments.xml", comments));
        }
        if (customXml is not null)
        {
            rels.Append($"<Relationship Id=\"rId2\" Type=\"{Rel}/customXml\" Target=\"../customXml/item1.xml\"/>");
            parts.Add(("customXml/item1.xml", customXml));
        }
        parts.Add(("[Content_Types].xml", types.Append("</Types>").ToString()));
        parts.Add(("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
        parts.Add(("word/_rels/document.xml.rels", rels.Append("</Relationships>").ToString()));
        parts.Add(("word/document.xml", Document(body)));
        return Zip(parts.Select(p => (p.Item1, Encoding.UTF8.GetBytes(p.Item2))).ToArray());
    }

    public static string Document(string body) => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>";

    public static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>A clean one-clause document: the control that the builder itself makes readable packages.</summary>
    public static byte[] Clean() => Word(Paragraph(CleanText), Comments("A comment."), "<data xmlns=\"urn:example\"><item>1</item></data>");

    /// <summary>One paragraph whose run sits inside <paramref name="depth"/> nested smart tags.</summary>
    public static byte[] Deep(int depth)
    {
        var body = new StringBuilder(depth * 50).Append("<w:p>");
        for (var i = 0; i < depth; i++)
            body.Append("<w:smartTag w:uri=\"urn:x\" w:element=\"t\">");
        body.Append("<w:r><w:t>OP1 Deep.</w:t></w:r>");
        for (var i = 0; i < depth; i++)
            body.Append("</w:smartTag>");
        return Word(body.Append("</w:p>").ToString());
    }

    /// <summary>Element depth of the run's text in <see cref="Deep"/>: document, body, paragraph, the tags, run, text.</summary>
    public static int DeepestLevel(int depth) => depth + 5;

    /// <summary><paramref name="count"/> empty paragraphs: small on the wire, millions of elements in the DOM.</summary>
    public static byte[] ManyParagraphs(int count) => Word(new StringBuilder(count * 6).Insert(0, "<w:p/>", count).ToString());

    public static string WithDtd(string xml) => xml.StartsWith("<?xml", StringComparison.Ordinal)
        ? xml.Insert(xml.IndexOf("?>", StringComparison.Ordinal) + 2, Dtd)
        : Dtd + xml;

    public static string Comments(string text, string entity = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments xmlns:w=\"{W}\"><w:comment w:id=\"1\" w:author=\"X\"><w:p><w:r><w:t>{text}{entity}</w:t></w:r></w:p></w:comment></w:comments>";

    /// <summary>A clean package where one part (document, comments or custom XML) carries a DTD with an external and an expanding entity.</summary>
    public static byte[] DtdPackage(string part) => part switch
    {
        "word/document.xml" => Replace(Clean(), part, WithDtd(Document(Paragraph(CleanText + "&xxe;&lol2;")))),
        "word/comments.xml" => Word(Paragraph(CleanText), WithDtd(Comments("A comment.", "&xxe;&lol2;"))),
        "customXml/item1.xml" => Word(Paragraph(CleanText), Comments("A comment."), WithDtd("<data xmlns=\"urn:example\"><item>&xxe;&lol2;</item></data>")),
        "[Content_Types].xml" => Replace(Clean(), part, WithDtd(Read(Clean(), part))),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "one of the parts Clean() has"),
    };

    /// <summary>
    /// A package whose document part really expands to <paramref name="realBytes"/> while both its local and its central
    /// header claim <paramref name="claimedBytes"/>; with <paramref name="damaged"/> its deflate data is also broken from the first byte.
    /// </summary>
    public static byte[] Understated(int realBytes, uint claimedBytes, bool damaged = false)
    {
        var filler = new string('a', realBytes);
        var bytes = Replace(Clean(), "word/document.xml", Document(Paragraph(CleanText + filler)));
        var name = Encoding.ASCII.GetBytes("word/document.xml");
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), claimedBytes);
                if (damaged)
                {
                    var data = i + 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
                    bytes[data] = 0xFF; // final block of the reserved type 3: not deflate
                }
                patched++;
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), claimedBytes);
                patched++;
            }
        }
        if (patched != 2)
            throw new InvalidOperationException($"patched {patched} headers of word/document.xml, expected 2");
        return bytes;
    }

    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(data);
            }
        }
        return stream.ToArray();
    }

    private static string Read(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Replace(byte[] package, string part, string xml)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return Zip(zip.Entries.Select(e =>
        {
            if (e.FullName == part)
                return (e.FullName, Encoding.UTF8.GetBytes(xml));
            using var copy = new MemoryStream();
            using (var s = e.Open())
                s.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToArray());
    }
}
