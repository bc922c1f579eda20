using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// Writes a clause as an optional heading paragraph and a clause paragraph "OP3 bis⇥text", with
/// tracked changes (w:ins / w:del) and comment ranges placed inside the text.
/// </summary>
internal sealed class ClauseWriter(RunFactory documentRuns, TranslationNotes? translation = null)
{
    private const string UnknownAuthor = "MouWorkspace";
    private int _revisionId;
    private readonly RunFactory _document = documentRuns;
    private RunFactory runs = documentRuns;

    public IEnumerable<Paragraph> Write(ClauseView clause, IReadOnlyList<PlannedComment> comments)
    {
        var mark = translation?.Clauses.GetValueOrDefault(clause.Id);
        // An untranslated clause is the original's text: its paragraphs take the original's direction and language.
        runs = mark?.Mark == TranslationMark.Untranslated
            ? new RunFactory(ExportLanguage.For(translation!.OriginalLanguage), explicitLanguage: true)
            : _document;
        if (!string.IsNullOrWhiteSpace(clause.Heading))
        {
            // A translation without a heading shows the original's, in the original's language and direction, marked.
            var originalHeading = mark?.Mark != TranslationMark.Untranslated && translation?.OriginalHeadings.Contains(clause.Id) == true;
            var clauseRuns = runs;
            if (originalHeading)
                runs = new RunFactory(ExportLanguage.For(translation!.OriginalLanguage), explicitLanguage: true);
            var heading = NewParagraph("Heading1", clause);
            AppendWrapped(heading, WholeOp(clause), clause.Heading, clause.Author, clause.At);
            if (originalHeading)
                heading.Append(runs.Latin(" " + TranslationNote.ForHeading(translation!.OriginalLanguage), RunFactory.NoteStyle));
            runs = clauseRuns;
            yield return heading;
        }

        var paragraph = NewParagraph(StyleSheet.Clause, clause);
        // The visible label is our clause number verbatim ("OP3 bis"): Word list numbering cannot spell Latin suffixes.
        AppendWrapped(paragraph, WholeOp(clause), clause.Number + "\t", clause.Author, clause.At, bold: true);
        if (mark is not null)
        {
            // The note is the exporter's, not the clause's: its own styled run, never inside a tracked change or a comment range.
            paragraph.Append(runs.Latin(TranslationNote.ForClause(mark, translation!.OriginalLanguage) + " ", RunFactory.NoteStyle));
        }
        AppendBody(paragraph, clause, comments);
        yield return paragraph;
    }

    private static DiffOp WholeOp(ClauseView clause) => clause.Change switch
    {
        RedlineChange.Added => DiffOp.Insert,
        RedlineChange.Removed => DiffOp.Delete,
        _ => DiffOp.Equal,
    };

    private Paragraph NewParagraph(string style, ClauseView clause)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (runs.Language.RightToLeft)
            props.Append(new BiDi());
        // A wholly added or removed clause also has its paragraph mark tracked, so Accept/Reject
        // adds or removes the paragraph itself rather than leaving an empty one.
        if (clause.Change is RedlineChange.Added or RedlineChange.Removed)
        {
            OpenXmlElement mark = clause.Change == RedlineChange.Added
                ? new Inserted { Id = NextId(), Author = clause.Author ?? UnknownAuthor, Date = Date(clause.At) }
                : new Deleted { Id = NextId(), Author = clause.Author ?? UnknownAuthor, Date = Date(clause.At) };
            props.Append(new ParagraphMarkRunProperties(mark));
        }
        return new Paragraph(props);
    }

    private void AppendBody(Paragraph paragraph, ClauseView clause, IReadOnlyList<PlannedComment> comments)
    {
        var markers = comments
            .SelectMany(c => new[] { (Offset: c.Start, End: false, c.WordId), (Offset: c.End, End: true, c.WordId) })
            .OrderBy(m => m.Offset).ThenBy(m => m.End ? 0 : 1).ThenBy(m => m.WordId).ToList();
        var next = 0;
        var position = 0;

        void EmitMarkersUpTo(int offset)
        {
            for (; next < markers.Count && markers[next].Offset <= offset; next++)
            {
                var id = markers[next].WordId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!markers[next].End)
                {
                    paragraph.Append(new CommentRangeStart { Id = id });
                    continue;
                }
                paragraph.Append(new CommentRangeEnd { Id = id });
                paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "CommentReference" }), new CommentReference { Id = id }));
            }
        }

        foreach (var run in clause.Runs)
        {
            if (!clause.CountsForAnchors(run))
            {
                AppendWrapped(paragraph, run.Op, run.Text, run.Author, run.At);
                continue;
            }
            var local = 0;
            while (local < run.Text.Length)
            {
                EmitMarkersUpTo(position + local);
                var stop = next < markers.Count ? Math.Min(markers[next].Offset - position, run.Text.Length) : run.Text.Length;
                AppendWrapped(paragraph, run.Op, run.Text[local..stop], run.Author, run.At);
                local = stop;
            }
            position += run.Text.Length;
        }
        EmitMarkersUpTo(int.MaxValue);
    }

    private void AppendWrapped(Paragraph paragraph, DiffOp op, string text, string? author, DateTimeOffset? at, bool bold = false)
    {
        if (text.Length == 0)
            return;
        var made = runs.Runs(text, deleted: op == DiffOp.Delete, bold: bold);
        switch (op)
        {
            case DiffOp.Insert:
                paragraph.Append(new InsertedRun(made) { Id = NextId(), Author = author ?? UnknownAuthor, Date = Date(at) });
                break;
            case DiffOp.Delete:
                paragraph.Append(new DeletedRun(made) { Id = NextId(), Author = author ?? UnknownAuthor, Date = Date(at) });
                break;
            default:
                paragraph.Append(made);
                break;
        }
    }

    private string NextId() => (++_revisionId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeValue? Date(DateTimeOffset? at) => at is { } value ? new DateTimeValue(value.UtcDateTime) : null;
}
