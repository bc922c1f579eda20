using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Abstractions.Mous;

[GenerateSerializer, Immutable, Alias("mou.create-mou")]
public sealed record CreateMou(
    [property: Id(0)] string Organization,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<string> Parties,
    [property: Id(3)] bool Confidential,
    [property: Id(4)] Actor By,
    [property: Id(5)] string? OriginalLanguage = null,
    [property: Id(6)] DocumentIdentity? Identity = null);

[GenerateSerializer, Immutable, Alias("mou.add-clause")]
public sealed record AddClause(
    [property: Id(0)] string Heading,
    [property: Id(1)] string Text,
    [property: Id(2)] string? After,
    [property: Id(3)] ClauseKind Kind,
    [property: Id(4)] Actor By,
    [property: Id(5)] string? Number = null);

[GenerateSerializer, Immutable, Alias("mou.summary")]
public sealed record MouSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Organization,
    [property: Id(3)] string Status);

[GenerateSerializer, Immutable, Alias("mou.revision-info")]
public sealed record RevisionInfo(
    [property: Id(0)] int Number,
    [property: Id(1)] string Label,
    [property: Id(2)] string Hash,
    [property: Id(3)] DateTimeOffset PublishedAt,
    [property: Id(4)] string PublishedBy,
    // The full document symbol ("A/AC.121/2026/L.2/Rev.2"): the MOU's symbol with the label, when the label is a suffix.
    [property: Id(5)] string? Symbol = null);

[GenerateSerializer, Immutable, Alias("mou.info")]
public sealed record MouInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Organization,
    [property: Id(3)] IReadOnlyList<string> Parties,
    [property: Id(4)] bool Confidential,
    [property: Id(5)] IReadOnlyList<string> ClauseIds,
    [property: Id(6)] IReadOnlyList<RevisionInfo> Revisions,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] string Status,
    [property: Id(9)] DocumentIdentity? Identity = null);

/// <summary>The MOU's facts and whether a clause belongs to it: what a clause call checks, in one grain call.</summary>
[GenerateSerializer, Immutable, Alias("mou.clause-access")]
public sealed record MouClauseAccess(
    [property: Id(0)] MouInfo Mou,
    [property: Id(1)] bool HasClause);

/// <summary>A clause as it stood in a published revision.</summary>
[GenerateSerializer, Immutable, Alias("mou.clause-text")]
public sealed record ClauseText(
    [property: Id(0)] string Id,
    [property: Id(1)] string Number,
    [property: Id(2)] string Heading,
    [property: Id(3)] string Text,
    [property: Id(4)] int Version,
    [property: Id(5)] string Status);

[GenerateSerializer, Immutable, Alias("mou.revision")]
public sealed record RevisionSnapshot(
    [property: Id(0)] RevisionInfo Info,
    [property: Id(1)] IReadOnlyList<ClauseText> Clauses);

[GenerateSerializer, Immutable, Alias("mou.position")]
public sealed record PositionEntry(
    [property: Id(0)] string MemberState,
    [property: Id(1)] PositionKind Position,
    [property: Id(2)] string Note,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("mou.positions")]
public sealed record PositionsView(
    [property: Id(0)] int Revision,
    [property: Id(1)] string Hash,
    [property: Id(2)] IReadOnlyList<PositionEntry> Positions,
    [property: Id(3)] ConsensusState Consensus,
    // Every position given on the revision, oldest first: a changed position replaces nothing on record.
    [property: Id(4)] IReadOnlyList<PositionEntry>? History = null);

public static class MouStatus
{
    public const string Drafting = "drafting";
    public const string UnderNegotiation = "under-negotiation";
    public const string Adopted = "adopted";
}

public static class ClauseViews
{
    public static ClauseText ToText(this ClauseView c) => new(c.Id, c.Number, c.Heading, c.Text, c.Version, c.Status);
}

/// <summary>The proposal window: <see cref="Open"/> is false once closed or past <see cref="ClosesAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("mou.proposal-window")]
public sealed record ProposalWindow(
    [property: Id(0)] bool Open,
    [property: Id(1)] DateTimeOffset? ClosesAt);

/// <summary>
/// A proposal of a new paragraph (<see cref="Kind"/> insert: <see cref="After"/>, <see cref="Heading"/>, <see cref="Text"/>,
/// <see cref="ClauseKind"/>), of deleting one (delete: <see cref="ClauseId"/>) or of moving one (move: <see cref="ClauseId"/>
/// to stand after <see cref="After"/>; null: first).
/// </summary>
[GenerateSerializer, Immutable, Alias("mou.paragraph-proposal")]
public sealed record ParagraphProposal(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? ClauseId,
    [property: Id(2)] string? After,
    [property: Id(3)] string? Heading,
    [property: Id(4)] string Text,
    [property: Id(5)] string? ClauseKind,
    [property: Id(6)] string OnBehalfOf,
    [property: Id(7)] Actor By,
    // From a Word markup: who made the change there and when.
    [property: Id(8)] Recorded? Recorded = null);
