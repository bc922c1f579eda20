using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Reading;

namespace MouWorkspace.Documents.Markups;

/// <summary>
/// Reads a delegation's marked-up copy of an export: tracked changes per clause paragraph become
/// proposals (accepted text vs rejected text), new, deleted and moved paragraphs structure proposals (MarkupWalk),
/// Word comments become comments with their quote, and
/// whatever cannot be placed on a clause is reported with a reason. Nothing is written anywhere.
/// </summary>
public static class MarkupReader
{
    /// <param name="currentClauses">The MOU's clauses now; paragraphs are matched against them.</param>
    /// <exception cref="DocumentRejectedException">the upload is not a safe, readable Word document.</exception>
    public static MarkupResult Read(Stream input, IReadOnlyList<MarkupClause> currentClauses, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(currentClauses);
        return SafeOpen.Read(input, options ?? ImportOptions.Default, (_, main) => Parse(main, currentClauses));
    }

    private static MarkupResult Parse(MainDocumentPart main, IReadOnlyList<MarkupClause> currentClauses)
    {
        var body = main.Document!.Body!;
        var styles = new StyleMap(main);
        var walk = new MarkupWalk(currentClauses);
        foreach (var paragraph in BlockParagraphs.Of(body))
            walk.Add(paragraph, ParagraphText.Of(paragraph), styles.RoleOf(paragraph));
        var (proposals, unmatched, clauseOf) = (walk.Proposals, walk.Unmatched, walk.ClauseOf);

        var origin = Packaging.OriginPart.Read(main);
        var carried = origin?.Comments.ToHashSet() ?? [];
        var comments = new List<MarkupComment>();
        foreach (var scanned in CommentScan.Read(main, body))
        {
            // A comment the copy carried when it was sent is somebody else's, not the delegation's new one.
            if (carried.Contains(Packaging.OriginPart.Fingerprint(scanned.Author, scanned.Text)))
                continue;
            if (scanned.Paragraph is not null && clauseOf.TryGetValue(scanned.Paragraph, out var clause))
                comments.Add(new MarkupComment(scanned.WordId, clause.Id, scanned.Author, scanned.At, scanned.Text, scanned.Quote, scanned.ParentWordId));
            else
                unmatched.Add(new(UnmatchedKind.Comment, scanned.Text,
                    scanned.Paragraph is null ? "comment with no anchor in the body" : "comment outside any clause paragraph"));
        }
        return new MarkupResult(proposals, comments, unmatched, origin) { Structure = walk.Structure };
    }
}
