using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Tracking;

/// <summary>Which revision of an MOU a country adopted, since when, and on what evidence.</summary>
[GenerateSerializer, Immutable, Alias("tcc.adoption")]
public sealed record Adoption(
    [property: Id(0)] string MouId,
    [property: Id(1)] string Organization,
    [property: Id(2)] int Revision,
    [property: Id(3)] string RevisionLabel,
    [property: Id(4)] DateOnly AdoptedOn,
    [property: Id(5)] bool IncorporatesStandards,
    [property: Id(6)] string? EvidenceId,
    [property: Id(7)] string EvidenceNote,
    [property: Id(8)] string RecordedBy,
    [property: Id(9)] DateTimeOffset RecordedAt);

[GenerateSerializer, Immutable, Alias("tcc.record-adoption")]
public sealed record RecordAdoption(
    [property: Id(0)] string MouId,
    [property: Id(1)] int Revision,
    [property: Id(2)] DateOnly AdoptedOn,
    [property: Id(3)] bool IncorporatesStandards,
    [property: Id(4)] string? EvidenceId,
    [property: Id(5)] string EvidenceNote,
    [property: Id(6)] Actor By);

/// <summary>A certification that pre-deployment training took place (the UN cannot verify it otherwise).</summary>
[GenerateSerializer, Immutable, Alias("tcc.training")]
public sealed record TrainingCertification(
    [property: Id(0)] string Id,
    [property: Id(1)] string Organization,
    [property: Id(2)] DateOnly CertifiedOn,
    [property: Id(3)] string? EvidenceId,
    [property: Id(4)] string Note,
    [property: Id(5)] string RecordedBy,
    [property: Id(6)] DateTimeOffset RecordedAt);

/// <summary>Disciplinary or criminal actions a country reported for one year; a later report for the year supersedes it.</summary>
[GenerateSerializer, Immutable, Alias("tcc.discipline")]
public sealed record DisciplineReport(
    [property: Id(0)] int Year,
    [property: Id(1)] int Count,
    [property: Id(2)] string Note,
    [property: Id(3)] string Organization,
    [property: Id(4)] string RecordedBy,
    [property: Id(5)] DateTimeOffset RecordedAt);

/// <summary>A signed document kept in Blob storage (container per organization), identified by its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("tcc.evidence")]
public sealed record EvidenceDocument(
    [property: Id(0)] string Id,
    [property: Id(1)] string Organization,
    [property: Id(2)] string FileName,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long Size,
    [property: Id(5)] string Sha256,
    [property: Id(6)] string BlobName,
    [property: Id(7)] string UploadedBy,
    [property: Id(8)] DateTimeOffset UploadedAt);

[GenerateSerializer, Immutable, Alias("tcc.view")]
public sealed record TccView(
    [property: Id(0)] string Code,
    [property: Id(1)] IReadOnlyList<Adoption> Adoptions,
    [property: Id(2)] IReadOnlyList<Adoption> AdoptionHistory,
    [property: Id(3)] IReadOnlyList<TrainingCertification> Trainings,
    [property: Id(4)] IReadOnlyList<DisciplineReport> Discipline,
    [property: Id(5)] IReadOnlyList<EvidenceDocument> Evidence);

/// <summary>What the index keeps of a country: enough for the list and the matrix without activating 193 grains.</summary>
[GenerateSerializer, Immutable, Alias("tcc.summary")]
public sealed record TccSummary(
    [property: Id(0)] string Code,
    [property: Id(1)] IReadOnlyList<Adoption> Adoptions,
    [property: Id(2)] IReadOnlyList<TrainingCertification> Trainings,
    [property: Id(3)] IReadOnlyList<DisciplineReport> Discipline);
