using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Web.Languages;

public sealed record LanguageVersionRequest(bool? Required, bool? Original);

public sealed record SaveTranslationRequest(string? Text, string? Rationale, string? Heading, int? TranslatesDraft);

/// <summary>A clause in one language: the MOU's number, the text (null while untranslated) and where the translation stands.</summary>
/// <param name="Version">The draft shown in this language (0 while untranslated): the ETag for a PUT.</param>
/// <param name="TranslatesDraft">The original draft this text translates; null for the original or when untranslated.</param>
/// <param name="OriginalVersion">The original draft the state is measured against (current, or the one a revision holds).</param>
/// <param name="State">original, missing, up-to-date, outdated.</param>
/// <param name="OriginalChanges">For an outdated translation: the original's word changes since the draft it translates.</param>
public sealed record ClauseLanguageResponse(string Id, string Number, string Language, string Direction, string Heading, string? Text,
    int Version, int? TranslatesDraft, int OriginalVersion, string State, IReadOnlyList<DiffChange>? OriginalChanges = null);

public sealed record TranslationSavedResponse(int Version, int TranslatesDraft, string State);

public sealed record TranslationDraftResponse(int Version, string Text, string Author, DateTimeOffset At, string Rationale, string? Heading, int? TranslatesDraft);

/// <summary>How far one language version is: the clause numbers whose translation is missing or out of date.</summary>
public sealed record LanguageStatusResponse(string Code, string Name, string Direction, bool Original, bool Required,
    int Clauses, int UpToDate, IReadOnlyList<string> Outdated, IReadOnlyList<string> Missing, bool Complete);

/// <summary>
/// The MOU's languages, for the current drafts or one revision. <c>Complete</c>: every required language version is up to
/// date; <c>MissingLanguages</c> names the required ones that are not.
/// </summary>
public sealed record LanguagesResponse(string Original, int? Revision, bool Complete, IReadOnlyList<string> MissingLanguages,
    IReadOnlyList<LanguageStatusResponse> Languages);

public sealed record ParallelColumn(string Code, string Name, string Direction);

public sealed record ParallelRow(string ClauseId, string Number, ClauseLanguageResponse Left, ClauseLanguageResponse Right);

/// <summary>Two languages side by side, aligned by clause number.</summary>
public sealed record ParallelResponse(int? Revision, ParallelColumn Left, ParallelColumn Right, IReadOnlyList<ParallelRow> Rows);
