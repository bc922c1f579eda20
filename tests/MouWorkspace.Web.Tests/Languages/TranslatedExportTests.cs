using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Tests;
using MouWorkspace.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static MouWorkspace.Web.Tests.Languages.ParallelTextsApiTests;

namespace MouWorkspace.Web.Tests.Languages;

/// <summary>Word and Akoma Ntoso exports in a language version write the translated text, right to left for Arabic.</summary>
[Collection("api")]
public sealed class TranslatedExportTests(ApiFixture fixture, ITestOutputHelper output)
{
    private const string ArabicOp2 = "تمارس الحكومة [ولايتها القضائية][ولايتها].";
    private const string ChineseOp1 = "各国应培训所有人员。";

    private async Task<(HttpClient Sec, string Mou)> TranslatedAsync()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Export secretariat");
        var mou = await sec.CreateMouAsync();
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var op2 = await sec.AddClauseAsync(mou, "The Government shall exercise [its jurisdiction][jurisdiction].", "Jurisdiction");
        await sec.AddClauseAsync(mou, "Untranslated clause.", "Later");
        await AddLanguageAsync(sec, mou, "ar");
        await AddLanguageAsync(sec, mou, "zh");
        await (await TranslateAsync(sec, mou, op1, "ar", ArabicOp1, "\"0\"", heading: "التدريب")).JsonAsync(HttpStatusCode.OK);
        await (await TranslateAsync(sec, mou, op2, "ar", ArabicOp2, "\"0\"")).JsonAsync(HttpStatusCode.OK);
        await (await TranslateAsync(sec, mou, op1, "zh", ChineseOp1, "\"0\"", heading: "培训")).JsonAsync(HttpStatusCode.OK);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        return (sec, mou);
    }

    [Fact]
    public async Task The_arabic_word_export_is_a_right_to_left_document_with_the_translated_text_that_libreoffice_renders()
    {
        var (sec, mou) = await TranslatedAsync();
        var response = await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=1&language=ar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OP3", response.Headers.GetValues("X-Untranslated-Clauses").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        OfficeChecks.AssertValidWordDocument(bytes);

        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            Assert.NotNull(body.Elements<SectionProperties>().Single().GetFirstChild<BiDi>());
            var clauses = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "MouClause").ToArray();
            Assert.Equal(3, clauses.Length);
            Assert.All(clauses[..2], p => Assert.NotNull(p.ParagraphProperties!.GetFirstChild<BiDi>()));
            // The untranslated clause is English: a left-to-right paragraph (laid out right to left it read ",population it serves"; issue 15.5).
            Assert.Null(clauses[2].ParagraphProperties!.GetFirstChild<BiDi>());
            Assert.Contains(ArabicOp1, clauses[0].InnerText);
            Assert.Contains("[ولايتها القضائية][ولايتها]", clauses[1].InnerText);
            Assert.Contains("Untranslated clause.", clauses[2].InnerText); // written in the original, and said so in the header
            var arabicRuns = clauses[0].Descendants<Run>().Where(r => r.InnerText.Contains("الدول")).ToArray();
            Assert.NotEmpty(arabicRuns);
            Assert.All(arabicRuns, r =>
            {
                Assert.NotNull(r.RunProperties?.GetFirstChild<RightToLeftText>());
                Assert.Equal("ar-SA", r.RunProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Languages>()?.Bidi?.Value);
            });
            var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText).ToArray();
            Assert.Contains("التدريب", headings);
            var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
            Assert.False(string.IsNullOrEmpty(defaults.ComplexScript?.Value));
        }

        var text = await OfficeChecks.PdfTextAsync(bytes);
        output.WriteLine(text);
        // pdftotext gives Arabic back in logical order when LibreOffice laid it out right to left with a font that has the glyphs
        Assert.Contains("الدول", text);
        Assert.Contains("OP1", text);
    }

    [Fact]
    public async Task The_chinese_word_export_has_east_asian_typography_and_keeps_text_without_spaces()
    {
        var (sec, mou) = await TranslatedAsync();
        var response = await sec.GetAsync($"/api/mous/{mou}/export.docx?language=zh");
        Assert.Equal("OP2, OP3", response.Headers.GetValues("X-Untranslated-Clauses").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        OfficeChecks.AssertValidWordDocument(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Null(body.Elements<SectionProperties>().Single().GetFirstChild<BiDi>());
        var op1 = body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "MouClause");
        Assert.Equal("OP1\t" + ChineseOp1, string.Concat(op1.Descendants().Select(e => e is TabChar ? "\t" : e is Text t ? t.Text : "")));
        var run = op1.Descendants<Run>().Single(r => r.InnerText == ChineseOp1);
        Assert.Equal("zh-CN", run.RunProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Languages>()!.EastAsia!.Value);
        Assert.False(string.IsNullOrEmpty(run.RunProperties.GetFirstChild<RunFonts>()!.EastAsia?.Value));
    }

    [Fact]
    public async Task A_redline_in_a_language_version_tracks_the_changes_of_the_translation()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Export secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Traducteur");
        var mou = await sec.CreateMouAsync();
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        await AddLanguageAsync(sec, mou, "fr");
        await (await TranslateAsync(legal, mou, op1, "fr", FrenchOp1, "\"0\"")).JsonAsync(HttpStatusCode.OK);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{op1}", "States shall train and certify all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await TranslateAsync(legal, mou, op1, "fr", "Les États forment et certifient tout le personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);

        var response = await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=2&base=1&language=fr");
        Assert.Equal("", response.Headers.GetValues("X-Untranslated-Clauses").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        OfficeChecks.AssertValidWordDocument(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var inserted = string.Concat(body.Descendants<InsertedRun>().Select(r => r.InnerText));
        Assert.Contains("certifient", inserted);
        Assert.All(body.Descendants<InsertedRun>(), r => Assert.Equal("Traducteur", r.Author?.Value));
        Assert.DoesNotContain("certify", body.InnerText); // the French text, not the English one
        Assert.Contains("Les États", body.InnerText);
    }

    [Fact]
    public async Task The_akoma_ntoso_export_in_a_language_version_carries_the_translation_and_validates()
    {
        var (sec, mou) = await TranslatedAsync();
        var response = await sec.GetAsync($"/api/mous/{mou}/export.akn.xml?revision=1&language=ar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        XNamespace a = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
        var xml = XDocument.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal("ara", (string?)xml.Descendants(a + "FRBRlanguage").Single().Attribute("language"));
        var paragraphs = xml.Descendants(a + "paragraph").ToArray();
        Assert.Equal(["OP1", "OP2", "OP3"], paragraphs.Select(p => p.Element(a + "num")!.Value));
        Assert.Equal(ArabicOp1, paragraphs[0].Element(a + "content")!.Value);
        Assert.Equal("التدريب", paragraphs[0].Element(a + "heading")!.Value);
        Assert.Equal(["ولايتها القضائية", "ولايتها"], paragraphs[1].Descendants(a + "inline")
            .Where(i => (string?)i.Attribute("name") == "alternative").Select(i => i.Value));
        var schemas = AkomaNtosoSchema.Require();
        var errors = AkomaNtosoSchema.Validate(schemas, bytes);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task An_export_in_a_language_the_mou_has_no_version_in_is_refused_with_the_versions_it_has()
    {
        var (sec, mou) = await TranslatedAsync();
        foreach (var path in new[] { "export.docx?language=fr", "export.docx?revision=1&language=es", "export.akn.xml?language=fr" })
        {
            var problem = await (await sec.GetAsync($"/api/mous/{mou}/{path}")).ProblemAsync(HttpStatusCode.NotFound);
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains("this MOU has no", detail);
            Assert.Contains("its versions are English, Arabic, Chinese", detail);
        }
        Assert.Equal(HttpStatusCode.OK, (await sec.GetAsync($"/api/mous/{mou}/export.docx?language=en")).StatusCode);
    }

    private static Paragraph[] ClauseParagraphs(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "MouClause").Select(p => (Paragraph)p.CloneNode(true)).ToArray();
    }

    private static string Note(Paragraph paragraph) => string.Concat(paragraph.Elements<Run>()
        .Where(r => r.RunProperties?.RunStyle?.Val == "MouTranslationNote").Select(r => r.InnerText)).Trim('\u2066', '\u2069', ' ');

    private static string TitleBlock(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "MouTitleBlock").Select(p => p.InnerText.Trim('\u2066', '\u2069')));
    }

    [Fact]
    public async Task An_untranslated_clause_is_marked_in_the_document_and_written_as_the_original()
    {
        var (sec, mou) = await TranslatedAsync();
        var response = await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=1&language=ar");
        Assert.Equal("OP3", response.Headers.GetValues("X-Untranslated-Clauses").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        OfficeChecks.AssertValidWordDocument(bytes);
        var clauses = ClauseParagraphs(bytes);
        Assert.Equal(["", "", "[Not yet translated — English original]"], clauses.Select(Note));
        Assert.Null(clauses[2].ParagraphProperties!.GetFirstChild<BiDi>()); // English, left to right, in the Arabic document
        Assert.All(clauses[2].Elements<Run>().Where(r => r.InnerText.Contains("Untranslated")),
            r => Assert.Equal("en-GB", r.RunProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Languages>()?.Val?.Value));
        Assert.Contains("Translation incomplete: 1 of 3 clauses not yet translated (shown in the English original).", TitleBlock(bytes));
    }

    [Fact]
    public async Task An_outdated_translation_is_marked_with_the_draft_it_translates_and_the_current_one()
    {
        var (sec, mou) = await TranslatedAsync();
        var op1 = (await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses")[0].GetProperty("id").GetString()!;
        await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{op1}", "States shall train and certify all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);

        var response = await sec.GetAsync($"/api/mous/{mou}/export.docx?language=zh");
        Assert.Equal("OP1", response.Headers.GetValues("X-Outdated-Translations").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        OfficeChecks.AssertValidWordDocument(bytes);
        var clauses = ClauseParagraphs(bytes);
        Assert.Equal("[Translation out of date: translates v1 of the original, now v2]", Note(clauses[0]));
        Assert.Contains(ChineseOp1, clauses[0].InnerText);
        Assert.Equal("[Not yet translated — English original]", Note(clauses[1]));
        Assert.Contains("Translation incomplete: 2 of 3 clauses not yet translated (shown in the English original); 1 of 3 translations out of date.",
            TitleBlock(bytes));
    }
}
