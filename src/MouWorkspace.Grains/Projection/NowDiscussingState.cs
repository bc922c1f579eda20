namespace MouWorkspace.Grains.Projection;

[GenerateSerializer, Alias("projection.now-discussing-state")]
public sealed class NowDiscussingState
{
    [Id(0)] public string? ClauseId { get; set; }
    [Id(1)] public string? ProposalId { get; set; }
    [Id(2)] public int Version { get; set; }
    [Id(3)] public string? SetBy { get; set; }
    [Id(4)] public DateTimeOffset? SetAt { get; set; }
}
