using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// A4 section with a header (the document symbol, or organization and revision label) and a "Page X of Y" footer in the
/// document's language, built from PAGE / NUMPAGES fields; the text's lines numbered in the margin, restarting per page.
/// </summary>
internal static class PageLayout
{
    public const int A4Width = 11906;   // twips (210 mm)
    public const int A4Height = 16838;  // twips (297 mm)

    public static SectionProperties Build(MainDocumentPart main, ExportDocument document, RunFactory runs)
    {
        var header = main.AddNewPart<HeaderPart>("rIdHeader1");
        // A UN document's pages carry its symbol; without one, the organization and the revision label.
        var heading = document.Identity?.Symbol ?? $"{document.Organization}    {TitleBlock.SymbolLine(document, runs.Language.Words)}";
        header.Header = new Header(TitleBlock.Line("Header", heading, runs));
        var footer = main.AddNewPart<FooterPart>("rIdFooter1");
        footer.Footer = new Footer(PageXOfY(runs));

        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = A4Width, Height = A4Height },
            new PageMargin { Top = 1440, Right = 1304, Bottom = 1440, Left = 1304, Header = 708, Footer = 708, Gutter = 0 },
            // Every line of the text numbered in the margin, restarting on each page, as on a UN room paper and in the PDF.
            new LineNumberType { CountBy = 1, Restart = LineNumberRestartValues.NewPage, Distance = "283" });
        if (runs.Language.RightToLeft)
            section.Append(new BiDi());
        return section;
    }

    private static Paragraph PageXOfY(RunFactory runs)
    {
        // In the document's words ("Page 1 sur 2", "الصفحة 1 من 2", "第 1 页，共 2 页"). An Arabic footer is a bidi paragraph
        // of Arabic words with the two fields among them: their digits then stand where an Arabic reader looks for them.
        // (English words in a bidi paragraph were what LibreOffice laid out apart from the fields: "1 Page 1 of".)
        var words = runs.Language.Words;
        var paragraph = TitleBlock.Line("Footer", string.Empty, runs);
        paragraph.Append(runs.Runs(words.PageBefore));
        paragraph.Append(Field("PAGE", "1"));
        paragraph.Append(runs.Runs(words.PageBetween));
        paragraph.Append(Field("NUMPAGES", "1"));
        if (words.PageAfter.Length > 0)
            paragraph.Append(runs.Runs(words.PageAfter));
        return paragraph;
    }

    // w:fldSimple: Word and LibreOffice both recompute it on layout; the run inside is the cached result.
    private static SimpleField Field(string instruction, string placeholder) =>
        new(new Run(new Text(placeholder))) { Instruction = new StringValue($" {instruction} ") };
}
