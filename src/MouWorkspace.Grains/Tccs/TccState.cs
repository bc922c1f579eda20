using MouWorkspace.Abstractions.Tracking;

namespace MouWorkspace.Grains.Tccs;

[GenerateSerializer, Alias("tcc.state")]
public sealed class TccState
{
    /// <summary>Every adoption ever recorded, oldest first; the latest per MOU is the current one.</summary>
    [Id(0)] public List<Adoption> Adoptions { get; set; } = [];
    [Id(1)] public List<TrainingCertification> Trainings { get; set; } = [];

    /// <summary>Every report, oldest first; the latest per year and organization counts.</summary>
    [Id(2)] public List<DisciplineReport> Discipline { get; set; } = [];
    [Id(3)] public List<EvidenceDocument> Evidence { get; set; } = [];
}
