using System.IO.Compression;
using System.Text;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Markups;
using MouWorkspace.Documents.Tests.Support;

namespace MouWorkspace.Documents.Tests;

public class RejectionTests
{
    private const string ContentTypesHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>";

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
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

    private static byte[] ContentTypes(string overrideType) =>
        Encoding.UTF8.GetBytes(ContentTypesHead + $"<Override PartName=\"/word/document.xml\" ContentType=\"{overrideType}\"/></Types>");

    private static DocumentRejectedException Rejected(byte[] bytes, ImportOptions? options = null)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => WordImporter.Read(new MemoryStream(bytes), options ?? ImportOptions.Default));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        // The markup upload goes through the same gate.
        Assert.Equal(error.Reason, Assert.Throws<DocumentRejectedException>(() => MarkupReader.Read(new MemoryStream(bytes), [], options)).Reason);
        return error;
    }

    [Fact]
    public void Plain_text_is_not_a_zip() =>
        Assert.Equal(RejectionReason.NotZip, Rejected("OP1 The Parties shall..."u8.ToArray()).Reason);

    [Fact]
    public void Truncated_zip_is_not_a_readable_zip() =>
        Assert.Equal(RejectionReason.NotZip, Rejected(Docx.Export(Samples.Clean())[..200]).Reason);

    [Fact]
    public void Zip_without_word_content_is_not_a_word_document()
    {
        Assert.Equal(RejectionReason.NotWordDocument, Rejected(Zip(("notes.txt", "hello"u8.ToArray()))).Reason);
        var spreadsheet = Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")));
        Assert.Equal(RejectionReason.NotWordDocument, Rejected(spreadsheet).Reason);
    }

    [Fact]
    public void Macro_enabled_document_is_refused()
    {
        var docm = Zip(("[Content_Types].xml", ContentTypes("application/vnd.ms-word.document.macroEnabled.main+xml")), ("word/document.xml", "<x/>"u8.ToArray()));
        Assert.Equal(RejectionReason.MacroEnabled, Rejected(docm).Reason);
        var vba = Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")), ("word/vbaProject.bin", [1, 2, 3]));
        Assert.Equal(RejectionReason.MacroEnabled, Rejected(vba).Reason);
    }

    [Fact]
    public void Ole_compound_file_is_reported_as_encrypted()
    {
        var ole = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);
        var error = Rejected(ole);
        Assert.Equal(RejectionReason.Encrypted, error.Reason);
        Assert.Contains("password", error.Message);
    }

    [Fact]
    public void Zip_bomb_is_refused_from_the_central_directory()
    {
        var bomb = Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            ("word/document.xml", new byte[60 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024, "the bomb is small on the wire");
        Assert.Equal(RejectionReason.ZipBomb, Rejected(bomb).Reason);
        var many = Zip(Enumerable.Range(0, 1001).Select(i => ($"f{i}.xml", new byte[1])).ToArray());
        Assert.Equal(RejectionReason.ZipBomb, Rejected(many).Reason);
    }

    [Fact]
    public void File_above_the_size_limit_is_refused()
    {
        var error = Rejected(Docx.Export(Samples.Clean()), new ImportOptions { MaxFileBytes = 2000 });
        Assert.Equal(RejectionReason.TooLarge, error.Reason);
        Assert.Equal(20L * 1024 * 1024, ImportOptions.Default.MaxFileBytes);
    }

    [Fact]
    public void Word_package_with_broken_xml_is_damaged()
    {
        var broken = Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            ("_rels/.rels", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8.ToArray()));
        Assert.Equal(RejectionReason.Damaged, Rejected(broken).Reason);
    }
}
