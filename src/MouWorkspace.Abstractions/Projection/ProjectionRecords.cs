namespace MouWorkspace.Abstractions.Projection;

[GenerateSerializer, Immutable, Alias("projection.now-discussing")]
public sealed record NowDiscussing(
    [property: Id(0)] string MouId,
    [property: Id(1)] string? ClauseId,
    [property: Id(2)] string? ProposalId,
    [property: Id(3)] int Version,
    [property: Id(4)] string? SetBy,
    [property: Id(5)] DateTimeOffset? SetAt);
