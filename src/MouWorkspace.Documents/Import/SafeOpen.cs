using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace MouWorkspace.Documents.Import;

/// <summary>Guard first, then the OpenXml SDK; any failure becomes a <see cref="DocumentRejectedException"/>.</summary>
internal static class SafeOpen
{
    public static T Read<T>(Stream input, ImportOptions options, Func<WordprocessingDocument, MainDocumentPart, T> read)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        using var checkedStream = PackageGuard.Check(input, options);
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = options.MaxExpandedBytes };
            using var word = WordprocessingDocument.Open(checkedStream, false, settings);
            var main = word.MainDocumentPart
                ?? throw new DocumentRejectedException(RejectionReason.NotWordDocument, "The package has no main document part.");
            if (main.Document?.Body is null)
                throw new DocumentRejectedException(RejectionReason.Damaged, "The document has no body.");
            return read(word, main);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException)
        {
            // The SDK's own text names its internals and settings; the uploader gets ours.
            throw new DocumentRejectedException(RejectionReason.Damaged, e switch
            {
                XmlException => "The Word document cannot be read: one of its parts is not valid XML for its kind.",
                FormatException or OpenXmlPackageException => "The Word document cannot be read: its package structure (parts and relationships) is invalid.",
                _ => "The Word document cannot be read: it is damaged.",
            });
        }
    }
}
