using MouWorkspace.Abstractions.Silence;

namespace MouWorkspace.Grains.Silence;

[GenerateSerializer, Alias("silence.state")]
public sealed class SilenceState
{
    [Id(0)] public string MouId { get; set; } = "";
    [Id(1)] public int Revision { get; set; }
    [Id(2)] public DateTimeOffset Deadline { get; set; }
    [Id(3)] public SilenceStatus Status { get; set; }
    [Id(4)] public string StartedBy { get; set; } = "";
    [Id(5)] public DateTimeOffset StartedAt { get; set; }
    [Id(6)] public SilenceBreak? BrokenBy { get; set; }
    [Id(7)] public DateTimeOffset? EndedAt { get; set; }

    public bool Exists => MouId.Length > 0;
}
