using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>Edits an export the way Word writes a reviewer's work: w:ins / w:del runs, comments with ranges, threaded replies.</summary>
internal sealed class MarkupBuilder : IDisposable
{
    public const string India = "Delegation of India";
    public static readonly DateTime When = new(2007, 4, 2, 8, 0, 0, DateTimeKind.Utc);

    private readonly MemoryStream _stream;
    private readonly WordprocessingDocument _word;
    private int _revision = 900;

    public MarkupBuilder(byte[] export)
    {
        _stream = new MemoryStream();
        _stream.Write(export);
        _word = WordprocessingDocument.Open(_stream, true);
    }

    private Body Body => _word.MainDocumentPart!.Document!.Body!;

    public Paragraph Clause(string number) => Body.Elements<Paragraph>().Single(p => p.Elements<Run>().FirstOrDefault()?.InnerText == number);

    /// <summary>Replaces <paramref name="oldText"/> in the paragraph's text run by a tracked deletion and insertion.</summary>
    public void Replace(Paragraph paragraph, string oldText, string newText, string author = India)
    {
        var run = paragraph.Elements<Run>().Single(r => r.InnerText.Contains(oldText));
        var text = run.InnerText;
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        run.InsertBeforeSelf(Plain(text[..at]));
        run.InsertBeforeSelf(new DeletedRun(new Run(new DeletedText(oldText) { Space = SpaceProcessingModeValues.Preserve })) { Id = Next(), Author = author, Date = When });
        if (newText.Length > 0)
            run.InsertBeforeSelf(new InsertedRun(Plain(newText)) { Id = Next(), Author = author, Date = When });
        run.InsertBeforeSelf(Plain(text[(at + oldText.Length)..]));
        run.Remove();
    }

    /// <summary>A new paragraph typed by the reviewer: its runs and its paragraph mark are insertions.</summary>
    public Paragraph InsertParagraphAfter(Paragraph paragraph, string text, string author = India)
    {
        var inserted = new Paragraph(
            new ParagraphProperties(new ParagraphMarkRunProperties(new Inserted { Id = Next(), Author = author, Date = When })),
            new InsertedRun(Plain(text)) { Id = Next(), Author = author, Date = When });
        paragraph.InsertAfterSelf(inserted);
        return inserted;
    }

    /// <summary>
    /// Moves <paramref name="paragraph"/> to stand after <paramref name="after"/> as Word records a tracked move: at the source the
    /// paragraph's runs in w:moveFrom and its mark moved-from, inside w:moveFromRangeStart/End named "move…"; at the destination a
    /// copy with its runs in w:moveTo and its mark moved-to, inside w:moveToRangeStart/End of the same name.
    /// </summary>
    public void Move(Paragraph paragraph, Paragraph after, string author = India)
    {
        var name = "move" + Next();
        var destination = (Paragraph)paragraph.CloneNode(true);
        Wrap(paragraph, from: true, name, author);
        Wrap(destination, from: false, name, author);
        after.InsertAfterSelf(destination);
    }

    private void Wrap(Paragraph paragraph, bool from, string name, string author)
    {
        var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
        var markProps = properties.ParagraphMarkRunProperties ??= new ParagraphMarkRunProperties();
        markProps.PrependChild<OpenXmlElement>(from ? new MoveFrom { Id = Next(), Author = author, Date = When } : new MoveTo { Id = Next(), Author = author, Date = When });
        var runs = paragraph.Elements<Run>().ToList();
        OpenXmlCompositeElement wrapper = from ? new MoveFromRun { Id = Next(), Author = author, Date = When } : new MoveToRun { Id = Next(), Author = author, Date = When };
        runs[0].InsertBeforeSelf(wrapper);
        foreach (var run in runs)
        {
            run.Remove();
            wrapper.AppendChild(run);
        }
        var range = Next();
        wrapper.InsertBeforeSelf<OpenXmlElement>(from ? new MoveFromRangeStart { Id = range, Name = name, Author = author, Date = When }
            : new MoveToRangeStart { Id = range, Name = name, Author = author, Date = When });
        wrapper.InsertAfterSelf<OpenXmlElement>(from ? new MoveFromRangeEnd { Id = range } : new MoveToRangeEnd { Id = range });
    }

    /// <summary>Deletes the paragraph whole, as Word does: every run in w:del with w:delText, and the paragraph mark deleted.</summary>
    public void DeleteParagraph(Paragraph paragraph, string author = India)
    {
        var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
        (properties.ParagraphMarkRunProperties ??= new ParagraphMarkRunProperties()).PrependChild(new Deleted { Id = Next(), Author = author, Date = When });
        foreach (var run in paragraph.Elements<Run>().ToList())
        {
            foreach (var text in run.Elements<Text>().ToList())
            {
                text.InsertBeforeSelf(new DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve });
                text.Remove();
            }
            run.InsertBeforeSelf(new DeletedRun(run.CloneNode(true)) { Id = Next(), Author = author, Date = When });
            run.Remove();
        }
    }

    /// <summary>Comments on <paramref name="quote"/> in <paramref name="paragraph"/>; <paramref name="replies"/> are threaded under it.</summary>
    public void Comment(Paragraph paragraph, string quote, string text, params string[] replies)
    {
        var run = paragraph.Elements<Run>().Single(r => r.InnerText.Contains(quote));
        var whole = run.InnerText;
        var at = whole.IndexOf(quote, StringComparison.Ordinal);
        var ids = new List<string>();
        var parent = Add(text, null);
        ids.Add(parent.Id);
        foreach (var reply in replies)
            ids.Add(Add(reply, parent.ParaId).Id);

        run.InsertBeforeSelf(Plain(whole[..at]));
        foreach (var id in ids)
            run.InsertBeforeSelf(new CommentRangeStart { Id = id });
        run.InsertBeforeSelf(Plain(quote));
        foreach (var id in ids)
        {
            run.InsertBeforeSelf(new CommentRangeEnd { Id = id });
            run.InsertBeforeSelf(new Run(new CommentReference { Id = id }));
        }
        run.InsertBeforeSelf(Plain(whole[(at + quote.Length)..]));
        run.Remove();
    }

    private (string Id, string ParaId) Add(string text, string? parentParaId)
    {
        var main = _word.MainDocumentPart!;
        var comments = (main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>()).Comments ??= new Comments();
        var ex = (main.WordprocessingCommentsExPart ?? main.AddNewPart<WordprocessingCommentsExPart>()).CommentsEx ??= new W15.CommentsEx();
        var id = (100 + comments.ChildElements.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var paraId = (0x20000000 + comments.ChildElements.Count).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        comments.Append(new Comment(new Paragraph(new Run(new AnnotationReferenceMark()), Plain(text)) { ParagraphId = paraId })
        { Id = id, Author = India, Initials = "IND", Date = When });
        var commentEx = new W15.CommentEx { ParaId = paraId, Done = false };
        if (parentParaId is not null)
            commentEx.ParaIdParent = parentParaId;
        ex.Append(commentEx);
        return (id, paraId);
    }

    public Paragraph Title => Body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title");

    public byte[] Save()
    {
        _word.Dispose();
        var bytes = _stream.ToArray();
        Docx.AssertValid(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _word.Dispose();
        _stream.Dispose();
    }

    private string Next() => (++_revision).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Run Plain(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
