using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Tracking;

/// <summary>The adoption matrix as the web layer read it: the MOUs it covers and the rows it kept, filtered and sorted.</summary>
public sealed record AdoptionSnapshot(IReadOnlyList<AdoptionMou> Mous, IReadOnlyList<MatrixRow> Rows);

/// <summary>An MOU of the matrix, by the id its cells name.</summary>
public sealed record AdoptionMou(string Id, string Title);
