using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Application.Clauses;

// The clause's answers, as the API gives them in JSON (../shared/API.md) and as the pages show them: one shape each.

public sealed record ClauseResponse(string Id, string Number, string Heading, string Text, int Version, string Status,
    string Agreement, int OpenBrackets, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static ClauseResponse From(ClauseView c) =>
        new(c.Id, c.Number, c.Heading, c.Text, c.Version, c.Status, c.Agreement, c.OpenBrackets, c.UpdatedAt, c.UpdatedBy);
}

public sealed record ClauseCreatedResponse(string Id, string Number, int Version);

public sealed record VersionResponse(int Version);

public sealed record DiffResponse(int From, int To, IReadOnlyList<DiffChange> Changes);

/// <summary>A clause read: the view and whether it is the one its grain, active in this process, last stored and published.</summary>
public sealed record ClauseRead(ClauseView View, bool Published);

// The commands a clause takes (the request bodies of the API): every field nullable, so that a missing field is a clear
// "invalid" from validation rather than a binding failure.

public sealed record AddClauseRequest(string? Heading, string? Text, string? After, string? Kind);

public sealed record SaveDraftRequest(string? Text, string? Rationale);

/// <summary>Where a clause moves: after the clause named (null or empty: to the top).</summary>
public sealed record MoveClauseRequest(string? After);

public sealed record AgreementRequest(string? Agreement);
