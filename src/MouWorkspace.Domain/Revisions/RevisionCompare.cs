using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Revisions;

public enum ClauseChange { Added, Removed, Changed, Unchanged }

public sealed record ClauseComparison(string ClauseId, string Number, string Heading, ClauseChange Change, IReadOnlyList<DiffChange> Changes);

public static class RevisionCompare
{
    /// <summary>
    /// Clause-by-clause comparison, matched by id, in <paramref name="to"/>'s order. A removed clause
    /// is listed where it stood in <paramref name="from"/>: right after the nearest clause before it
    /// that still exists (at the top if there is none), so a reader sees it in context.
    /// </summary>
    /// <exception cref="ArgumentException">a clause id occurs twice in one revision.</exception>
    public static IReadOnlyList<ClauseComparison> Compare(IReadOnlyList<ClauseSnapshot> from, IReadOnlyList<ClauseSnapshot> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var fromById = ById(from, nameof(from));
        var toById = ById(to, nameof(to));

        // Removed clauses keyed by the id of the surviving clause they follow ("" = top of the text).
        var removedAfter = new Dictionary<string, List<ClauseSnapshot>>(StringComparer.Ordinal);
        var anchor = string.Empty;
        foreach (var clause in from)
        {
            if (toById.ContainsKey(clause.Id))
            {
                anchor = clause.Id;
                continue;
            }
            if (!removedAfter.TryGetValue(anchor, out var list))
                removedAfter[anchor] = list = [];
            list.Add(clause);
        }

        var result = new List<ClauseComparison>(from.Count + to.Count);
        AddRemoved(result, removedAfter, string.Empty);
        foreach (var clause in to)
        {
            result.Add(fromById.TryGetValue(clause.Id, out var old) ? Matched(old, clause) : Added(clause));
            AddRemoved(result, removedAfter, clause.Id);
        }
        return result;
    }

    private static Dictionary<string, ClauseSnapshot> ById(IReadOnlyList<ClauseSnapshot> clauses, string name)
    {
        var byId = new Dictionary<string, ClauseSnapshot>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            ArgumentNullException.ThrowIfNull(clause, name);
            if (!byId.TryAdd(clause.Id, clause))
                throw new ArgumentException($"clause id '{clause.Id}' occurs more than once", name);
        }
        return byId;
    }

    private static void AddRemoved(List<ClauseComparison> result, Dictionary<string, List<ClauseSnapshot>> removedAfter, string anchor)
    {
        if (!removedAfter.TryGetValue(anchor, out var removed))
            return;
        foreach (var clause in removed)
            result.Add(new ClauseComparison(clause.Id, clause.Number, clause.Heading, ClauseChange.Removed, Whole(DiffOp.Delete, clause.Text)));
    }

    private static ClauseComparison Added(ClauseSnapshot clause) =>
        new(clause.Id, clause.Number, clause.Heading, ClauseChange.Added, Whole(DiffOp.Insert, clause.Text));

    private static ClauseComparison Matched(ClauseSnapshot old, ClauseSnapshot now)
    {
        if (old.Text == now.Text && old.Heading == now.Heading)
            return new(now.Id, now.Number, now.Heading, ClauseChange.Unchanged, Whole(DiffOp.Equal, now.Text));
        return new(now.Id, now.Number, now.Heading, ClauseChange.Changed, WordDiff.Compute(old.Text, now.Text));
    }

    /// <summary>One run with the whole text; none for empty text, since runs are never empty.</summary>
    private static IReadOnlyList<DiffChange> Whole(DiffOp op, string text) =>
        string.IsNullOrEmpty(text) ? [] : [new DiffChange(op, text)];
}
