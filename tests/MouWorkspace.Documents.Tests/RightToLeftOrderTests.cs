using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

/// <summary>
/// Latin and digit runs inside right-to-left paragraphs (dates, clause labels, document symbols, the page footer)
/// read in their own order once LibreOffice has laid the Arabic export out and poppler reads it back.
/// </summary>
public class RightToLeftOrderTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string ArabicWithSymbol = "تلتزم الدول بنشرة الأمين العام ST/SGB/2003/13 بشأن التدابير الخاصة";

    [Fact]
    public void Dates_labels_symbols_and_the_page_footer_read_in_order_in_an_arabic_export()
    {
        var document = new ExportDocument("United Nations", "مذكرة تفاهم نموذجية", "Rev.2", new DateOnly(2026, 12, 1), false, "ar",
        [
            new ExportClause("a", "OP3 bis", "", ArabicWithSymbol, ClauseKind.Operative),
            new ExportClause("b", "PP1", "", Samples.Arabic, ClauseKind.Preambular),
        ]);
        var bytes = Docx.Export(document);
        Docx.AssertValid(bytes);
        var lines = ExternalTools.PdfVisualLines(ExternalTools.SofficeConvert(ExternalTools.WriteTemp("rtl-order.docx", bytes), "pdf"));
        output.WriteLine(string.Join("\n", lines));

        Assert.Contains("1 December 2026", lines);
        Assert.Contains("Page 1 of 1", lines);
        Assert.Contains(lines, l => l.Contains("ST/SGB/2003/13", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("OP3 bis", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("December 2026 1", StringComparison.Ordinal) || l.Contains("1 of Page", StringComparison.Ordinal));
    }
}
