using System.Globalization;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Import;

/// <summary>Limits and defaults for reading uploaded .docx files.</summary>
public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    /// <summary>Largest upload read at all (20 MB): a negotiated text with comments is far below this.</summary>
    public long MaxFileBytes { get; init; } = Domain.Text.UploadLimits.Document;

    /// <summary>Largest total uncompressed size of the zip entries (50 MB), checked before any XML is parsed.</summary>
    public long MaxExpandedBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Most zip entries accepted; Word documents have a few dozen.</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>Kind of an unnumbered first clause; later unnumbered clauses take the kind of the clause before.</summary>
    public ClauseKind DefaultKind { get; init; } = ClauseKind.Operative;
}

/// <param name="Number">"PP1", "OP3 bis" when the paragraph starts with one (normalized: "OP 3" → "OP3"); null otherwise.</param>
public sealed record ImportedClause(string? Number, ClauseKind Kind, string Heading, string Text);

public sealed record ImportedText(string? Title, IReadOnlyList<ImportedClause> Clauses)
{
    /// <summary>What the document holds that did not become clause text: tables, text boxes, footnotes, endnotes, comments.</summary>
    public IReadOnlyList<LeftOut> LeftOut { get; init; } = [];

    /// <summary>The text's language as the document names it ("ar" for an Akoma Ntoso <c>FRBRlanguage language="ara"</c>);
    /// null when it names none or one that is not a UN language (Word documents: always null).</summary>
    public string? Language { get; init; }
}

/// <param name="Kind">"table", "text box", "footnote", "endnote", "comment", "front matter", "annex"; from Akoma Ntoso also
/// "document identification", "cover page", "table of contents", "foreign markup", "heading"</param>
/// <param name="Where">"in OP3", "after OP3", "before the first clause", "in the document"</param>
/// <param name="Words">How many words it holds</param>
public sealed record LeftOut(string Kind, string Where, int Words);

public enum RejectionReason { TooLarge, NotZip, NotWordDocument, MacroEnabled, Encrypted, ZipBomb, Damaged, NotXml, NotAkomaNtoso, UnsafeXml, TooComplex }

/// <summary>An upload that is not accepted; <see cref="Exception.Message"/> is written for the uploader (never another exception's text).</summary>
public class DocumentRejectedException(RejectionReason reason, string message) : Exception(message)
{
    public RejectionReason Reason { get; } = reason;
}

/// <summary>A package whose XML is nested deeper or holds more elements than <see cref="XmlLimits"/> accepts.</summary>
public sealed class XmlLimitExceededException(string part, string message) : DocumentRejectedException(RejectionReason.TooComplex, message)
{
    /// <summary>The package part (zip entry) that went past the limit.</summary>
    public string Part { get; } = part;

    internal static XmlLimitExceededException TooDeep(string part, int depth) => new(part, string.Create(CultureInfo.InvariantCulture,
        $"The document's XML is nested {depth:N0} levels deep (in {part}); at most {XmlLimits.MaxDepth:N0} are accepted."));

    internal static XmlLimitExceededException TooMany(string part) => new(part, string.Create(CultureInfo.InvariantCulture,
        $"The document's XML holds more than {XmlLimits.MaxElements:N0} elements (the limit was passed in {part}); at most {XmlLimits.MaxElements:N0} are accepted."));
}
