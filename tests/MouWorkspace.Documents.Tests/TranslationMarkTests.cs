using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace MouWorkspace.Documents.Tests;

/// <summary>A language version's gaps are marked in the document; resolved comment threads are exported as done.</summary>
public class TranslationMarkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static ExportDocument Arabic() => new("United Nations", "مذكرة تفاهم", "Rev.2", new DateOnly(2026, 12, 1), false, "ar",
    [
        new ExportClause("a", "OP1", "", Samples.Arabic, ClauseKind.Operative),
        new ExportClause("b", "OP2", "", "The Government shall investigate allegations, as the population it serves expects.", ClauseKind.Operative),
        new ExportClause("c", "OP3", "", "تلتزم الدول", ClauseKind.Operative),
    ])
    {
        Translation = new TranslationNotes("en", new Dictionary<string, ClauseTranslation>
        {
            ["b"] = new(TranslationMark.Untranslated, null, 1),
            ["c"] = new(TranslationMark.Outdated, 2, 4),
        }),
    };

    private static Paragraph[] Clauses(byte[] bytes) => Docx.Read(bytes, w => w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "MouClause").Select(p => (Paragraph)p.CloneNode(true)).ToArray());

    private static string Note(Paragraph p) => string.Concat(p.Elements<Run>()
        .Where(r => r.RunProperties?.RunStyle?.Val == "MouTranslationNote").Select(r => r.InnerText)).Trim('\u2066', '\u2069', ' ');

    [Fact]
    public void An_untranslated_clause_is_marked_and_written_as_an_english_left_to_right_paragraph()
    {
        var bytes = Docx.Export(Arabic());
        Docx.AssertValid(bytes);
        var clauses = Clauses(bytes);
        Assert.Equal("", Note(clauses[0]));
        Assert.Equal("[Not yet translated — English original]", Note(clauses[1]));
        Assert.Null(clauses[1].ParagraphProperties!.GetFirstChild<BiDi>());
        Assert.NotNull(clauses[0].ParagraphProperties!.GetFirstChild<BiDi>());
        var text = clauses[1].Elements<Run>().Where(r => r.InnerText.Contains("Government")).ToArray();
        Assert.NotEmpty(text);
        Assert.All(text, r =>
        {
            Assert.Equal("en-GB", r.RunProperties?.Languages?.Val?.Value);
            Assert.Null(r.RunProperties!.GetFirstChild<RightToLeftText>());
        });
        Assert.DoesNotContain('\u2066', clauses[1].InnerText); // an LTR paragraph needs no isolates
    }

    [Fact]
    public void An_outdated_translation_is_marked_with_the_drafts_and_the_title_block_counts_the_gaps()
    {
        var bytes = Docx.Export(Arabic());
        Assert.Equal("[Translation out of date: translates v2 of the original, now v4]", Note(Clauses(bytes)[2]));
        var titleBlock = Docx.Read(bytes, w => w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "MouTitleBlock").Select(p => p.InnerText.Trim('\u2066', '\u2069')).ToArray());
        Assert.Contains("Translation incomplete: 1 of 3 clauses not yet translated (shown in the English original); 1 of 3 translations out of date.", titleBlock);

        var pdf = ExternalTools.SofficeConvert(ExternalTools.WriteTemp("marks.docx", bytes), "pdf");
        var lines = ExternalTools.PdfVisualLines(pdf);
        output.WriteLine(string.Join("\n", lines));
        var seen = string.Join(" ", lines); // lines wrap; each is in visual order, left to right
        Assert.Contains("OP2 [Not yet translated — English original] The Government shall investigate allegations, as the population it serves expects.", seen);
        Assert.Contains("[Translation out of date: translates v2 of the original, now v4]", seen);
    }

    [Fact]
    public void The_notes_are_not_read_back_as_clause_text()
    {
        var imported = Import.WordImporter.Read(new MemoryStream(Docx.Export(Arabic())), Import.ImportOptions.Default);
        Assert.Equal("The Government shall investigate allegations, as the population it serves expects.", imported.Clauses[1].Text);
        Assert.Equal(Samples.Arabic, imported.Clauses[0].Text);
        Assert.DoesNotContain(imported.Clauses, c => c.Text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') >= 0);
    }

    [Fact]
    public void A_resolved_thread_is_done_for_its_root_and_its_replies_and_still_validates()
    {
        var document = Samples.WithComments() with
        {
            Comments =
            [
                new ExportComment("k1", "c3", "France (FRA)", Samples.T0, "We prefer \"shall\".", "[shall][should]", null, Resolved: true),
                new ExportComment("k2", "c3", "India (IND)", Samples.T0.AddHours(2), "Agreed.", null, "k1"),
                new ExportComment("k3", "c4", "Morocco (MAR)", Samples.T0.AddHours(3), "Define the deadline.", null, null),
            ],
        };
        var bytes = Docx.Export(document);
        Docx.AssertValid(bytes);
        var done = Docx.Read(bytes, w => w.MainDocumentPart!.WordprocessingCommentsExPart!.CommentsEx!.Elements<W15.CommentEx>()
            .Select(e => e.Done?.Value).ToArray());
        Assert.Equal([true, true, false], done);
        var xml = Docx.Read(bytes, w => w.MainDocumentPart!.WordprocessingCommentsExPart!.CommentsEx!.OuterXml);
        Assert.Matches("w15:done=\"(1|true)\"", xml);
    }
}
