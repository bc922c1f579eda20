namespace MouWorkspace.Web.Frontend;

// What the pages still read from the API over HTTP (the JSON of ../shared/API.md). A resource whose page calls its
// application service in-process (the clause: ClauseService) uses the service's own types instead, and its mirror here goes.

public sealed record MouSummaryDto(string Id, string Title, string Organization, string Status);

public sealed record RevisionInfoDto(int Number, string Label, string Hash, DateTimeOffset PublishedAt, string? Symbol = null);

/// <summary>GET/PUT /api/mous/{id}/identity: the MOU as a UN document (Symbol null until set).</summary>
public sealed record IdentityDto(string? Symbol, string? Distribution, DateOnly? Date, string OriginalLanguage, string? Session, string? AgendaItem,
    string? SetBy, DateTimeOffset? SetAt);

public sealed record MouDto(string Id, string Title, string Organization, string Status, bool Confidential,
    IReadOnlyList<string> Parties, IReadOnlyList<ClauseResponse> Clauses, IReadOnlyList<RevisionInfoDto> Revisions, double CleanShare);

/// <summary>
/// A proposal as both lists give it: a clause's (…/clauses/{id}/proposals, and a language version's) and the MOU's
/// (…/proposals, …/compilation), which adds the kind, the sponsor's name and the open proposals it clashes with.
/// </summary>
public sealed record ProposalDto(string Id, string Text, string? MemberState, string OnBehalfOf, string By, DateTimeOffset At, string Status, int BaseVersion,
    string Kind = "replace", string? ClauseId = null, string? After = null, string? Amends = null, IReadOnlyList<string>? Cosponsors = null,
    string? DecidedBy = null, DateTimeOffset? DecidedAt = null, string? Note = null, IReadOnlyList<string>? ClashesWith = null,
    string? Heading = null, string? Sponsor = null, string? ClauseKind = null, IReadOnlyList<string>? Supersedes = null,
    string? SupersededBy = null, IReadOnlyList<BridgingResponseDto>? Responses = null, string? RecordedBy = null, DateTimeOffset? RecordedAt = null)
{
    public bool IsOpen => Status == "open";

    /// <summary>A facilitator's bridging text: it replaced other proposals of the clause.</summary>
    public bool IsBridging => Supersedes is { Count: > 0 };

    /// <summary>Whether a delegate of <paramref name="state"/> made or co-sponsored this proposal (may answer a bridging text over it).</summary>
    public bool IsBackedBy(string? state) => IsSponsoredBy(state) || (!string.IsNullOrEmpty(state) && Cosponsors?.Contains(state) == true);

    /// <summary>"France (FRA)" from the MOU's list; the clause's list gives only the code.</summary>
    public string SponsorName => string.IsNullOrEmpty(Sponsor) ? OnBehalfOf : Sponsor;

    /// <summary>Whether a delegate of <paramref name="state"/> speaks for this proposal (the grain's rule for withdrawing it).</summary>
    public bool IsSponsoredBy(string? state) => !string.IsNullOrEmpty(state) && (state == MemberState || state == OnBehalfOf);
}

public sealed record BridgingResponseDto(string MemberState, bool CanAccept, string Note, string By, DateTimeOffset At);

public sealed record ProposalWindowDto(bool Open, DateTimeOffset? ClosesAt);

/// <param name="Type">"clause" or "new-paragraph" (a proposed one, numbered as it would stand)</param>
public sealed record CompilationEntryDto(string Type, string? ClauseId, string Number, string Heading, string Kind, string Text, int? Version,
    string? Agreement, IReadOnlyList<ProposalDto> Proposals, IReadOnlyList<IReadOnlyList<string>> ClashGroups);

public sealed record CompilationDto(string MouId, string Title, ProposalWindowDto Window, int OpenProposals, IReadOnlyList<CompilationEntryDto> Entries);

public sealed record ChangeDto(string Op, string Text);

public sealed record DiffDto(int From, int To, IReadOnlyList<ChangeDto> Changes);

public sealed record ClauseComparisonDto(string ClauseId, string Number, string Heading, string Change, IReadOnlyList<ChangeDto> Changes);

public sealed record CompareDto(int From, int To, IReadOnlyList<ClauseComparisonDto> Clauses);

public sealed record RevisionClauseDto(string Id, string Number, string Heading, string Text, int Version, string Status);

public sealed record RevisionDto(int Number, string Label, string Hash, DateTimeOffset PublishedAt, string PublishedBy, IReadOnlyList<RevisionClauseDto> Clauses);

public sealed record PositionDto(string MemberState, string Position, string Note, string By, DateTimeOffset At);

public sealed record PositionsDto(int Revision, string Hash, IReadOnlyList<PositionDto> Positions, string Consensus, IReadOnlyList<PositionDto>? History = null);

public sealed record IdDto(string Id);

public sealed record VersionDto(int Version);

public sealed record AuditRecordDto(long Sequence, DateTimeOffset At, string UserId, string Name, string Role, string? MemberState,
    string Organization, string Action, string Target, int Status, string ContentHash, string Hash);

// Revisions, silence, documents and audit pages.

public sealed record RevisionSummaryDto(int Number, string Label, string Hash);

public sealed record SilenceBreakDto(string MemberState, string By, DateTimeOffset At, string Note);

public sealed record SilenceDto(string MouId, int Revision, DateTimeOffset Deadline, string Status, string StartedBy,
    DateTimeOffset StartedAt, SilenceBreakDto? BrokenBy, DateTimeOffset? EndedAt);

/// <summary>What an import would make of a file (POST /api/mous/import/preview), before anything is created.</summary>
public sealed record ImportPreviewDto(string Title, string Language, IReadOnlyList<ImportPreviewClauseDto> Clauses, IReadOnlyList<NotImportedDto> NotImported);

public sealed record ImportPreviewClauseDto(string Number, string Kind, string Heading, string Text);

public sealed record ImportResultDto(string Id, string Title, int Clauses, IReadOnlyList<NotImportedDto>? NotImported = null);

public sealed record NotImportedDto(string Kind, string Where, int Words);

public sealed record UnmatchedDto(string Kind, string Text, string Reason);

public sealed record MarkupResultDto(int Proposals, int Comments, IReadOnlyList<UnmatchedDto> Unmatched);

public sealed record AuditVerificationDto(bool Valid, long Count, string Head, long? FirstInvalidSequence, string? Problem, long LegacyRecords = 0, string? Note = null);

// Tracking (TCC adoptions, evidence, reform board) and the MOU's progress.

public sealed record AdoptionDto(string MouId, string Organization, int Revision, string Label, DateOnly AdoptedOn,
    bool IncorporatesStandards, string? EvidenceId, string EvidenceNote, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record TrainingDto(string Id, string Organization, DateOnly CertifiedOn, string? EvidenceId, string Note, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record DisciplineDto(int Year, int Count, string Note, string Organization, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record EvidenceDto(string Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record TccDto(string Code, string Name, string Region, IReadOnlyList<AdoptionDto> Adoptions, IReadOnlyList<AdoptionDto> AdoptionHistory,
    IReadOnlyList<TrainingDto> Trainings, IReadOnlyList<DisciplineDto> Discipline, IReadOnlyList<EvidenceDto> Evidence);

public sealed record DriftDto(string Code, string MouId, int? AdoptedRevision, int LatestRevision, int Size, IReadOnlyList<ClauseComparisonDto> Clauses);

public sealed record MatrixMouDto(string Id, string Title, int LatestRevision, string LatestLabel);

public sealed record MatrixCellDto(string MouId, int? AdoptedRevision, DateOnly? AdoptedOn, int LatestRevision, int DriftSize, string State);

public sealed record MatrixRowDto(string Code, string Name, string Region, IReadOnlyList<MatrixCellDto> Cells);

public sealed record MatrixDto(IReadOnlyList<MatrixMouDto> Mous, IReadOnlyList<MatrixRowDto> Rows);

public sealed record ReformItemDto(string Id, string Title, string Pillar, string Organization, string Status, DateOnly? DueOn, bool Overdue, DateOnly StatusOn);

public sealed record StatusChangeDto(string Status, DateOnly On, string Note, string By, string Organization, DateTimeOffset RecordedAt);

public sealed record ReformItemDetailDto(string Id, string Title, string Pillar, string Organization, string Status, DateOnly? DueOn,
    bool Overdue, string Description, IReadOnlyList<StatusChangeDto> History);

public sealed record ProgressPointDto(int? Number, string Label, DateTimeOffset? PublishedAt, int Clauses, int BracketedClauses, int OpenBrackets, int UnagreedClauses);

public sealed record ProgressDto(string MouId, string Title, IReadOnlyList<ProgressPointDto> Points);

public sealed record ActivityDto(DateTimeOffset At, string Kind, string What, string By, string? MemberState, string? ClauseId, string? Number,
    int? Version, int? Revision, string Link);
