using System.IO.Compression;

namespace MouWorkspace.Web.Tracking;

public sealed record EvidenceType(string ContentType, string Extension);

/// <summary>
/// What evidence may be: a signed PDF, a Word document, or a scan as PNG or JPEG, recognized by the file's own
/// bytes (the name and the declared content type are the sender's claims, not facts). At most <see cref="MaxBytes"/>.
/// </summary>
public static class EvidenceFiles
{
    public const long MaxBytes = Domain.Text.UploadLimits.Evidence;

    public static readonly EvidenceType Pdf = new("application/pdf", ".pdf");
    public static readonly EvidenceType Png = new("image/png", ".png");
    public static readonly EvidenceType Jpeg = new("image/jpeg", ".jpg");
    public static readonly EvidenceType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type the content shows, or null when it is none of the allowed ones.</summary>
    public static EvidenceType? Detect(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith("%PDF-"u8))
            return Pdf;
        if (bytes.StartsWith(PngSignature))
            return Png;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (bytes.StartsWith("PK\u0003\u0004"u8) && IsWordPackage(content))
            return Docx;
        return null;
    }

    /// <summary>Any zip starts with PK; a Word document is a zip with a main document part.</summary>
    private static bool IsWordPackage(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
