namespace MouWorkspace.Documents.Markups;

/// <summary>A clause of the MOU as it stands now, to match marked-up paragraphs against.</summary>
public sealed record MarkupClause(string Id, string Number, string Text);

public enum MatchedBy { Number, Text }

/// <summary>
/// A clause paragraph carrying tracked changes: <paramref name="ProposedText"/> is the paragraph with
/// every change accepted, <paramref name="OriginalText"/> with every change rejected (both without the
/// PP/OP label). <paramref name="Authors"/> are the w:author values of its changes, as the file says, <paramref name="At"/> the latest
/// w:date of them (null when the file gives none).
/// </summary>
public sealed record ClauseProposal(string ClauseId, string Number, string OriginalText, string ProposedText, IReadOnlyList<string> Authors, MatchedBy MatchedBy,
    DateTimeOffset? At = null);

public enum StructureKind { Insert, Delete, Move }

/// <summary>
/// A change of the text's shape in the markup: a paragraph typed in that matches no clause (<see cref="StructureKind.Insert"/>:
/// <paramref name="Text"/>, <paramref name="Heading"/>, <paramref name="Number"/> when it was given one), a clause's paragraph
/// deleted whole (Delete: <paramref name="ClauseId"/>, <paramref name="Text"/> the words deleted), a clause's paragraph moved with Word's tracked move (Move). Insert and Move
/// stand <paramref name="After"/> the clause before them in the text as it now reads (null: first of their part, preambular or
/// operative, <paramref name="ClauseKind"/>). <paramref name="Authors"/> and <paramref name="At"/> as on <see cref="ClauseProposal"/>.
/// </summary>
public sealed record StructureProposal(StructureKind Kind, string? ClauseId, string? Number, string? After, string Text, string Heading,
    Domain.Numbering.ClauseKind ClauseKind, IReadOnlyList<string> Authors, DateTimeOffset? At);

/// <summary>A Word comment in a clause; <paramref name="Quote"/> is the text inside its range ("" if it has none).</summary>
public sealed record MarkupComment(string WordId, string ClauseId, string Author, DateTimeOffset? At, string Text, string Quote, string? ParentWordId);

public enum UnmatchedKind { Paragraph, Comment }

/// <summary>Something in the markup that could not be placed on a clause, and why.</summary>
public sealed record UnmatchedItem(UnmatchedKind Kind, string Text, string Reason);

/// <param name="Origin">Where the copy came from when it is our export (Packaging/OriginPart); comments it carried when exported are not in <paramref name="Comments"/>.</param>
public sealed record MarkupResult(IReadOnlyList<ClauseProposal> Proposals, IReadOnlyList<MarkupComment> Comments, IReadOnlyList<UnmatchedItem> Unmatched,
    Model.ExportOrigin? Origin = null)
{
    /// <summary>New paragraphs, deletions and moves, in document order.</summary>
    public IReadOnlyList<StructureProposal> Structure { get; init; } = [];
}
