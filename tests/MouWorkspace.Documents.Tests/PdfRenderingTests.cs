using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

/// <summary>LibreOffice lays the exports out as PDF; poppler reads the text back.</summary>
public class PdfRenderingTests
{
    private static string RenderPdfText(ExportDocument document)
    {
        var docx = ExternalTools.WriteTemp("export.docx", Docx.Export(document));
        return ExternalTools.PdfToText(ExternalTools.SofficeConvert(docx, "pdf"));
    }

    private static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('\u202A' or '\u202B' or '\u202C')).ToArray());

    /// <summary>
    /// Arabic words are checked one by one: pdftotext gives the lam-alef ligature back as two letters in
    /// visual order, so words holding one are left out of the comparison.
    /// </summary>
    private static void AssertArabicWords(string pdfText, string arabic)
    {
        var words = arabic.Split(' ').Where(w => !w.Contains("لأ") && !w.Contains("لا") && !w.Contains("لإ")).ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.Contains(w, pdfText));
    }

    [Fact]
    public void English_arabic_and_chinese_clause_texts_are_in_the_pdf()
    {
        var clauses = Samples.Clauses
            .Append(new ExportClause("a", "OP4", "", Samples.Arabic, ClauseKind.Operative))
            .Append(new ExportClause("z", "OP5", "", Samples.Chinese, ClauseKind.Operative)).ToList();

        var text = RenderPdfText(Samples.Clean("en", clauses));

        var squashed = Squash(text);
        foreach (var clause in Samples.Clauses)
            Assert.Contains(Squash(clause.Text), squashed);
        Assert.Contains(Samples.Chinese, squashed);
        AssertArabicWords(text, Samples.Arabic);
        Assert.Contains("Page 1 of 1", text);
        Assert.Contains("Advance unedited version", text);
    }

    [Fact]
    public void Arabic_document_renders_its_clause_text()
    {
        var text = RenderPdfText(Samples.Clean("ar", [new ExportClause("a", "OP1", "", Samples.Arabic, ClauseKind.Operative)]));
        AssertArabicWords(text, Samples.Arabic);
    }
}
