namespace MouWorkspace.Web.Frontend;

// The projection's part of the API's JSON (kept beside Dtos.cs, as the other pages' are there).

public sealed record NowDiscussingDto(string MouId, string? ClauseId, string? ProposalId, int Version, string? SetBy, DateTimeOffset? SetAt);
