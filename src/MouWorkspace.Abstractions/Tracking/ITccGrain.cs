using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Tracking;

/// <summary>
/// One troop-contributing country, keyed by its ISO 3166-1 alpha-3 code in upper case: the revisions it adopted,
/// training certifications, reported disciplinary actions and the evidence documents behind them.
/// Every write is checked here (the web layer checks shape only) and nothing is overwritten: history is kept.
/// </summary>
[Alias("tcc.ITccGrain")]
public interface ITccGrain : IGrainWithStringKey
{
    Task<TccView> GetAsync();

    /// <summary>
    /// Records the adoption of an existing revision of an MOU of the caller's organization, dated not in the future;
    /// a later adoption of the same MOU becomes the current one, the earlier stays in the history.
    /// </summary>
    Task<Outcome<Adoption>> RecordAdoptionAsync(RecordAdoption command);

    Task<Outcome<TrainingCertification>> CertifyTrainingAsync(DateOnly certifiedOn, string? evidenceId, string note, Actor by);

    Task<Outcome<DisciplineReport>> ReportDisciplineAsync(int year, int count, string note, Actor by);

    /// <summary>Registers a document already stored in Blob storage; refused for an id that exists.</summary>
    Task<Outcome<EvidenceDocument>> AddEvidenceAsync(EvidenceDocument document);

    Task<EvidenceDocument?> GetEvidenceAsync(string evidenceId);
}
