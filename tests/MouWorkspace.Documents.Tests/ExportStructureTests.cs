using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

public class ExportStructureTests
{
    private static List<Paragraph> Clauses(WordprocessingDocument word) =>
        word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "MouClause").ToList();

    [Fact]
    public void Title_block_has_organization_title_symbol_date_and_advance_unedited_mark()
    {
        var lines = Docx.Read(Docx.Export(Samples.Clean()), w => w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Take(5)
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList());

        Assert.Equal(("MouTitleBlock", "United Nations"), lines[0]);
        Assert.Equal(("Title", Samples.Clean().Title), lines[1]);
        Assert.Equal("Rev.2", lines[2].Text);
        Assert.Equal("12 March 2007", lines[3].Text);
        Assert.Equal("Advance unedited version", lines[4].Text);
    }

    [Fact]
    public void The_text_lines_are_numbered_restarting_on_each_page_and_the_front_matter_is_not_counted()
    {
        var (numbering, unnumbered, numbered) = Docx.Read(Docx.Export(Samples.Clean() with
        {
            Identity = new ExportIdentity("A/AC.121/2026/L.2", "general", "en", null, null),
        }), w =>
        {
            var styles = w.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
            bool Suppressed(string id) => styles[id].StyleParagraphProperties?.SuppressLineNumbers is not null;
            return (w.MainDocumentPart.Document!.Body!.Elements<SectionProperties>().Single().GetFirstChild<LineNumberType>(),
                new[] { "MouTitleBlock", "MouCornerBlock", "Title" }.Where(Suppressed).ToList(),
                new[] { "MouClause", "Heading1", "Normal" }.Where(Suppressed).ToList());
        });

        Assert.NotNull(numbering);
        Assert.Equal((short)1, numbering.CountBy?.Value);
        Assert.Equal(LineNumberRestartValues.NewPage, numbering.Restart?.Value);
        Assert.Equal(["MouTitleBlock", "MouCornerBlock", "Title"], unnumbered);
        Assert.Empty(numbered);
        Docx.AssertValid(Docx.Export(Samples.Clean()));
    }

    [Fact]
    public void Styles_part_defines_word_built_in_styles_and_headings_use_them()
    {
        var (ids, headings) = Docx.Read(Docx.Export(Samples.Clean()), w => (
            w.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet(),
            w.MainDocumentPart.Document!.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList()));

        Assert.Superset(new HashSet<string?> { "Normal", "Title", "Heading1", "Heading2", "Header", "Footer" }, ids);
        Assert.Equal(["Purpose", "Standards of conduct", "Training"], headings);
    }

    [Fact]
    public void Each_clause_paragraph_starts_with_its_number_and_keeps_brackets_exactly()
    {
        var paragraphs = Docx.Read(Docx.Export(Samples.Clean()), w => Clauses(w).Select(p => p.InnerText).ToList());

        Assert.Equal(Samples.Clauses.Select(c => c.Number + c.Text), paragraphs); // label run, tab (no inner text), clause text
        var labels = Docx.Read(Docx.Export(Samples.Clean()), w => Clauses(w).Select(p => p.Elements<Run>().First().InnerText).ToList());
        Assert.Equal(["PP1", "PP2", "OP1", "OP2", "OP3 bis"], labels);
    }

    [Fact]
    public void Section_is_a4_with_header_symbol_and_page_x_of_y_footer()
    {
        Docx.Read(Docx.Export(Samples.Clean()), w =>
        {
            var section = w.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
            var size = section.GetFirstChild<PageSize>()!;
            Assert.Equal(11906u, size.Width!.Value);
            Assert.Equal(16838u, size.Height!.Value);
            Assert.Contains("Rev.2", w.MainDocumentPart.HeaderParts.Single().Header!.InnerText);
            var footer = w.MainDocumentPart.FooterParts.Single().Footer!;
            Assert.Equal(new[] { " PAGE ", " NUMPAGES " }, footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!).ToList());
            Assert.StartsWith("Page ", footer.InnerText);
            return 0;
        });
    }

    [Fact]
    public void Same_input_gives_identical_bytes_with_fixed_zip_timestamps()
    {
        var first = Docx.Export(Samples.WithComments());
        Thread.Sleep(2100); // zip times have 2-second resolution: without the fix, entries would differ
        var second = Docx.Export(Samples.WithComments());

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_not_fatal()
    {
        var clause = new ExportClause("x", "OP9", "", "bad\u0001 char \uD800 here\uFFFE", ClauseKind.Operative);
        var text = Docx.Read(Docx.Export(Samples.Clean(clauses: [clause])), w => Clauses(w).Single().InnerText);
        Assert.Equal("OP9bad char  here", text);
    }

    [Fact]
    public void Arabic_document_is_right_to_left_with_complex_script_font()
    {
        var clauses = new[] { new ExportClause("a", "OP1", "", Samples.Arabic, ClauseKind.Operative) };
        Docx.Read(Docx.Export(Samples.Clean("ar", clauses)), w =>
        {
            var body = w.MainDocumentPart!.Document!.Body!;
            Assert.All(body.Elements<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.GetFirstChild<BiDi>()));
            Assert.NotNull(body.GetFirstChild<SectionProperties>()!.GetFirstChild<BiDi>());
            var arabicRun = Clauses(w).Single().Elements<Run>().Single(r => r.InnerText == Samples.Arabic);
            Assert.NotNull(arabicRun.RunProperties?.RightToLeftText);
            var fonts = w.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
            Assert.Equal("Arial", fonts.ComplexScript!.Value);
            return 0;
        });
    }

    [Fact]
    public void Arabic_words_in_an_english_clause_get_their_own_rtl_run()
    {
        var clause = new ExportClause("m", "OP1", "", "The term " + Samples.Arabic + " applies.", ClauseKind.Operative);
        var runs = Docx.Read(Docx.Export(Samples.Clean(clauses: [clause])), w =>
            Clauses(w).Single().Elements<Run>().Skip(1).Select(r => (r.InnerText, Rtl: r.RunProperties?.RightToLeftText is not null)).ToList());
        Assert.Contains(runs, r => r.Rtl && r.InnerText.Contains("تلتزم"));
        Assert.Contains(runs, r => !r.Rtl && r.InnerText.StartsWith("The term"));
    }

    [Fact]
    public void Chinese_text_gets_east_asian_font_and_zh_cn_language()
    {
        var clause = new ExportClause("z", "OP1", "", Samples.Chinese, ClauseKind.Operative);
        var run = Docx.Read(Docx.Export(Samples.Clean("zh", [clause])), w => Clauses(w).Single().Elements<Run>().Last().RunProperties!.CloneNode(true));
        Assert.Equal("SimSun", run.GetFirstChild<RunFonts>()!.EastAsia!.Value);
        Assert.Equal("zh-CN", run.GetFirstChild<Languages>()!.EastAsia!.Value);
    }

    [Fact]
    public void Annex_lists_positions_and_consensus()
    {
        var (rows, consensus) = Docx.Read(Docx.Export(Samples.WithComments()), w =>
        {
            var body = w.MainDocumentPart!.Document!.Body!;
            var table = body.Elements<Table>().Single();
            return (table.Elements<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList(),
                body.Elements<Paragraph>().Last().InnerText);
        });
        // Positions spelled out (issue 18.9); the sample's rows name "Agree", "Reserve", "Object" as the web layer's wire words do, in any case.
        Assert.Equal(["State|Position|Note|Date", "France (FRA)|Agrees||14 March 2007",
            "India (IND)|Agrees with a reservation|Subject to OP1 alternatives|15 March 2007", "Pakistan (PAK)|Objects|OP2 timing|15 March 2007"], rows);
        Assert.Equal("Consensus: blocked", consensus);
    }
}
