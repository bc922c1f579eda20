using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Model;

/// <summary>
/// Everything a Word export shows, as an immutable snapshot: the web layer fills it from a revision
/// (or the current drafts) and hands it to <see cref="Export.WordExporter"/>.
/// </summary>
/// <param name="Organization">Shown first in the title block, e.g. "United Nations".</param>
/// <param name="Symbol">Document symbol such as "Rev.2"; null for current drafts (header then says "Draft").</param>
/// <param name="Language">"en", "ar", "zh", "ru", "fr" or "es"; "ar" makes the document right-to-left.</param>
/// <param name="Clauses">In document order. Ignored for the body when <see cref="Redline"/> is set.</param>
public sealed record ExportDocument(
    string Organization,
    string Title,
    string? Symbol,
    DateOnly Date,
    bool AdvanceUnedited,
    string Language,
    IReadOnlyList<ExportClause> Clauses)
{
    /// <summary>When set, the body shows the changes from <see cref="ExportRedline.BaseSymbol"/> as tracked changes.</summary>
    public ExportRedline? Redline { get; init; }

    /// <summary>Word comments; each anchored in the clause named by <see cref="ExportComment.ClauseId"/>.</summary>
    public IReadOnlyList<ExportComment> Comments { get; init; } = [];

    /// <summary>Positions annex (a table after the text) with the consensus state; none when null.</summary>
    public PositionsAnnex? Annex { get; init; }

    /// <summary>In a language version: the clauses written in the original language or translated from an older draft; none when null.</summary>
    public TranslationNotes? Translation { get; init; }

    /// <summary>Where the copy comes from, written into it (Packaging/OriginPart) so that a markup of it is read against it.</summary>
    public ExportOrigin? Origin { get; init; }

    /// <summary>The document as a UN document (the corner block, the symbol in the header); none when null.</summary>
    public ExportIdentity? Identity { get; init; }
}

/// <summary>
/// The corner block of a UN document: the full symbol of this copy ("A/AC.121/2026/L.2/Rev.2"), "Distr.: General" or
/// "Limited", the date (<see cref="ExportDocument.Date"/>), "Original: English"; the session and agenda item below it.
/// </summary>
/// <param name="Distribution">"general" or "limited".</param>
/// <param name="OriginalLanguage">The language code of the original; a copy in another language also names its own.</param>
public sealed record ExportIdentity(string Symbol, string Distribution, string OriginalLanguage, string? Session, string? AgendaItem);

/// <param name="Revision">The revision the copy holds; null for the current drafts.</param>
/// <param name="Base">The revision a redline compares against.</param>
/// <param name="Clauses">Each clause in the copy: its number and the version of the text it holds (in <paramref name="Language"/>).</param>
/// <param name="Comments">A fingerprint of each Word comment the copy carries (OriginPart.Fingerprint).</param>
public sealed record ExportOrigin(string MouId, int? Revision, int? Base, string Language, bool Compilation,
    IReadOnlyList<OriginClause> Clauses, IReadOnlyList<OriginComment> Comments);

/// <param name="TextHash">Fingerprint of the clause text the copy holds (OriginPart.Fingerprint): a returned paragraph with that text changes nothing.</param>
public sealed record OriginClause(string Id, string Number, int Version, string TextHash);

public sealed record OriginComment(string Author, string TextHash);

public enum TranslationMark { Untranslated, Outdated }

/// <summary>Why one clause of a language version is not an up-to-date translation.</summary>
/// <param name="TranslatesDraft">For an outdated translation: the original draft it translates.</param>
/// <param name="OriginalDraft">The original draft the export shows (current, or the one a revision holds).</param>
public sealed record ClauseTranslation(TranslationMark Mark, int? TranslatesDraft, int OriginalDraft);

/// <summary>
/// A language version's gaps, by clause id: an untranslated clause is written in <paramref name="OriginalLanguage"/> and
/// marked, an outdated one is marked with the drafts; the title block counts both.
/// </summary>
public sealed record TranslationNotes(string OriginalLanguage, IReadOnlyDictionary<string, ClauseTranslation> Clauses)
{
    /// <summary>Clauses whose translation has no heading where the original has one: the original's heading is shown, marked.</summary>
    public IReadOnlySet<string> OriginalHeadings { get; init; } = new HashSet<string>();
}

/// <param name="Number">"PP1", "OP3 bis": written verbatim as the paragraph's label.</param>
/// <param name="Heading">Optional; an empty heading writes no heading paragraph.</param>
public sealed record ExportClause(string Id, string Number, string Heading, string Text, ClauseKind Kind);

/// <param name="BaseSymbol">The revision compared against, e.g. "Rev.1"; shown in the title block.</param>
/// <param name="Clauses">The whole text in the new order, removed clauses where they stood.</param>
public sealed record ExportRedline(string BaseSymbol, IReadOnlyList<RedlineClause> Clauses)
{
    /// <summary>The title block's line about the tracked changes, when not "Changes from {BaseSymbol} …" (the compilation text's).</summary>
    public string? Caption { get; init; }
}

public enum RedlineChange { Unchanged, Changed, Added, Removed }

/// <summary>
/// One clause of a redline. <paramref name="Runs"/>: Equal runs for unchanged text; Insert/Delete runs
/// with their author (shown as the delegation) and date, e.g. from <c>AttributedDiff</c>. For Added
/// clauses all runs are inserts, for Removed ones all deletes; their author marks the paragraph too.
/// </summary>
public sealed record RedlineClause(
    string ClauseId,
    string Number,
    string Heading,
    ClauseKind Kind,
    RedlineChange Change,
    IReadOnlyList<Domain.Diffs.AttributedChange> Runs);

/// <param name="Author">Shown as the delegation, e.g. "France (FRA)".</param>
/// <param name="Quote">Words the comment is about; the whole clause is anchored when null or no longer in the text.</param>
/// <param name="ReplyTo">Id of the parent comment for a reply, else null.</param>
/// <param name="Resolved">Whether the thread is resolved; a thread's state is its root's (replies follow it).</param>
public sealed record ExportComment(string Id, string ClauseId, string Author, DateTimeOffset At, string Text, string? Quote, string? ReplyTo,
    bool Resolved = false);

public sealed record PositionsAnnex(IReadOnlyList<PositionRow> Rows, string Consensus);

/// <param name="State">As shown, e.g. "India (IND)".</param>
/// <param name="Position">"Agree", "Reserve", "Object".</param>
public sealed record PositionRow(string State, string Position, string? Note, DateOnly Date);
