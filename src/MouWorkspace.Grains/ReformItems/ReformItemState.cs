using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Grains.ReformItems;

[GenerateSerializer, Alias("reform.item-state")]
public sealed class ReformItemState
{
    [Id(0)] public string Title { get; set; } = "";
    [Id(1)] public ReformPillar Pillar { get; set; }
    [Id(2)] public string Organization { get; set; } = "";
    [Id(3)] public string Description { get; set; } = "";
    [Id(4)] public DateOnly? DueOn { get; set; }

    /// <summary>Oldest first; the last entry is the current status. Never empty once the item exists.</summary>
    [Id(5)] public List<StatusChange> History { get; set; } = [];

    public bool Exists => History.Count > 0;
}
