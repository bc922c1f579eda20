using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>A4 section with a header (organization, symbol) and a "Page X of Y" footer built from PAGE / NUMPAGES fields.</summary>
internal static class PageLayout
{
    public const int A4Width = 11906;   // twips (210 mm)
    public const int A4Height = 16838;  // twips (297 mm)

    public static SectionProperties Build(MainDocumentPart main, ExportDocument document, RunFactory runs)
    {
        var header = main.AddNewPart<HeaderPart>("rIdHeader1");
        header.Header = new Header(TitleBlock.Line("Header", $"{document.Organization}    {TitleBlock.SymbolLine(document)}", runs));
        var footer = main.AddNewPart<FooterPart>("rIdFooter1");
        footer.Footer = new Footer(PageXOfY(runs));

        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = A4Width, Height = A4Height },
            new PageMargin { Top = 1440, Right = 1304, Bottom = 1440, Left = 1304, Header = 708, Footer = 708, Gutter = 0 });
        if (runs.Language.RightToLeft)
            section.Append(new BiDi());
        return section;
    }

    private static Paragraph PageXOfY(RunFactory runs)
    {
        // The footer's words are English in every language: an English (left-to-right) paragraph even in a right-to-left
        // document. As a bidi paragraph LibreOffice laid the fields out apart from the words ("1 Page 1 of"), isolates or not.
        var ltr = runs.Language.RightToLeft ? new RunFactory(ExportLanguage.For("en"), explicitLanguage: true) : runs;
        var paragraph = TitleBlock.Line("Footer", string.Empty, ltr);
        paragraph.Append(ltr.Runs("Page "));
        paragraph.Append(Field("PAGE", "1"));
        paragraph.Append(ltr.Runs(" of "));
        paragraph.Append(Field("NUMPAGES", "1"));
        return paragraph;
    }

    // w:fldSimple: Word and LibreOffice both recompute it on layout; the run inside is the cached result.
    private static SimpleField Field(string instruction, string placeholder) =>
        new(new Run(new Text(placeholder))) { Instruction = new StringValue($" {instruction} ") };
}
