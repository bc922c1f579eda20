using System.IO.Compression;
using System.Text;
using MouWorkspace.Documents.Import;

namespace MouWorkspace.Documents.Tests;

/// <summary>
/// Word's structures that a foreign document holds around its text (issue 18.6), in a package written the way Word writes
/// them: a smart tag inside a sentence, a paragraph in a block content control, a text box with its VML fallback, a
/// table and a footnote. Every text is read once; what is not imported is reported with where it was and how many words.
/// </summary>
public class ForeignStructureTests
{
    private const string Namespaces = """"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps" """";

    private const string Body = """
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Foreign text</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">OP1 Reports are due in </w:t></w:r><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date"><w:r><w:t>March</w:t></w:r></w:smartTag><w:r><w:t>.</w:t></w:r></w:p>
        <w:sdt><w:sdtPr><w:alias w:val="Clause"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>OP2 States shall cooperate.</w:t></w:r></w:p></w:sdtContent></w:sdt>
        <w:p><w:r><w:t xml:space="preserve">OP3 See the figure </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1000" cy="1000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> here.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one two three</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t>OP4 The end.</w:t></w:r></w:p>
        <w:sectPr/>
        """;

    private const string Footnotes = """<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="0" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>A footnote of five words.</w:t></w:r></w:p></w:footnote>""";

    private static byte[] Package()
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""",
            ["word/_rels/document.xml.rels"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>""",
            ["word/document.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {Namespaces}><w:body>{Body}</w:body></w:document>",
            ["word/footnotes.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes {Namespaces}>{Footnotes}</w:footnotes>",
        };
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, xml) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }
        return output.ToArray();
    }

    [Fact]
    public void Every_text_is_read_once_and_what_is_left_out_is_reported()
    {
        var imported = WordImporter.Read(new MemoryStream(Package()), ImportOptions.Default);
        // No styles part: the Title-styled paragraph is front matter, reported like the rest.
        Assert.Equal(["OP1 Reports are due in March.", "OP2 States shall cooperate.", "OP3 See the figure here.", "OP4 The end."],
            imported.Clauses.Select(c => $"{c.Number} {c.Text}").ToArray());
        Assert.Equal(["footnote in OP3: 5 words", "front matter before the first clause: 2 words", "table after OP3: 4 words", "text box in OP3: 2 words"],
            imported.LeftOut.Select(l => $"{l.Kind} {l.Where}: {l.Words} words").Order().ToArray());
    }
}
