using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>A small real Word document: two numbered paragraphs, for the upload calls of the matrix.</summary>
public static class Docx
{
    public static byte[] Minimal()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("OP1") { Space = SpaceProcessingModeValues.Preserve }), new Run(new TabChar()), new Run(new Text("States shall train personnel."))),
                new Paragraph(new Run(new Text("OP2")), new Run(new TabChar()), new Run(new Text("States shall report.")))));
        }
        return stream.ToArray();
    }

    /// <summary>A document of <paramref name="count"/> plain operative paragraphs.</summary>
    public static byte[] Paragraphs(int count, string word = "report")
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(Enumerable.Range(1, count)
                .Select(i => new Paragraph(new Run(new Text($"States shall {word} on matter {i}."))))));
        }
        return stream.ToArray();
    }
}
