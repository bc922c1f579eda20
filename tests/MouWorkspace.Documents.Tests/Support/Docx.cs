using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MouWorkspace.Documents.Export;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>Export helpers: every export made through here is validated against the Microsoft 365 schemas.</summary>
internal static class Docx
{
    public static byte[] Export(ExportDocument document)
    {
        var bytes = WordExporter.ToBytes(document);
        AssertValid(bytes);
        return bytes;
    }

    public static void AssertValid(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(word).ToList();
        Assert.True(errors.Count == 0, "OpenXmlValidator: " + string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    public static T Read<T>(byte[] bytes, Func<WordprocessingDocument, T> read)
    {
        using var stream = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(stream, false);
        return read(word);
    }
}
