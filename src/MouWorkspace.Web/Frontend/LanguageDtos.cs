namespace MouWorkspace.Web.Frontend;

// The pages' view of the parallel-text calls (Languages/LanguageContracts.cs), as any client would read them.

public sealed record LanguageStatusDto(string Code, string Name, string Direction, bool Original, bool Required, int Clauses, int UpToDate,
    IReadOnlyList<string> Outdated, IReadOnlyList<string> Missing, bool Complete);

public sealed record LanguagesDto(string Original, int? Revision, bool Complete, IReadOnlyList<string> MissingLanguages, IReadOnlyList<LanguageStatusDto> Languages);

public sealed record ClauseLanguageDto(string Id, string Number, string Language, string Direction, string Heading, string? Text, int Version,
    int? TranslatesDraft, int OriginalVersion, string State, IReadOnlyList<ChangeDto>? OriginalChanges);

public sealed record ParallelColumnDto(string Code, string Name, string Direction);

public sealed record ParallelRowDto(string ClauseId, string Number, ClauseLanguageDto Left, ClauseLanguageDto Right);

public sealed record ParallelDto(int? Revision, ParallelColumnDto Left, ParallelColumnDto Right, IReadOnlyList<ParallelRowDto> Rows);

public sealed record TranslationDraftDto(int Version, string Text, string Author, DateTimeOffset At, string Rationale, string? Heading, int? TranslatesDraft);

public sealed record TranslationSavedDto(int Version, int TranslatesDraft, string State);
