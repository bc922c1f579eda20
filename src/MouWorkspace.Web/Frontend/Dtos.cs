namespace MouWorkspace.Web.Frontend;

// What the pages read from the API (the JSON of ../shared/API.md), kept apart from the server's own types
// so that the pages depend on the contract, as an outside client would.

public sealed record MouSummaryDto(string Id, string Title, string Organization, string Status);

public sealed record ClauseDto(string Id, string Number, string Heading, string Text, int Version, string Status,
    string Agreement, int OpenBrackets, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record RevisionInfoDto(int Number, string Label, string Hash, DateTimeOffset PublishedAt);

public sealed record MouDto(string Id, string Title, string Organization, string Status, bool Confidential,
    IReadOnlyList<string> Parties, IReadOnlyList<ClauseDto> Clauses, IReadOnlyList<RevisionInfoDto> Revisions, double CleanShare);

public sealed record DraftDto(int Version, string Text, string Author, string? AuthorState, DateTimeOffset At, string Rationale);

public sealed record CommentDto(string Id, string Author, string? MemberState, string Text, string? Quote, string? ReplyTo,
    DateTimeOffset At, bool Resolved, int DraftVersion, string? ResolvedBy);

public sealed record ProposalDto(string Id, string Text, string? MemberState, string OnBehalfOf, string By, DateTimeOffset At, string Status, int BaseVersion);

public sealed record ChangeDto(string Op, string Text);

public sealed record DiffDto(int From, int To, IReadOnlyList<ChangeDto> Changes);

public sealed record ClauseComparisonDto(string ClauseId, string Number, string Heading, string Change, IReadOnlyList<ChangeDto> Changes);

public sealed record CompareDto(int From, int To, IReadOnlyList<ClauseComparisonDto> Clauses);

public sealed record RevisionClauseDto(string Id, string Number, string Heading, string Text, int Version, string Status);

public sealed record RevisionDto(int Number, string Label, string Hash, DateTimeOffset PublishedAt, string PublishedBy, IReadOnlyList<RevisionClauseDto> Clauses);

public sealed record PositionDto(string MemberState, string Position, string Note, string By, DateTimeOffset At);

public sealed record PositionsDto(int Revision, string Hash, IReadOnlyList<PositionDto> Positions, string Consensus);

public sealed record IdDto(string Id);

public sealed record VersionDto(int Version);

public sealed record AuditRecordDto(long Sequence, DateTimeOffset At, string UserId, string Name, string Role, string? MemberState,
    string Organization, string Action, string Target, int Status, string ContentHash, string Hash);

// Revisions, silence, documents and audit pages.

public sealed record RevisionSummaryDto(int Number, string Label, string Hash);

public sealed record SilenceBreakDto(string MemberState, string By, DateTimeOffset At, string Note);

public sealed record SilenceDto(string MouId, int Revision, DateTimeOffset Deadline, string Status, string StartedBy,
    DateTimeOffset StartedAt, SilenceBreakDto? BrokenBy, DateTimeOffset? EndedAt);

public sealed record ImportResultDto(string Id, string Title, int Clauses);

public sealed record UnmatchedDto(string Kind, string Text, string Reason);

public sealed record MarkupResultDto(int Proposals, int Comments, IReadOnlyList<UnmatchedDto> Unmatched);

public sealed record AuditVerificationDto(bool Valid, long Count, string Head, long? FirstInvalidSequence, string? Problem);
