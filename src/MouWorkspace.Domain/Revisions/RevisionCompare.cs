using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Revisions;

public enum ClauseChange { Added, Removed, Changed, Unchanged }

public sealed record ClauseComparison(string ClauseId, string Number, string Heading, ClauseChange Change, IReadOnlyList<DiffChange> Changes);

public static class RevisionCompare
{
    public static IReadOnlyList<ClauseComparison> Compare(IReadOnlyList<ClauseSnapshot> from, IReadOnlyList<ClauseSnapshot> to) => throw new NotImplementedException();
}
