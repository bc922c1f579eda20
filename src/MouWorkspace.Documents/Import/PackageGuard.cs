using System.IO.Compression;
using System.Xml;

namespace MouWorkspace.Documents.Import;

/// <summary>
/// Checks an upload with nothing but System.IO.Compression before the OpenXml SDK parses any XML:
/// size, signature, zip central directory (entry count and declared sizes), content types, and then
/// the real expanded size, since declared sizes in a hostile zip can lie; last the nesting and element count of
/// every XML part (<see cref="PackageXml"/>), since the SDK's DOM load recurses once per level.
/// </summary>
internal static class PackageGuard
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private const string MainDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string MainTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private static readonly string[] MacroTypes =
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/vnd.ms-office.vbaProject",
    ];

    /// <summary>The upload as a seekable stream positioned at 0, once it passed every check.</summary>
    public static MemoryStream Check(Stream input, ImportOptions options)
    {
        var bytes = ReadCapped(input, options.MaxFileBytes);
        var span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        if (span.StartsWith(OleSignature))
            Reject(RejectionReason.Encrypted, "The file is an OLE compound file: a password-protected (encrypted) Word document or a legacy .doc. Remove the password and save it as .docx.");
        if (!span.StartsWith(ZipSignature))
            Reject(RejectionReason.NotZip, "The file is not a .docx (not a zip package).");

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(bytes, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new DocumentRejectedException(RejectionReason.NotZip, "The file is not a readable zip package (it is truncated or damaged).");
        }
        using (zip)
        {
            var entries = zip.Entries;
            if (entries.Count > options.MaxEntries)
                Reject(RejectionReason.ZipBomb, $"The package has {entries.Count} entries; at most {options.MaxEntries} are accepted.");
            if (entries.Sum(e => e.Length) > options.MaxExpandedBytes)
                Reject(RejectionReason.ZipBomb, $"The package would expand to more than {options.MaxExpandedBytes / (1024 * 1024)} MB.");
            if (entries.Any(e => e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
                Reject(RejectionReason.MacroEnabled, "The document contains macros (a VBA project). Save it as a macro-free .docx.");
            var types = CheckContentTypes(zip);
            CheckRealSizes(entries, options.MaxExpandedBytes);
            PackageXml.Check(zip, types, options.MaxExpandedBytes);
        }
        bytes.Position = 0;
        return bytes;
    }

    private static PartTypes CheckContentTypes(ZipArchive zip)
    {
        var entry = zip.GetEntry("[Content_Types].xml");
        if (entry is null)
            Reject(RejectionReason.NotWordDocument, "The zip package is not an Office document (no [Content_Types].xml).");
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var stream = entry!.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4_000_000 });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.GetAttribute("ContentType") is not { } type)
                    continue;
                if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
                    defaults[extension] = type;
                else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part)
                    overrides[part] = type;
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            // The parser's own text (e.g. "set the DtdProcessing property…") is not for the uploader.
            throw new DocumentRejectedException(RejectionReason.Damaged, "The package's content types ([Content_Types].xml) cannot be read: the part is damaged, not well-formed XML, or declares a DTD.");
        }
        var types = new PartTypes(defaults, overrides);
        if (types.All.Any(t => MacroTypes.Contains(t, StringComparer.OrdinalIgnoreCase)))
            Reject(RejectionReason.MacroEnabled, "The document is macro-enabled (.docm/.dotm). Save it as a macro-free .docx.");
        if (!types.All.Any(t => t.Equals(MainDocument, StringComparison.OrdinalIgnoreCase) || t.Equals(MainTemplate, StringComparison.OrdinalIgnoreCase)))
            Reject(RejectionReason.NotWordDocument, "The package is not a Word document (no wordprocessingml main part); spreadsheets and presentations cannot be imported.");
        return types;
    }

    /// <summary>Expands every entry into nothing, counting: the declared sizes are only the attacker's claim.</summary>
    private static void CheckRealSizes(IReadOnlyCollection<ZipArchiveEntry> entries, long cap)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in entries)
        {
            try
            {
                using var stream = entry.Open();
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > cap)
                        Reject(RejectionReason.ZipBomb, $"The package expands to more than {cap / (1024 * 1024)} MB.");
                }
            }
            catch (InvalidDataException)
            {
                throw new DocumentRejectedException(RejectionReason.Damaged, $"The package is damaged: its entry '{entry.FullName}' cannot be expanded.");
            }
        }
    }

    private static MemoryStream ReadCapped(Stream input, long max)
    {
        if (input.CanSeek && input.Length - input.Position > max)
            Reject(RejectionReason.TooLarge, $"The file is larger than {max / (1024 * 1024)} MB.");
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, n);
            if (copy.Length > max)
                Reject(RejectionReason.TooLarge, $"The file is larger than {max / (1024 * 1024)} MB.");
        }
        return copy;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Reject(RejectionReason reason, string message) => throw new DocumentRejectedException(reason, message);
}
