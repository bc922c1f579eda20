namespace MouWorkspace.Application.Discussion;

// What delegations say about a clause: the commands (request bodies, every field nullable so that a missing one is a
// clear "invalid") and the answers, one shape each for the API and the pages.

public sealed record CommentRequest(string? Text, string? ReplyTo, string? Quote);

public sealed record ResolveRequest(bool? Resolved);

/// <param name="Amends">optional: the open proposal of this clause that this one amends (a sub-amendment)</param>
public sealed record ProposalRequest(string? Text, string? OnBehalfOf, string? Amends = null);

public sealed record IdResponse(string Id);

/// <summary>A proposal made: its id, its status (open) and the draft it was made on.</summary>
public sealed record ProposalCreatedResponse(string Id, string Status, int? BaseVersion);
