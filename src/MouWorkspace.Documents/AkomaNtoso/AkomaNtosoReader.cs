using System.Xml;
using System.Xml.Linq;
using MouWorkspace.Documents.Import;

namespace MouWorkspace.Documents.AkomaNtoso;

/// <summary>
/// Reads an Akoma Ntoso 3.0 document into a negotiating text: ours (as <see cref="AkomaNtosoWriter"/> writes it, read
/// back exactly) and foreign ones as legal-data projects publish them (<see cref="AknWalker"/> says how each structure
/// maps to clauses and what is reported as not imported). The language is the expression's <c>FRBRlanguage</c>.
/// Untrusted input: no DTD, no external resources, and a size, nesting and element limit checked by a streaming
/// pass before any tree is built.
/// </summary>
public static class AkomaNtosoReader
{
    /// <summary>Deepest element nesting accepted (the one limit of <see cref="XmlLimits"/>); our own export stays far below it (a few levels per bracket).</summary>
    public const int MaxDepth = XmlLimits.MaxDepth;

    /// <summary>
    /// Most elements accepted in one file: a 500-article act marked up to the point has some tens of thousands; an MOU
    /// holds at most <see cref="Domain.Text.MouLimits.MaxClauses"/> clauses. Far below <see cref="XmlLimits.MaxElements"/>
    /// (a zip's budget): the tree of a file at this limit takes a few tens of MB.
    /// </summary>
    public const int MaxElements = 200_000;

    /// <summary>True when <paramref name="head"/> (the first bytes of an upload) starts like XML: '&lt;' after an optional UTF-8 BOM and whitespace.</summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b == (byte)'<';
        }
        return false;
    }

    /// <exception cref="DocumentRejectedException">too large, not well-formed XML, a DTD, or not Akoma Ntoso.</exception>
    public static ImportedText Read(Stream input, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = ReadLimited(input, options.MaxFileBytes);
        var document = Load(bytes, options);

        var root = document.Root!;
        if (root.Name != XName.Get("akomaNtoso", Akn.Namespace))
            throw new DocumentRejectedException(RejectionReason.NotAkomaNtoso,
                $"the XML file is not an Akoma Ntoso 3.0 document: its root is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', expected <akomaNtoso> in '{Akn.Namespace}'");
        var type = root.Elements().FirstOrDefault(e => e.Name.Namespace == Akn.Namespace && e.Name.LocalName != "components")
            ?? throw new DocumentRejectedException(RejectionReason.NotAkomaNtoso, "the Akoma Ntoso document holds no document type element (such as <doc>)");

        if (!type.Elements().Any(e => e.Name.LocalName.EndsWith("Body", StringComparison.Ordinal) || e.Name.LocalName == "body"))
            throw new DocumentRejectedException(RejectionReason.NotAkomaNtoso, $"the Akoma Ntoso <{type.Name.LocalName}> has no body (such as <mainBody> or <body>)");
        var frbrLanguage = (string?)type.Element(N("meta"))?.Element(N("identification"))?.Element(N("FRBRExpression"))?.Elements(N("FRBRlanguage")).FirstOrDefault()?.Attribute("language");
        return AknWalker.Walk(type, MaxDepth, Language(frbrLanguage));
    }

    /// <summary>The app's language code for an ISO 639-2 code as AKN writes it ("ara" → "ar"; bibliographic "fre", "chi" too,
    /// and two-letter codes); null for a language that is not one of the six UN languages, or none.</summary>
    public static string? Language(string? frbrLanguage)
    {
        var code = frbrLanguage?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
            return null;
        code = code switch { "fre" => "fra", "chi" => "zho", _ => code };
        return Domain.Languages.UnLanguages.All.FirstOrDefault(l => l.Iso6392 == code || l.Code == code)?.Code;
    }

    private static XName N(string localName) => XName.Get(localName, Akn.Namespace);

    private static byte[] ReadLimited(Stream input, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                throw new DocumentRejectedException(RejectionReason.TooLarge, $"the file is larger than {limit / (1024 * 1024)} MB");
        }
        return buffer.ToArray();
    }

    private static XDocument Load(byte[] bytes, ImportOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxFileBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            // First a streaming pass that builds nothing: a file too deep or with too many elements is refused before
            // its tree takes memory.
            using (var scan = XmlReader.Create(new MemoryStream(bytes, writable: false), settings))
            {
                var elements = 0;
                while (scan.Read())
                {
                    if (scan.NodeType != XmlNodeType.Element)
                        continue;
                    if (scan.Depth >= MaxDepth)
                        throw TooDeep();
                    if (++elements > MaxElements)
                        throw new XmlLimitExceededException("the Akoma Ntoso file", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"The document's XML holds more than {MaxElements:N0} elements; at most {MaxElements:N0} are accepted."));
                }
            }
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            if (document.Root is null)
                throw new DocumentRejectedException(RejectionReason.NotXml, "the file is not well-formed XML");
            return document;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentRejectedException(RejectionReason.NotXml, "XML files with a DTD (document type declaration) are refused, so that no entity is expanded or fetched");
        }
        catch (XmlException e)
        {
            throw new DocumentRejectedException(RejectionReason.NotXml, e.LineNumber > 0
                ? $"the file is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})"
                : "the file is not well-formed XML");
        }
    }

    private static DocumentRejectedException TooDeep() =>
        new(RejectionReason.Damaged, $"the XML file nests elements more than {MaxDepth} levels deep");
}
