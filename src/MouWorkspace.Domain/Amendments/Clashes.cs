namespace MouWorkspace.Domain.Amendments;

/// <summary>
/// Which open proposals of one clause clash. <paramref name="ClashesWith"/> has every proposal's id (an empty
/// list when it clashes with none), the others in input order; <paramref name="Groups"/> are the connected
/// clash groups of two or more, in input order; <paramref name="OutOfDate"/> are the proposals whose change
/// overlaps what changed in the current text since their base (accepting one would be refused).
/// </summary>
public sealed record ClashReport(
    IReadOnlyDictionary<string, IReadOnlyList<string>> ClashesWith,
    IReadOnlyList<IReadOnlyList<string>> Groups,
    IReadOnlyList<string> OutOfDate);

/// <summary>
/// Clash detection for the compilation text: every proposal's changed word ranges are mapped onto the current
/// text (each proposal diffed once, one diff per distinct base to the current text), sorted by start and swept.
/// Two proposals clash where their ranges overlap, both insert at one point, or one inserts inside the other's
/// range (<see cref="ThreeWayMerge"/>'s rule, so proposals that do not clash here merge together).
/// </summary>
public static class Clashes
{
    public static ClashReport Find(string currentText, IReadOnlyList<ProposalText> proposals)
    {
        ThreeWayMerge.RequireDistinctIds(proposals);

        var mapper = new ProposalMapper(currentText);
        var hunks = new List<MappedHunk>();
        var stale = new List<ProposalClash>();
        for (var i = 0; i < proposals.Count; i++)
            mapper.Map(i, proposals[i], hunks, stale);
        hunks.Sort(ThreeWayMerge.Order);

        var with = new SortedSet<int>[proposals.Count];
        var parent = new int[proposals.Count];
        for (var i = 0; i < proposals.Count; i++)
        {
            with[i] = [];
            parent[i] = i;
        }
        ThreeWayMerge.Sweep(hunks, (x, y) =>
        {
            with[x.Proposal].Add(y.Proposal);
            with[y.Proposal].Add(x.Proposal);
            parent[Root(parent, x.Proposal)] = Root(parent, y.Proposal);
        });

        var clashesWith = new Dictionary<string, IReadOnlyList<string>>(proposals.Count, StringComparer.Ordinal);
        var groups = new List<List<string>>();
        var groupOf = new Dictionary<int, int>();
        for (var i = 0; i < proposals.Count; i++)
        {
            clashesWith[proposals[i].Id] = with[i].Select(k => proposals[k].Id).ToList();
            if (with[i].Count == 0)
                continue;
            var root = Root(parent, i);
            if (!groupOf.TryGetValue(root, out var g))
            {
                groupOf[root] = g = groups.Count;
                groups.Add([]);
            }
            groups[g].Add(proposals[i].Id);
        }
        var outOfDate = stale.Select(c => c.ProposalId).Distinct(StringComparer.Ordinal).ToList();
        return new ClashReport(clashesWith, groups, outOfDate);
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }
}
