namespace MouWorkspace.Web.Endpoints;

// Request bodies: every field nullable, so that a missing field is a clear 400 from validation
// rather than a binding failure.

public sealed record CreateMouRequest(string? Organization, string? Title, string[]? Parties, bool? Confidential);

public sealed record AddClauseRequest(string? Heading, string? Text, string? After, string? Kind);

public sealed record SaveDraftRequest(string? Text, string? Rationale);

public sealed record AgreementRequest(string? Agreement);

/// <summary>Where a clause moves: after the clause named (null or empty: to the top).</summary>
public sealed record MoveClauseRequest(string? After);

public sealed record CommentRequest(string? Text, string? ReplyTo, string? Quote);

public sealed record ResolveRequest(bool? Resolved);

public sealed record ProposalRequest(string? Text, string? OnBehalfOf);

/// <param name="PublishedOn">optional, yyyy-MM-dd: the day a revision circulated before the text was kept here was published (not in the future, not before the previous revision); without it, now</param>
public sealed record RevisionRequest(string? Symbol, string? PublishedOn = null);

public sealed record PositionRequest(string? MemberState, string? Position, string? Note);

public sealed record DevTokenRequest(string? Name, string[]? Roles, string? MemberState, string? Organization);
