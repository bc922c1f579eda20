using System.Text;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

public class ImportTests
{
    private static ImportedText Import(byte[] bytes) => WordImporter.Read(new MemoryStream(bytes), ImportOptions.Default);

    private static ImportedText ImportFile(string path) => Import(File.ReadAllBytes(path));

    private static string WriteText(string name, string content) => ExternalTools.WriteTemp(name, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Own_export_round_trips_numbers_headings_texts_and_title()
    {
        var doc = Samples.WithComments(); // comments and annex must not leak into clause text
        var imported = Import(Docx.Export(doc));

        Assert.Equal(doc.Title, imported.Title);
        Assert.Equal(
            doc.Clauses.Select(c => new ImportedClause(c.Number, c.Kind, c.Heading, c.Text)),
            imported.Clauses);
    }

    [Fact]
    public void Libreoffice_docx_from_html_gives_headings_and_numbered_clauses()
    {
        var html = WriteText("mou.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Model MOU</title></head><body>
            <p>United Nations</p>
            <h1>Standards of conduct</h1>
            <p>PP1 Recalling the bulletin on special measures (ST/SGB/2003/13),</p>
            <p>OP 1. The troop-contributing country [shall][should] ensure compliance.</p>
            <p>OP2 The Government shall investigate [promptly].</p>
            <h2>Training</h2>
            <p>Pre-deployment training shall be mandatory.</p>
            <p>It shall cover sexual exploitation and abuse.</p>
            <p>OP3 bis Welfare and recreation facilities shall be provided.</p>
            </body></html>
            """);

        var imported = ImportFile(ExternalTools.SofficeConvert(html, "docx:MS Word 2007 XML"));

        Assert.Equal(
            [
                new ImportedClause("PP1", ClauseKind.Preambular, "Standards of conduct", "Recalling the bulletin on special measures (ST/SGB/2003/13),"),
                new ImportedClause("OP1", ClauseKind.Operative, "", "The troop-contributing country [shall][should] ensure compliance."),
                new ImportedClause("OP2", ClauseKind.Operative, "", "The Government shall investigate [promptly]."),
                new ImportedClause(null, ClauseKind.Operative, "Training", "Pre-deployment training shall be mandatory.\nIt shall cover sexual exploitation and abuse."),
                new ImportedClause("OP3 bis", ClauseKind.Operative, "", "Welfare and recreation facilities shall be provided."),
            ],
            imported.Clauses);
    }

    [Fact]
    public void Libreoffice_docx_from_flat_odt_reads_title_and_list_numbering_in_order()
    {
        var fodt = WriteText("mou.fodt", """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
              xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
              <office:automatic-styles>
                <text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
              </office:automatic-styles>
              <office:body><office:text>
                <text:p text:style-name="Title">Code of conduct for OSCE mission members</text:p>
                <text:h text:outline-level="1">Obligations</text:h>
                <text:list text:style-name="L1">
                  <text:list-item><text:p>Mission members shall not engage in trafficking in human beings.</text:p></text:list-item>
                  <text:list-item><text:p>Mission members [shall][should] report suspected cases.</text:p></text:list-item>
                  <text:list-item><text:p>部队派遣国应确保其人员遵守行为标准</text:p></text:list-item>
                </text:list>
              </office:text></office:body>
            </office:document>
            """);

        var imported = ImportFile(ExternalTools.SofficeConvert(fodt, "docx:MS Word 2007 XML"));

        Assert.Equal("Code of conduct for OSCE mission members", imported.Title);
        Assert.Equal(
            [
                new ImportedClause(null, ClauseKind.Operative, "Obligations", "Mission members shall not engage in trafficking in human beings."),
                new ImportedClause(null, ClauseKind.Operative, "", "Mission members [shall][should] report suspected cases."),
                new ImportedClause(null, ClauseKind.Operative, "", Samples.Chinese),
            ],
            imported.Clauses);
    }

    [Fact]
    public void Pandoc_docx_from_markdown_reads_headings_labels_and_lists()
    {
        var md = WriteText("mou.md", """
            ---
            title: NATO policy on combating trafficking in human beings
            ---

            # Preamble

            PP1 Recalling the policy adopted in June 2004,

            # Measures

            OP1 Allies \[shall\]\[should\] train their forces.

            1. Contractors shall be bound by the policy.
            2. A senior coordinator shall be appointed.

            OP3 bis تلتزم الدول الأعضاء
            """);
        var docx = Path.Combine(ExternalTools.TempDir("pandoc"), "mou.docx");
        ExternalTools.Pandoc(md, "-o", docx);

        var imported = ImportFile(docx);

        Assert.Equal("NATO policy on combating trafficking in human beings", imported.Title);
        Assert.Equal(
            [
                new ImportedClause("PP1", ClauseKind.Preambular, "Preamble", "Recalling the policy adopted in June 2004,"),
                new ImportedClause("OP1", ClauseKind.Operative, "Measures", "Allies [shall][should] train their forces."),
                new ImportedClause(null, ClauseKind.Operative, "", "Contractors shall be bound by the policy."),
                new ImportedClause(null, ClauseKind.Operative, "", "A senior coordinator shall be appointed."),
                new ImportedClause("OP3 bis", ClauseKind.Operative, "", "تلتزم الدول الأعضاء"),
            ],
            imported.Clauses);
    }

    private const string PythonDocxScript = """
        import sys, docx
        d = docx.Document()
        d.add_heading("Memorandum of understanding on training", 0)
        d.add_heading("Preamble", 1)
        d.add_paragraph("PP1 Recalling the bulletin on special measures,")
        d.add_heading("Obligations", 1)
        d.add_paragraph("OP1 The Parties [shall][should] train all personnel.")
        d.add_paragraph("Contractors shall be bound by the policy.", style="List Number")
        d.add_paragraph("OP3 bis Welfare facilities shall be provided.")
        outer = d.add_table(rows=2, cols=2)
        inner = outer.cell(0, 0).add_table(rows=2, cols=2)
        inner.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = "A table in a table in a table"
        d.save(sys.argv[1])
        """;

    [Fact]
    public void Python_docx_document_with_nested_tables_reads_title_headings_labels_and_list_items()
    {
        var docx = Path.Combine(ExternalTools.TempDir("python-docx"), "mou.docx");
        ExternalTools.PythonDocx(PythonDocxScript, docx);

        var imported = ImportFile(docx);

        Assert.Equal("Memorandum of understanding on training", imported.Title);
        Assert.Equal(
            [
                new ImportedClause("PP1", ClauseKind.Preambular, "Preamble", "Recalling the bulletin on special measures,"),
                new ImportedClause("OP1", ClauseKind.Operative, "Obligations", "The Parties [shall][should] train all personnel."),
                new ImportedClause(null, ClauseKind.Operative, "", "Contractors shall be bound by the policy."),
                new ImportedClause("OP3 bis", ClauseKind.Operative, "", "Welfare facilities shall be provided."),
            ],
            imported.Clauses);
    }

    [Fact]
    public void Documents_of_libreoffice_pandoc_python_docx_and_our_export_stay_far_below_the_xml_limits()
    {
        var html = WriteText("limits.html", "<html><body><h1>Heading</h1><table><tr><td><table><tr><td><p>OP1 Nested cell.</p></td></tr></table></td></tr></table></body></html>");
        var md = WriteText("limits.md", "# Heading\n\nOP1 Text with *emphasis*.\n\n1. A list item.\n");
        var pandoc = Path.Combine(ExternalTools.TempDir("pandoc"), "limits.docx");
        ExternalTools.Pandoc(md, "-o", pandoc);
        var python = Path.Combine(ExternalTools.TempDir("python-docx"), "limits.docx");
        ExternalTools.PythonDocx(PythonDocxScript, python);
        var files = new Dictionary<string, byte[]>
        {
            ["LibreOffice"] = File.ReadAllBytes(ExternalTools.SofficeConvert(html, "docx:MS Word 2007 XML")),
            ["pandoc"] = File.ReadAllBytes(pandoc),
            ["python-docx"] = File.ReadAllBytes(python),
            ["our export"] = Docx.Export(Samples.WithComments()),
        };

        foreach (var (producer, bytes) in files)
        {
            var (deepest, elements) = XmlShape.Of(bytes);
            // A margin of 8 on depth and 100 on count: the limits only refuse what no editor writes.
            Assert.True(deepest * 8 < XmlLimits.MaxDepth, $"{producer}: nested {deepest} deep");
            Assert.True(elements * 100 < XmlLimits.MaxElements, $"{producer}: {elements} elements");
            Assert.NotEmpty(Import(bytes).Clauses);
        }
    }
}
