using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Revisions;

using MouWorkspace.Application.Clauses;

namespace MouWorkspace.Web.Endpoints;

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <param name="Symbol">The full document symbol ("A/AC.121/2026/L.2/Rev.2") once the MOU has one and the label is a Rev./Add./Corr. suffix; else null.</param>
public sealed record RevisionSummaryResponse(int Number, string Label, string Hash, DateTimeOffset PublishedAt, string? Symbol = null)
{
    public static RevisionSummaryResponse From(RevisionInfo r) => new(r.Number, r.Label, r.Hash, r.PublishedAt, r.Symbol);
}

public sealed record MouResponse(string Id, string Title, string Organization, string Status, bool Confidential,
    IReadOnlyList<string> Parties, IReadOnlyList<ClauseResponse> Clauses, IReadOnlyList<RevisionSummaryResponse> Revisions,
    double CleanShare, IdentityResponse? Identity = null);

public sealed record RevisionClauseResponse(string Id, string Number, string Heading, string Text, int Version, string Status);

public sealed record RevisionResponse(int Number, string Label, string Hash, DateTimeOffset PublishedAt, string PublishedBy,
    IReadOnlyList<RevisionClauseResponse> Clauses, string? Symbol = null);

public sealed record CompareResponse(int From, int To, IReadOnlyList<ClauseComparison> Clauses);

public sealed record PositionResponse(string MemberState, string Position, string Note, string By, DateTimeOffset At)
{
    public static PositionResponse From(PositionEntry p) =>
        new(p.MemberState, p.Position.ToString().ToLowerInvariant(), p.Note, p.By, p.At);
}

/// <summary><c>positions</c>: each party's latest; <c>history</c>: every position given, oldest first (a change replaces nothing).</summary>
public sealed record PositionsResponse(int Revision, string Hash, IReadOnlyList<PositionResponse> Positions, string Consensus,
    IReadOnlyList<PositionResponse> History);
