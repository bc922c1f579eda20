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
        var document = new ExportDocument("United Nations", "مذكرة تفاهم نموذجية", "Rev.2", new DateOnly(2026, 3, 1), false, "ar",
        [
            new ExportClause("a", "OP3 bis", "", ArabicWithSymbol, ClauseKind.Operative),
            new ExportClause("b", "PP1", "", Samples.Arabic, ClauseKind.Preambular),
        ]);
        var bytes = Docx.Export(document);
        Docx.AssertValid(bytes);
        var lines = ExternalTools.PdfVisualLines(ExternalTools.SofficeConvert(ExternalTools.WriteTemp("rtl-order.docx", bytes), "pdf"));
        output.WriteLine(string.Join("\n", lines));

        // The date and the footer are Arabic words (issue 18.9) with digits among them: read from the right, the day comes
        // first and the year last; the page number follows "الصفحة".
        // (March: poppler gives the lam-alef ligature of "الأول" back in its own order, which a reversal cannot predict.)
        Assert.Contains(Visual("1 آذار/مارس 2026"), lines);
        Assert.Contains(Visual("الصفحة 1 من 1"), lines);
        Assert.Contains(lines, l => l.Contains("ST/SGB/2003/13", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("OP3 bis", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Page", StringComparison.Ordinal) || l.Contains("December", StringComparison.Ordinal));
    }

    /// <summary>
    /// A right-to-left line as the word boxes ordered by x give it: the characters from left to right (Arabic letters
    /// therefore reversed), runs of digits and Latin letters in their own order.
    /// </summary>
    private static string Visual(string logical)
    {
        var reversed = new string(logical.Reverse().ToArray());
        return System.Text.RegularExpressions.Regex.Replace(reversed, "[0-9A-Za-z.]+", m => new string(m.Value.Reverse().ToArray()));
    }
}
