using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Tracking;

/// <summary>The adoption matrix as the web layer read it: the MOUs it covers and the rows it kept, filtered and sorted.</summary>
public sealed record AdoptionSnapshot(IReadOnlyList<AdoptionMou> Mous, IReadOnlyList<MatrixRow> Rows)
{
    /// <summary>What each adoption rests on, by country code and MOU id; a cell without an entry shows none.</summary>
    public IReadOnlyDictionary<(string Code, string MouId), AdoptionRecord> Records { get; init; } =
        new Dictionary<(string Code, string MouId), AdoptionRecord>();
}

/// <summary>An MOU of the matrix, by the id its cells name, with its latest revision's label ("Rev.2").</summary>
public sealed record AdoptionMou(string Id, string Title, string? LatestLabel = null);

/// <summary>
/// The record behind one adoption, as the TCC's evidence shows it: the adopted revision's label, the evidence note, the
/// uploaded file's name (when the adoption names one) and who recorded it.
/// </summary>
public sealed record AdoptionRecord(string RevisionLabel, string EvidenceNote, string? EvidenceFile, string RecordedBy);
