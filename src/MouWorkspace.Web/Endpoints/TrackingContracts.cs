using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Abstractions.Silence;
using MouWorkspace.Abstractions.Tracking;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Web.Endpoints;

// Request bodies of the tracking calls: every field nullable, so that a missing field is a clear 400.

public sealed record AdoptionRequest(int? Revision, string? AdoptedOn, string? Evidence, string? EvidenceId, bool? IncorporatesStandards);

public sealed record TrainingRequest(string? CertifiedOn, string? EvidenceId, string? Note);

public sealed record DisciplineRequest(int? Count, string? Note);

public sealed record ReformStatusRequest(string? Status, string? Note, string? On);

public sealed record SilenceRequest(string? Deadline);

// Responses.

public sealed record AdoptionResponse(string MouId, string Organization, int Revision, string Label, DateOnly AdoptedOn,
    bool IncorporatesStandards, string? EvidenceId, string EvidenceNote, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static AdoptionResponse From(Adoption a) =>
        new(a.MouId, a.Organization, a.Revision, a.RevisionLabel, a.AdoptedOn, a.IncorporatesStandards, a.EvidenceId, a.EvidenceNote, a.RecordedBy, a.RecordedAt);
}

public sealed record TccListItem(string Code, string Name, string Region, IReadOnlyList<AdoptionResponse> Adoptions,
    DateOnly? TrainingCertifiedOn, int DisciplinaryActions);

public sealed record TrainingResponse(string Id, string Organization, DateOnly CertifiedOn, string? EvidenceId, string Note, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static TrainingResponse From(TrainingCertification t) => new(t.Id, t.Organization, t.CertifiedOn, t.EvidenceId, t.Note, t.RecordedBy, t.RecordedAt);
}

public sealed record DisciplineResponse(int Year, int Count, string Note, string Organization, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static DisciplineResponse From(DisciplineReport d) => new(d.Year, d.Count, d.Note, d.Organization, d.RecordedBy, d.RecordedAt);
}

public sealed record EvidenceResponse(string Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static EvidenceResponse From(EvidenceDocument e) => new(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt);
}

public sealed record TccResponse(string Code, string Name, string Region, IReadOnlyList<AdoptionResponse> Adoptions,
    IReadOnlyList<AdoptionResponse> AdoptionHistory, IReadOnlyList<TrainingResponse> Trainings,
    IReadOnlyList<DisciplineResponse> Discipline, IReadOnlyList<EvidenceResponse> Evidence);

public sealed record DriftResponse(string Code, string MouId, int? AdoptedRevision, int LatestRevision, int Size, IReadOnlyList<ClauseComparison> Clauses);

public sealed record MatrixMouResponse(string Id, string Title, int LatestRevision, string LatestLabel);

public sealed record MatrixCellResponse(string MouId, int? AdoptedRevision, DateOnly? AdoptedOn, int LatestRevision, int DriftSize, string State);

public sealed record MatrixRowResponse(string Code, string Name, string Region, IReadOnlyList<MatrixCellResponse> Cells);

public sealed record MatrixResponse(IReadOnlyList<MatrixMouResponse> Mous, IReadOnlyList<MatrixRowResponse> Rows);

public sealed record ReformItemResponse(string Id, string Title, string Pillar, string Organization, string Status, DateOnly? DueOn, bool Overdue, DateOnly StatusOn)
{
    public static ReformItemResponse From(ReformItemSummary s) =>
        new(s.Id, s.Title, ReformRules.ToWire(s.Pillar), s.Organization, ReformRules.ToWire(s.Status), s.DueOn, s.Overdue, s.StatusOn);
}

public sealed record StatusChangeResponse(string Status, DateOnly On, string Note, string By, string Organization, DateTimeOffset RecordedAt)
{
    public static StatusChangeResponse From(StatusChange c) => new(ReformRules.ToWire(c.Status), c.On, c.Note, c.By, c.Organization, c.RecordedAt);
}

public sealed record ReformItemDetailResponse(string Id, string Title, string Pillar, string Organization, string Status, DateOnly? DueOn,
    bool Overdue, string Description, IReadOnlyList<StatusChangeResponse> History)
{
    public static ReformItemDetailResponse From(ReformItemView v) => new(v.Summary.Id, v.Summary.Title, ReformRules.ToWire(v.Summary.Pillar),
        v.Summary.Organization, ReformRules.ToWire(v.Summary.Status), v.Summary.DueOn, v.Summary.Overdue, v.Description, v.History.Select(StatusChangeResponse.From).ToArray());
}

public sealed record BoardColumnResponse(string Status, IReadOnlyList<ReformItemResponse> Items);

public sealed record BoardPillarResponse(string Pillar, string Title, IReadOnlyList<BoardColumnResponse> Columns);

public sealed record BoardResponse(DateOnly AsOf, IReadOnlyList<string> Organizations, IReadOnlyList<BoardPillarResponse> Pillars,
    IReadOnlyDictionary<string, int> Totals, int Overdue);

public sealed record SilenceBreakResponse(string MemberState, string By, DateTimeOffset At, string Note);

public sealed record SilenceResponse(string MouId, int Revision, DateTimeOffset Deadline, string Status, string StartedBy,
    DateTimeOffset StartedAt, SilenceBreakResponse? BrokenBy, DateTimeOffset? EndedAt)
{
    public static SilenceResponse From(SilenceView v) => new(v.MouId, v.Revision, v.Deadline, v.Status.ToString().ToLowerInvariant(), v.StartedBy, v.StartedAt,
        v.BrokenBy is { } b ? new SilenceBreakResponse(b.MemberState, b.By, b.At, b.Note) : null, v.EndedAt);
}
