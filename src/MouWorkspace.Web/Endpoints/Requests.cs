namespace MouWorkspace.Web.Endpoints;

// Request bodies: every field nullable, so that a missing field is a clear 400 from validation
// rather than a binding failure.

/// <param name="Identity">optional: the MOU as a UN document (symbol, distribution, date, original language, session, agenda item), as PUT …/identity takes it.</param>
public sealed record CreateMouRequest(string? Organization, string? Title, string[]? Parties, bool? Confidential, IdentityRequest? Identity = null);

/// <param name="Status">accepted, rejected or withdrawn</param>
public sealed record ProposalStatusRequest(string? Status, string? Note);

/// <param name="Supersedes">the open proposals of the clause the compromise replaces</param>
public sealed record BridgingTextRequest(string? Text, string?[]? Supersedes, string? Note);

/// <param name="CanAccept">whether the delegation can accept the bridging text that replaced its proposal</param>
public sealed record BridgingAnswerRequest(bool? CanAccept, string? Note);

/// <param name="Kind">insert (a new paragraph), delete or move; new wording for a clause is proposed on the clause</param>
/// <param name="ClauseId">delete, move: the paragraph</param>
/// <param name="After">insert, move: the paragraph it is to follow; absent: at the beginning</param>
/// <param name="ClauseKind">insert: preambular or operative</param>
/// <param name="OnBehalfOf">the delegate's state (default) or a group it belongs to</param>
public sealed record ParagraphProposalRequest(string? Kind, string? ClauseId, string? After, string? Heading, string? Text, string? ClauseKind, string? OnBehalfOf);

/// <param name="Ids">open proposals of one clause, accepted at once into one draft</param>
public sealed record AcceptProposalsRequest(string?[]? Ids, string? Note);

/// <param name="ClosesAt">optional with open=true: ISO 8601 with an offset; proposals are refused after it</param>
public sealed record ProposalWindowRequest(bool? Open, DateTimeOffset? ClosesAt);

/// <param name="PublishedOn">optional, yyyy-MM-dd: the day a revision circulated before the text was kept here was published (not in the future, not before the previous revision); without it, now</param>
public sealed record RevisionRequest(string? Symbol, string? PublishedOn = null);

public sealed record PositionRequest(string? MemberState, string? Position, string? Note);

public sealed record DevTokenRequest(string? Name, string[]? Roles, string? MemberState, string? Organization);
