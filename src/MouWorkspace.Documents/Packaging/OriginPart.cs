using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Packaging;

/// <summary>
/// Where an exported copy comes from, written into the .docx as a custom XML part (issue 18.1): the MOU, the revision (or
/// the current drafts), the base of a redline, the language, each clause's number and the version of the text the copy
/// holds, and a fingerprint of each Word comment it carries. A delegation returns that copy marked up; reading the part
/// back, the server measures the markup against exactly what it sent, so only what the delegation changed or added is
/// theirs (not the secretariat's own tracked changes, not the comments of others the copy showed).
/// </summary>
public static class OriginPart
{
    public const string Namespace = "urn:mouworkspace:export-origin:1";

    private static readonly XNamespace N = Namespace;

    internal static void Write(MainDocumentPart main, ExportOrigin origin)
    {
        var root = new XElement(N + "origin",
            new XAttribute("mou", origin.MouId),
            new XAttribute("language", origin.Language),
            origin.Revision is { } revision ? new XAttribute("revision", revision) : null,
            origin.Base is { } @base ? new XAttribute("base", @base) : null,
            origin.Compilation ? new XAttribute("compilation", "true") : null,
            origin.Clauses.Select(c => new XElement(N + "clause", new XAttribute("id", c.Id), new XAttribute("number", c.Number), new XAttribute("version", c.Version),
                new XAttribute("text", c.TextHash))),
            origin.Comments.Select(c => new XElement(N + "comment", new XAttribute("author", c.Author), new XAttribute("text", c.TextHash))));
        // A fixed relationship id: exports stay byte-identical for the same input.
        var part = main.AddCustomXmlPart(CustomXmlPartType.CustomXml, "rIdOrigin");
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(new XDocument(root).ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>The origin the copy carries, or null (not our export, or one made before origins were written).</summary>
    public static ExportOrigin? Read(MainDocumentPart main)
    {
        foreach (var part in main.CustomXmlParts)
        {
            XDocument xml;
            try
            {
                using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
                xml = XDocument.Load(XmlReaderFor(stream));
            }
            catch (System.Xml.XmlException)
            {
                continue; // someone else's custom XML that is not ours to read
            }
            if (xml.Root is not { } root || root.Name != N + "origin")
                continue;
            int? Number(string name) => int.TryParse((string?)root.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            return new ExportOrigin(
                (string?)root.Attribute("mou") ?? "",
                Number("revision"),
                Number("base"),
                (string?)root.Attribute("language") ?? "en",
                (string?)root.Attribute("compilation") == "true",
                root.Elements(N + "clause").Select(c => new OriginClause((string?)c.Attribute("id") ?? "", (string?)c.Attribute("number") ?? "",
                    int.TryParse((string?)c.Attribute("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0,
                    (string?)c.Attribute("text") ?? "")).ToArray(),
                root.Elements(N + "comment").Select(c => new OriginComment((string?)c.Attribute("author") ?? "", (string?)c.Attribute("text") ?? "")).ToArray());
        }
        return null;
    }

    /// <summary>A comment's fingerprint: its author and the SHA-256 of its text (the copy need not repeat the words).</summary>
    public static OriginComment Fingerprint(string author, string text) => new(author, TextHash(text));

    /// <summary>The first 16 hex digits of the SHA-256 of the text, trimmed.</summary>
    public static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())))[..16];

    // The package guard has bounded depth and size before anything is parsed; DTDs are refused here too.
    private static System.Xml.XmlReader XmlReaderFor(Stream stream) =>
        System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
}
