using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Reading;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Markups;

/// <summary>
/// The body's paragraphs in document order, each placed on its clause: changed wording becomes a <see cref="ClauseProposal"/>;
/// a paragraph typed in that is no clause, a clause's paragraph deleted whole and a tracked move become a
/// <see cref="StructureProposal"/>, placed after the clause before it in the text as it now reads (changes accepted).
/// </summary>
internal sealed class MarkupWalk(IReadOnlyList<MarkupClause> clauses)
{
    private readonly ClauseMatcher _matcher = new(clauses);
    private MarkupClause? _previous; // the last clause of the text as it now reads
    private string? _heading; // a heading typed in, for the new paragraph under it
    private readonly Dictionary<string, string?> _typedCopies = []; // clause id → the clause its typed-in copy follows

    public List<ClauseProposal> Proposals { get; } = [];
    public List<StructureProposal> Structure { get; } = [];
    public List<UnmatchedItem> Unmatched { get; } = [];
    public Dictionary<Paragraph, MarkupClause> ClauseOf { get; } = [];

    public void Add(Paragraph paragraph, ParagraphText text, ParagraphRole role)
    {
        var typedIn = text.HasChanges && !text.MovedTo && text.Rejected.Trim().Length == 0 && text.Accepted.Trim().Length > 0;
        // The label is read from the original text first: a reviewer who edits the label still means that clause.
        // TryRead leaves the text as it is when there is no label.
        var hasOld = NumberLabel.TryRead(text.Rejected, out var oldNumber, out _, out var original);
        var hasNew = NumberLabel.TryRead(text.Accepted, out var newNumber, out var newKind, out var proposed);
        // LibreOffice gives a clause paragraph deleted or moved whole the style of the heading before it: its words say what it is.
        var wholeClause = text.MovedFrom || text.MovedTo || text.HasChanges && text.Accepted.Trim().Length == 0 && _matcher.ByText(original) is not null;
        if (role != ParagraphRole.Body && !wholeClause)
        {
            if (role == ParagraphRole.Heading && typedIn)
                _heading = text.Accepted.Trim();
            else if (text.HasChanges)
                Unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), $"tracked changes in a {role.ToString().ToLowerInvariant()} paragraph, not in a clause's text"));
            return;
        }
        var heading = _heading;
        _heading = null;

        if (text.MovedFrom)
        {
            // The source of a move: the clause is read where it now stands (its comments still belong to it).
            if (Match(hasOld, oldNumber, original) is { } source)
                ClauseOf[paragraph] = source.Clause;
            return;
        }
        if (text.MovedTo)
        {
            Moved(paragraph, text, Match(hasNew, newNumber, proposed)?.Clause);
            return;
        }
        if (typedIn)
        {
            TypedIn(paragraph, text, hasNew ? newNumber : null, hasNew ? newKind : null, proposed.Trim(), heading ?? "");
            return;
        }
        if (text.HasChanges && text.Accepted.Trim().Length == 0)
        {
            Deleted(paragraph, text, original.Trim());
            return;
        }
        var labelled = hasOld || hasNew;
        var number = hasOld ? oldNumber : newNumber;
        if (Match(labelled, number, original) is not var (clause, by))
        {
            if (text.HasChanges)
                Unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), labelled
                    ? $"no clause {number} in this MOU and no clause with similar text" : "no PP/OP number and no clause with similar text"));
            return;
        }
        ClauseOf[paragraph] = clause;
        _previous = clause;
        if (!text.HasChanges || original.Trim() == proposed.Trim())
            return; // formatting-only changes propose nothing
        if (Proposals.Any(p => p.ClauseId == clause.Id))
        {
            Unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), $"a second paragraph with changes for {clause.Number}; only the first is taken"));
            return;
        }
        Proposals.Add(new ClauseProposal(clause.Id, clause.Number, original.Trim(), proposed.Trim(), text.Authors, by, text.At));
    }

    private (MarkupClause Clause, MatchedBy By)? Match(bool labelled, string number, string text) =>
        (labelled ? _matcher.ByNumber(number) : null) is { } byNumber ? (byNumber, MatchedBy.Number)
        : _matcher.ByText(text) is { } byText ? (byText, MatchedBy.Text) : null;

    /// <summary>
    /// A paragraph deleted whole: found by its words, never by its number alone (a redline shows a removed clause under the number
    /// another clause may hold now). It is not the clause the next paragraph follows.
    /// </summary>
    private void Deleted(Paragraph paragraph, ParagraphText text, string deleted)
    {
        if (deleted.Length == 0)
            return; // an empty paragraph removed
        if (_matcher.ByText(deleted) is not { } clause)
        {
            Unmatched.Add(new(UnmatchedKind.Paragraph, deleted, "a deleted paragraph that is no clause of this MOU"));
            return;
        }
        ClauseOf[paragraph] = clause;
        // Deleted here and typed in again elsewhere (above): a move as LibreOffice keeps it, without Word's move marks.
        Structure.Add(_typedCopies.Remove(clause.Id, out var after)
            ? new(StructureKind.Move, clause.Id, clause.Number, after, "", "", KindOf(clause), text.Authors, text.At)
            : new(StructureKind.Delete, clause.Id, clause.Number, null, deleted, "", KindOf(clause), text.Authors, text.At));
    }

    private void Moved(Paragraph paragraph, ParagraphText text, MarkupClause? clause)
    {
        if (clause is null)
        {
            Unmatched.Add(new(UnmatchedKind.Paragraph, Describe(text), "a moved paragraph that is no clause of this MOU"));
            return;
        }
        ClauseOf[paragraph] = clause;
        var kind = KindOf(clause);
        Structure.Add(new(StructureKind.Move, clause.Id, clause.Number, After(kind), "", "", kind, text.Authors, text.At));
        _previous = clause;
    }

    /// <summary>
    /// A paragraph whose every word (and mark) was typed in. The copy's own added clause (a redline shows it so) is that clause, and so
    /// is a clause's paragraph deleted in one place and typed in again in another (a move); anything else is a new paragraph, of the part its number says, else of the clause before it (the first clause's at the top).
    /// </summary>
    private void TypedIn(Paragraph paragraph, ParagraphText text, string? number, ClauseKind? labelKind, string proposed, string heading)
    {
        var known = (number is null ? null : _matcher.ByNumber(number)) is { } byNumber && ClauseMatcher.Fold(byNumber.Text) == ClauseMatcher.Fold(proposed)
            ? byNumber : _matcher.Exactly(proposed);
        if (known is not null)
        {
            // The clause typed in again where it now stands, its paragraph deleted where it stood (above): a move.
            var after = After(KindOf(known));
            var deletion = Structure.FindIndex(s => s.Kind == StructureKind.Delete && s.ClauseId == known.Id);
            if (deletion >= 0)
                Structure[deletion] = Structure[deletion] with { Kind = StructureKind.Move, After = after, Text = "" };
            else
                _typedCopies[known.Id] = after;
            ClauseOf[paragraph] = known;
            _previous = known;
            return;
        }
        var kind = labelKind ?? (_previous ?? clauses.FirstOrDefault()) switch
        {
            { } neighbour => KindOf(neighbour),
            null => ClauseKind.Operative,
        };
        Structure.Add(new(StructureKind.Insert, null, number, After(kind), proposed, heading, kind, text.Authors, text.At));
    }

    // After the clause before it when that is of the same part; otherwise first of its part.
    private string? After(ClauseKind kind) => _previous is { } previous && KindOf(previous) == kind ? previous.Id : null;

    private static ClauseKind KindOf(MarkupClause clause) =>
        ClauseNumbering.TryParse(clause.Number, out var kind, out _, out _) ? kind : ClauseKind.Operative;

    public static string Describe(ParagraphText text) => text.Accepted.Length > 0 ? text.Accepted.Trim() : text.Rejected.Trim();
}
