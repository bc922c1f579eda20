using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Tests.Support;

namespace MouWorkspace.Documents.Tests;

/// <summary>
/// Issue 18.8/18.9: the UN corner block and the symbol in the header, the document's own words in its language (French,
/// Spanish, Russian, Arabic right-to-left, Chinese with Simplified Chinese fonts), Add./Corr., and a translated clause
/// whose translation has no heading. Expected words are the UN's, written here from its documents, not from the code.
/// </summary>
public class DocumentIdentityExportTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly ExportIdentity Identity = new("A/AC.121/2026/L.2/Rev.2", "general", "en", "2026 substantive session", "4");

    private static ExportDocument WithIdentity(string language, ExportIdentity? identity = null) => Samples.WithComments() with
    {
        Language = language,
        Identity = identity ?? Identity,
        Annex = new PositionsAnnex(
        [
            new PositionRow("France", "agree", null, new DateOnly(2007, 3, 1)),
            new PositionRow("India", "reserve", "OP1", new DateOnly(2007, 3, 15)),
            new PositionRow("Pakistan", "object", null, new DateOnly(2007, 3, 15)),
        ], "blocked"),
    };

    private static List<string> Corner(WordprocessingDocument w) => w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "MouCornerBlock").Select(Text).ToList();

    // The text a reader sees: the isolates the exporter adds around Latin stretches in Arabic are markup, not text.
    private static string Text(DocumentFormat.OpenXml.OpenXmlElement p) => new(p.InnerText.Where(c => c is not ('\u2066' or '\u2069')).ToArray());

    private static string Header(WordprocessingDocument w) => Text(w.MainDocumentPart!.HeaderParts.Single().Header!);

    private static string Footer(WordprocessingDocument w) => Text(w.MainDocumentPart!.FooterParts.Single().Footer!);

    [Fact]
    public void The_corner_block_and_the_header_carry_the_symbol_distribution_date_and_original_language()
    {
        var bytes = Docx.Export(WithIdentity("en"));
        Docx.AssertValid(bytes);
        var (corner, header) = Docx.Read(bytes, w => (Corner(w), Header(w)));
        Assert.Equal(["A/AC.121/2026/L.2/Rev.2", "Distr.: General", "12 March 2007", "Original: English", "2026 substantive session", "Agenda item 4"], corner);
        Assert.Equal("A/AC.121/2026/L.2/Rev.2", header);

        // pandoc reads the corner block as the document's first lines, and the importer takes none of it as a clause.
        var markdown = ExternalTools.Pandoc("-f", "docx", "-t", "plain", "--wrap=none", ExternalTools.WriteTemp("identity.docx", bytes));
        output.WriteLine(markdown);
        Assert.StartsWith("A/AC.121/2026/L.2/Rev.2", markdown.TrimStart());
        Assert.Contains("Distr.: General", markdown);
        Assert.Contains("Original: English", markdown);
        var imported = Import.WordImporter.Read(new MemoryStream(bytes), Import.ImportOptions.Default);
        Assert.Equal(Samples.Clauses.Select(c => c.Number), imported.Clauses.Select(c => c.Number));
    }

    [Fact]
    public void A_french_export_writes_french_labels_dates_and_positions_and_no_english_footer()
    {
        var bytes = Docx.Export(WithIdentity("fr", Identity with { Distribution = "limited" }));
        Docx.AssertValid(bytes);
        var (corner, footer, body) = Docx.Read(bytes, w => (Corner(w), Footer(w), w.MainDocumentPart!.Document!.Body!.InnerText));
        Assert.Equal(["A/AC.121/2026/L.2/Rev.2", "Distr. limitée", "12 mars 2007", "Français", "Original : anglais", "2026 substantive session",
            "Point 4 de l’ordre du jour"], corner);
        Assert.Equal("Page 1 sur 1", footer);
        Assert.Contains("Annexe : positions sur le document Rev.2", body);
        Assert.Contains("Accepte avec une réserve", body);
        Assert.Contains("S’oppose", body);
        Assert.Contains("1er mars 2007", body);
        Assert.Contains("Consensus : bloqué", body);
        Assert.Contains("Version préliminaire non éditée", body);
        Assert.DoesNotContain("Annex:", body);
        Assert.DoesNotContain("March", body);

        // What LibreOffice lays out: the footer's fields computed among French words, nothing English left.
        var text = ExternalTools.PdfToText(ExternalTools.SofficeConvert(ExternalTools.WriteTemp("fr.docx", bytes), "pdf"));
        output.WriteLine(text);
        Assert.Contains("Page 1 sur ", text);
        Assert.DoesNotContain("1 of 1", text);
        Assert.DoesNotContain("Original: English", text);
    }

    [Fact]
    public void Spanish_and_russian_exports_write_their_own_page_annex_and_original_words()
    {
        var (es, esFooter) = Docx.Read(Docx.Export(WithIdentity("es")), w => (w.MainDocumentPart!.Document!.Body!.InnerText, Footer(w)));
        Assert.Equal("Página 1 de 1", esFooter);
        Assert.Contains("Original: inglés", es);
        Assert.Contains("Anexo: posiciones", es);
        Assert.Contains("12 de marzo de 2007", es);
        var (ru, ruFooter) = Docx.Read(Docx.Export(WithIdentity("ru")), w => (w.MainDocumentPart!.Document!.Body!.InnerText, Footer(w)));
        Assert.Equal("Стр. 1 из 1", ruFooter);
        Assert.Contains("Подлинный текст: английский", ru);
        Assert.Contains("Приложение: позиции", ru);
        Assert.Contains("12 марта 2007 года", ru);
        Assert.DoesNotContain("Page", ru + ruFooter + es + esFooter);
    }

    [Fact]
    public void An_arabic_export_writes_arabic_labels_in_right_to_left_paragraphs()
    {
        var bytes = Docx.Export(WithIdentity("ar"));
        Docx.AssertValid(bytes);
        Docx.Read(bytes, w =>
        {
            var body = w.MainDocumentPart!.Document!.Body!;
            var corner = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "MouCornerBlock").ToList();
            Assert.All(corner, p => Assert.NotNull(p.ParagraphProperties!.BiDi));
            Assert.Equal(["A/AC.121/2026/L.2/Rev.2", "التوزيع: عام", "12 آذار/مارس 2007", "العربية", "الأصل: بالإنكليزية", "2026 substantive session",
                "البند 4 من جدول الأعمال"], corner.Select(Text).ToList());
            // The Arabic words are right-to-left runs (w:rtl), so that no reader shows them reversed.
            Assert.All(corner.Skip(1).Take(4).SelectMany(p => p.Elements<Run>()).Where(r => r.InnerText.Any(c => c is >= '\u0600' and <= '\u06FF')),
                r => Assert.NotNull(r.RunProperties?.RightToLeftText));
            var footer = w.MainDocumentPart.FooterParts.Single().Footer!.Elements<Paragraph>().Single();
            Assert.NotNull(footer.ParagraphProperties!.BiDi);
            Assert.Equal("الصفحة 1 من 1", Text(footer));
            Assert.Contains("المرفق: المواقف بشأن الوثيقة Rev.2", Text(body));
            Assert.Contains("موافقة مع تحفظ", body.InnerText);
            Assert.Contains("توافق الآراء: متعذر", body.InnerText);
            return 0;
        });

        // As LibreOffice lays it out, the corner block stands at the far edge: the left one in Arabic, the right in English.
        Assert.True(SymbolX(bytes, "ar") < 0.5, "the symbol of an Arabic document stands on the left");
        Assert.True(SymbolX(Docx.Export(WithIdentity("en")), "en") > 0.5, "the symbol of an English document stands on the right");
    }

    /// <summary>Where the symbol starts on the first page, as a share of the page's width.</summary>
    private static double SymbolX(byte[] bytes, string language)
    {
        var words = ExternalTools.PdfWords(ExternalTools.SofficeConvert(ExternalTools.WriteTemp($"corner-{language}.docx", bytes), "pdf"));
        // The first is the page header's; the second the corner block's.
        var symbol = words.Where(w => w.Text.Contains("A/AC.121/2026/L.2/Rev.2", StringComparison.Ordinal)).Skip(1).First();
        return symbol.X / symbol.PageWidth;
    }

    [Fact]
    public void A_chinese_export_names_simplified_chinese_fonts_in_styles_font_table_and_theme()
    {
        var bytes = Docx.Export(WithIdentity("zh"));
        Docx.AssertValid(bytes);
        Docx.Read(bytes, w =>
        {
            var main = w.MainDocumentPart!;
            var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.Equal("SimSun", defaults.GetFirstChild<RunFonts>()!.EastAsia!.Value);
            Assert.Equal("zh-CN", defaults.GetFirstChild<Languages>()!.EastAsia!.Value);
            var fonts = main.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);
            foreach (var name in new[] { "SimSun", "Microsoft YaHei", "Noto Sans CJK SC" })
                Assert.Equal("86", fonts[name].FontCharSet!.Val!.Value); // GB2312: a Simplified Chinese font
            Assert.Equal("宋体", fonts["SimSun"].AltName!.Val!.Value);
            using var theme = new StreamReader(main.ThemePart!.GetStream());
            Assert.Contains("<a:font script=\"Hans\" typeface=\"SimSun\"/>", theme.ReadToEnd());
            Assert.Equal("zh-CN", main.DocumentSettingsPart!.Settings!.GetFirstChild<ThemeFontLanguages>()!.EastAsia!.Value);

            // The labels are Chinese words in runs that name the east-Asian font and language.
            var corner = main.Document!.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "MouCornerBlock").ToList();
            Assert.Equal(["A/AC.121/2026/L.2/Rev.2", "分发：普遍", "2007年3月12日", "中文", "原件：英文", "2026 substantive session", "议程项目4"], corner.Select(Text).ToList());
            var run = corner[4].Elements<Run>().Single();
            Assert.Equal(("SimSun", "zh-CN"), (run.RunProperties!.GetFirstChild<RunFonts>()!.EastAsia!.Value, run.RunProperties.GetFirstChild<Languages>()!.EastAsia!.Value));
            Assert.Equal("第 1 页，共 1 页", Text(main.FooterParts.Single().Footer!));
            return 0;
        });
    }

    [Fact]
    public void An_addendum_and_a_corrigendum_say_so_in_the_title_block()
    {
        var addendum = Docx.Read(Docx.Export(WithIdentity("en", Identity with { Symbol = "A/AC.121/2026/L.2/Add.1" }) with { Symbol = "Add.1" }),
            w => w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList());
        Assert.Contains("Addendum", addendum);
        var corrigendum = Docx.Read(Docx.Export(WithIdentity("fr", Identity with { Symbol = "A/AC.121/2026/L.2/Rev.1/Corr.1" }) with { Symbol = "Rev.1/Corr.1" }),
            w => (w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList(), Header(w)));
        Assert.Contains("Rectificatif", corrigendum.Item1);
        Assert.Equal("A/AC.121/2026/L.2/Rev.1/Corr.1", corrigendum.Item2);
    }

    [Fact]
    public void A_translation_without_a_heading_shows_the_original_heading_marked()
    {
        var clauses = Samples.Clauses.Select(c => c.Id == "c3" ? c with { Text = "Le pays fournisseur de contingents [doit][devrait] veiller au respect des normes." } : c).ToArray();
        var document = Samples.Clean("fr", clauses) with
        {
            Translation = new TranslationNotes("en", new Dictionary<string, ClauseTranslation>()) { OriginalHeadings = new HashSet<string> { "c3" } },
        };
        var heading = Docx.Read(Docx.Export(document), w => w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1" && p.InnerText.StartsWith("Standards", StringComparison.Ordinal))
            .Elements<Run>().Select(r => (r.InnerText, r.RunProperties?.RunStyle?.Val?.Value, r.RunProperties?.GetFirstChild<Languages>()?.Val?.Value)).ToList());
        Assert.Equal(("Standards of conduct", null, "en-GB"), heading[0]);
        Assert.Equal((" [Heading not yet translated — English original]", "MouTranslationNote", "en-GB"), heading[1]);
    }
}
