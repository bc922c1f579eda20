using MouWorkspace.Domain.Revisions;

namespace MouWorkspace.Domain.Tracking;

/// <summary>What changed in a text since the revision a country adopted.</summary>
public sealed record DriftResult(int? AdoptedRevision, int LatestRevision, int Size, IReadOnlyList<ClauseComparison> Clauses);

public static class Drift
{
    /// <summary>
    /// Compares the adopted revision's clauses with the latest revision's, as <see cref="RevisionCompare"/> does.
    /// A country that adopted nothing is compared with an empty text, so every clause counts as added.
    /// The size is the number of clauses added, removed or changed.
    /// </summary>
    public static DriftResult Compute(int? adoptedRevision, IReadOnlyList<ClauseSnapshot>? adopted, int latestRevision, IReadOnlyList<ClauseSnapshot> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var clauses = RevisionCompare.Compare(adopted ?? [], latest);
        return new DriftResult(adoptedRevision, latestRevision, clauses.Count(c => c.Change != ClauseChange.Unchanged), clauses);
    }
}
