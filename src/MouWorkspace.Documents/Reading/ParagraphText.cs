using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Reading;

/// <summary>
/// A paragraph's text in both tracked-change views, who made its changes and when (the latest <c>w:date</c> of them), and
/// whether it is a tracked move's source (<see cref="MovedFrom"/>: all its text is in <c>w:moveFrom</c>) or destination
/// (<see cref="MovedTo"/>: all its text is in <c>w:moveTo</c>).
/// </summary>
internal sealed record ParagraphText(string Accepted, string Rejected, IReadOnlyList<string> Authors, bool HasChanges)
{
    public DateTimeOffset? At { get; init; }

    public bool MovedFrom { get; init; }

    public bool MovedTo { get; init; }

    /// <summary>
    /// Accepted: normal, inserted and moved-to text; rejected: normal, deleted and moved-from text (a move is a deletion
    /// where the paragraph stood and an insertion where it now stands: read as both, a moved paragraph was read twice). Tabs and breaks become
    /// "\t" and "\n"; field codes, comment marks and drawings carry no text. What our export adds around the text is
    /// markup, not text: the translation notes (runs styled MouTranslationNote) and the isolates U+2066–U+2069 that keep
    /// Latin runs in order in right-to-left paragraphs (refused in typed text, so never part of a clause).
    /// </summary>
    public static ParagraphText Of(OpenXmlElement paragraph)
    {
        var accepted = new StringBuilder();
        var rejected = new StringBuilder();
        var authors = new List<string>();
        var changes = false;
        var moveFrom = false;
        var moveTo = false;
        DateTime? at = null;
        void Change((string? Author, DateTime? Date) change)
        {
            changes = true;
            AddAuthor(authors, change.Author);
            if (change.Date is { } date && (at is null || date > at))
                at = date;
        }
        foreach (var element in Readable(paragraph))
        {
            switch (element)
            {
                case InsertedRun or DeletedRun or MoveFromRun or MoveToRun:
                    moveFrom |= element is MoveFromRun;
                    moveTo |= element is MoveToRun;
                    Change(Mark(element));
                    break;
                // The paragraph mark's own change (a paragraph typed, deleted or moved whole) has its author and date too.
                case Inserted or Deleted or MoveFrom or MoveTo when element.Parent is ParagraphMarkRunProperties:
                    Change((((TrackChangeType)element).Author?.Value, ((TrackChangeType)element).Date?.Value));
                    break;
                case Text text when !IsExportNote(text):
                    Append(text, WithoutIsolates(text.Text), accepted, rejected);
                    break;
                case DeletedText deleted:
                    rejected.Append(WithoutIsolates(deleted.Text));
                    break;
                // Markup the SDK does not model where it stands (a run inside w:smartTag, from Word 2003–2007 files) is
                // read as unknown elements: its text is still the sentence's ("Reports are due in March.").
                case OpenXmlUnknownElement { LocalName: "t", NamespaceUri: WordNamespace } unknown:
                    Append(unknown, WithoutIsolates(unknown.InnerText), accepted, rejected);
                    break;
                case OpenXmlUnknownElement { LocalName: "delText", NamespaceUri: WordNamespace } unknown:
                    rejected.Append(WithoutIsolates(unknown.InnerText));
                    break;
                case TabChar or PositionalTab:
                    Append(element, "\t", accepted, rejected);
                    break;
                case Break or CarriageReturn:
                    Append(element, "\n", accepted, rejected);
                    break;
                case NoBreakHyphen:
                    Append(element, "\u2011", accepted, rejected);
                    break;
            }
        }
        var (acceptedText, rejectedText) = (accepted.ToString(), rejected.ToString());
        return new ParagraphText(acceptedText, rejectedText, authors, changes)
        {
            At = at is { } when ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) : null,
            MovedFrom = moveFrom && acceptedText.Trim().Length == 0,
            MovedTo = moveTo && rejectedText.Trim().Length == 0,
        };
    }

    // The SDK gives w:ins/w:del/w:moveFrom/w:moveTo around runs no common base type with their author and date.
    private static (string? Author, DateTime? Date) Mark(OpenXmlElement run) => run switch
    {
        InsertedRun r => (r.Author?.Value, r.Date?.Value),
        DeletedRun r => (r.Author?.Value, r.Date?.Value),
        MoveFromRun r => (r.Author?.Value, r.Date?.Value),
        MoveToRun r => (r.Author?.Value, r.Date?.Value),
        _ => (null, null),
    };

    /// <summary>
    /// The paragraph's own content: not a text box's (its words are not the sentence's; the importer reports them), and
    /// of markup-compatibility alternatives only the first choice (a text box is written twice: DrawingML and its VML
    /// fallback, and was read twice).
    /// </summary>
    private static IEnumerable<OpenXmlElement> Readable(OpenXmlElement root)
    {
        foreach (var child in root.ChildElements)
        {
            if (child is TextBoxContent || child is DocumentFormat.OpenXml.AlternateContentFallback)
                continue;
            if (child is DocumentFormat.OpenXml.AlternateContentChoice && child.PreviousSibling() is DocumentFormat.OpenXml.AlternateContentChoice)
                continue;
            yield return child;
            foreach (var inner in Readable(child))
                yield return inner;
        }
    }

    /// <summary>A text box's words in this paragraph (its first alternative only), for the report of what an import left out.</summary>
    public static int TextBoxWords(OpenXmlElement paragraph) =>
        paragraph.Descendants<TextBoxContent>().Where(box => !box.Ancestors<DocumentFormat.OpenXml.AlternateContentFallback>().Any())
            .Sum(box => Words(string.Join(" ", box.Descendants<Text>().Select(t => t.Text))));

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static bool IsExportNote(OpenXmlElement text) =>
        text.Parent is Run { RunProperties.RunStyle.Val.Value: "MouTranslationNote" };

    private static string WithoutIsolates(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0 ? text : string.Concat(text.Where(c => c is < '\u2066' or > '\u2069'));

    /// <summary>Whether the paragraph mark itself is tracked as inserted (a paragraph the reviewer added).</summary>
    public static bool MarkInserted(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Inserted>() is not null;

    /// <summary>Whether the paragraph mark itself is tracked as deleted (the paragraph removed whole).</summary>
    public static bool MarkDeleted(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is not null;

    private static void Append(OpenXmlElement element, string value, StringBuilder accepted, StringBuilder rejected)
    {
        var inserted = element.Ancestors().Any(a => a is InsertedRun or MoveToRun);
        var deleted = element.Ancestors().Any(a => a is DeletedRun or MoveFromRun);
        if (!deleted)
            accepted.Append(value);
        if (!inserted)
            rejected.Append(value);
    }

    private static void AddAuthor(List<string> authors, string? author)
    {
        if (!string.IsNullOrWhiteSpace(author) && !authors.Contains(author))
            authors.Add(author);
    }
}
