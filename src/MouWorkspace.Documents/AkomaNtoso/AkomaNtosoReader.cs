using System.Text;
using System.Xml;
using System.Xml.Linq;
using MouWorkspace.Documents.Import;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.AkomaNtoso;

/// <summary>
/// Reads an Akoma Ntoso 3.0 document (as <see cref="AkomaNtosoWriter"/> writes it) back into a negotiating text:
/// the title from <c>docTitle</c>, preambular clauses from the preamble's <c>recital</c>s, operative ones from
/// the main body's <c>paragraph</c>s, each with its <c>num</c>, <c>heading</c> and text; bracket inlines are
/// turned back into <c>[a][b]</c>. Untrusted input: no DTD, no external resources, a size and a nesting limit.
/// </summary>
public static class AkomaNtosoReader
{
    /// <summary>Deepest element nesting accepted (the one limit of <see cref="XmlLimits"/>); our own export stays far below it (a few levels per bracket).</summary>
    public const int MaxDepth = XmlLimits.MaxDepth;

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

        var title = type.Descendants(N("docTitle")).Select(t => PlainText(t, 0)).FirstOrDefault(t => t.Trim().Length > 0)?.Trim();
        var clauses = new List<ImportedClause>();
        if (type.Element(N("preamble")) is { } preamble)
            clauses.AddRange(preamble.Descendants(N("recital")).Select(r => Clause(r, ClauseKind.Preambular, r.Elements(N("p")))));
        var body = type.Element(N("mainBody")) ?? type.Element(N("body"))
            ?? throw new DocumentRejectedException(RejectionReason.NotAkomaNtoso, "the Akoma Ntoso document has no <mainBody> or <body>");
        clauses.AddRange(body.Descendants(N("paragraph"))
            .Where(p => p.Element(N("content")) is not null)
            .Select(p => Clause(p, options.DefaultKind, p.Element(N("content"))!.Elements())));
        return new ImportedText(title, clauses);
    }

    private static ImportedClause Clause(XElement element, ClauseKind sectionKind, IEnumerable<XElement> blocks)
    {
        var rawNumber = element.Element(N("num")) is { } num ? PlainText(num, 0).Trim() : "";
        string? number = null;
        var kind = sectionKind;
        if (ClauseNumbering.TryParse(rawNumber, out var parsedKind, out var @base, out var rank))
        {
            number = ClauseNumbering.Format(parsedKind, @base, rank);
            kind = parsedKind;
        }
        var heading = element.Element(N("heading")) is { } h ? PlainText(h, 0) : "";
        var text = string.Join("\n", blocks.Select(b => Render(b, 0)));
        return new ImportedClause(number, kind, heading, text);
    }

    /// <summary>The text of a block: bracket inlines become <c>[alternative][alternative]</c>, other markup is read through.</summary>
    private static string Render(XElement element, int depth)
    {
        if (depth > MaxDepth)
            throw TooDeep();
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            if (node is XText t)
                text.Append(t.Value);
            else if (node is XElement child && IsInline(child, Akn.BracketName))
            {
                foreach (var alternative in child.Elements().Where(a => IsInline(a, Akn.AlternativeName)))
                    text.Append('[').Append(Render(alternative, depth + 1)).Append(']');
            }
            else if (node is XElement other && other.Name.LocalName is not ("authorialNote" or "noteRef" or "eol" or "eop"))
                text.Append(Render(other, depth + 1));
        }
        return text.ToString();
    }

    private static string PlainText(XElement element, int depth) => Render(element, depth);

    private static bool IsInline(XElement element, string name) =>
        element.Name == N("inline") && (string?)element.Attribute("name") == name;

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
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            if (document.Root is null || Depth(document.Root) > MaxDepth)
                throw TooDeep();
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

    /// <summary>Nesting depth without recursion, so that a hostile file cannot exhaust the stack.</summary>
    private static int Depth(XElement root)
    {
        var deepest = 0;
        var pending = new Stack<(XElement Element, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            if (depth > deepest)
                deepest = depth;
            if (deepest > MaxDepth)
                return deepest;
            foreach (var child in element.Elements())
                pending.Push((child, depth + 1));
        }
        return deepest;
    }

    private static DocumentRejectedException TooDeep() =>
        new(RejectionReason.Damaged, $"the XML file nests elements more than {MaxDepth} levels deep");
}
