using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Reading;

namespace MouWorkspace.Documents.Markups;

/// <summary>
/// Reads a delegation's marked-up copy of an export: tracked changes per clause paragraph become
/// proposals (accepted text vs rejected text), Word comments become comments with their quote, and
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
        var matcher = new ClauseMatcher(currentClauses);
        var proposals = new List<ClauseProposal>();
        var unmatched = new List<UnmatchedItem>();
        var clauseOf = new Dictionary<Paragraph, MarkupClause>();

        foreach (var paragraph in BlockParagraphs.Of(body))
        {
            var text = ParagraphText.Of(paragraph);
            var role = styles.RoleOf(paragraph);
            if (role != ParagraphRole.Body)
            {
                if (text.HasChanges)
                    unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), $"tracked changes in a {role.ToString().ToLowerInvariant()} paragraph, not in a clause's text"));
                continue;
            }

            // The label is read from the original text first: a reviewer who edits the label still means that clause.
            // TryRead leaves the text as it is when there is no label.
            var hasOld = NumberLabel.TryRead(text.Rejected, out var oldNumber, out _, out var original);
            var hasNew = NumberLabel.TryRead(text.Accepted, out var newNumber, out _, out var proposed);
            var labelled = hasOld || hasNew;
            var number = hasOld ? oldNumber : newNumber;

            var clause = labelled ? matcher.ByNumber(number) : null;
            var by = MatchedBy.Number;
            if (clause is null)
            {
                clause = matcher.ByText(original);
                by = MatchedBy.Text;
            }
            if (clause is null)
            {
                if (text.HasChanges)
                {
                    var reason = labelled ? $"no clause {number} in this MOU and no clause with similar text"
                        : ParagraphText.MarkInserted(paragraph) || text.Rejected.Trim().Length == 0 ? "a new paragraph: propose a new clause in the workspace instead"
                        : "no PP/OP number and no clause with similar text";
                    unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), reason));
                }
                continue;
            }
            clauseOf[paragraph] = clause;

            if (!text.HasChanges || original.Trim() == proposed.Trim())
                continue; // formatting-only changes propose nothing
            if (proposals.Any(p => p.ClauseId == clause.Id))
            {
                unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), $"a second paragraph with changes for {clause.Number}; only the first is taken"));
                continue;
            }
            proposals.Add(new ClauseProposal(clause.Id, clause.Number, original.Trim(), proposed.Trim(), text.Authors, by));
        }

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
        return new MarkupResult(proposals, comments, unmatched, origin);
    }

    private static string Describe(ParagraphText text) => text.Accepted.Length > 0 ? text.Accepted.Trim() : text.Rejected.Trim();
}
