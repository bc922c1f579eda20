using System.Text;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Amendments;

/// <summary>
/// Word-level three-way merge of amendment proposals onto a clause's current text. Tokens are those of
/// <see cref="WordTokenizer.TokenizeForDiff"/>, so a bracket group is one unit: choosing an alternative
/// (<c>[shall][should]</c> → <c>shall</c>) is an ordinary change of that unit, and two changes inside one group clash.
/// A clean merge is the current text with exactly the proposals' changes applied, character for character;
/// a change the current text already made is not made twice.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>Merges base→<paramref name="proposalText"/> onto base→<paramref name="currentText"/>.</summary>
    public static MergeResult Merge(string baseText, string proposalText, string currentText, string proposalId = "proposal") =>
        MergeAll(currentText, [new ProposalText(proposalId, baseText, proposalText)]);

    /// <summary>
    /// Merges several proposals of one clause, each against its own base, onto the current text at once: one
    /// text, or clashes if any proposal's change overlaps what changed since its base or another proposal's change
    /// (two proposals making the very same change do not clash; it is made once, credited to the first).
    /// </summary>
    public static MergeResult MergeAll(string currentText, IReadOnlyList<ProposalText> proposals)
    {
        RequireDistinctIds(proposals);
        var mapper = new ProposalMapper(currentText);
        var hunks = new List<MappedHunk>();
        var clashes = new List<ProposalClash>();
        for (var i = 0; i < proposals.Count; i++)
            mapper.Map(i, proposals[i], hunks, clashes);
        hunks.Sort(Order);

        var current = mapper.Current;
        clashes.AddRange(PairClashes(hunks, proposals, current));
        if (clashes.Count > 0)
            return new MergeResult(null, [], [], [.. clashes.OrderBy(c => c.Words.At).ThenBy(c => c.ProposalId, StringComparer.Ordinal)]);
        return Build(hunks, proposals, current);
    }

    internal static void RequireDistinctIds(IReadOnlyList<ProposalText> proposals)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var proposal in proposals)
        {
            ArgumentNullException.ThrowIfNull(proposal, nameof(proposals));
            ArgumentNullException.ThrowIfNull(proposal.Id, nameof(proposals));
            if (!ids.Add(proposal.Id))
                throw new ArgumentException($"proposal id '{proposal.Id}' is given twice", nameof(proposals));
        }
    }

    internal static int Order(MappedHunk a, MappedHunk b)
    {
        var byStart = a.Start.CompareTo(b.Start);
        if (byStart != 0)
            return byStart;
        var byEnd = a.End.CompareTo(b.End);
        if (byEnd != 0)
            return byEnd;
        var byProposal = a.Proposal.CompareTo(b.Proposal);
        return byProposal != 0 ? byProposal : a.Order.CompareTo(b.Order);
    }

    internal static bool Identical(MappedHunk a, MappedHunk b) =>
        a.Start == b.Start && a.End == b.End && a.Replacement is not null && a.Replacement == b.Replacement;

    /// <summary>
    /// Sweep over changes sorted by start: a change can only clash with one still open at its start, so with few
    /// overlaps this is linear after the sort.
    /// </summary>
    internal static void Sweep(List<MappedHunk> sorted, Action<MappedHunk, MappedHunk> clash)
    {
        var active = new List<MappedHunk>();
        foreach (var y in sorted)
        {
            active.RemoveAll(x => x.End < y.Start || (x.End == y.Start && !x.IsInsertion));
            foreach (var x in active)
            {
                if (x.Proposal != y.Proposal && !Identical(x, y) && ProposalMapper.Clash(x.Start, x.End, y.Start, y.End))
                    clash(x, y);
            }
            active.Add(y);
        }
    }

    private static List<ProposalClash> PairClashes(List<MappedHunk> sorted, IReadOnlyList<ProposalText> proposals, TokenText current)
    {
        var clashes = new List<ProposalClash>();
        // A change already clashing with the current text has no wording on the current text to show; it is reported once, above.
        Sweep(sorted.Where(h => h.Replacement is not null).ToList(), (x, y) =>
        {
            var lo = Math.Min(x.Start, y.Start);
            var hi = Math.Max(x.End, y.End);
            var words = current.Span(lo, hi);
            clashes.Add(new ProposalClash(
                proposals[x.Proposal].Id,
                proposals[y.Proposal].Id,
                new WordClash(current.Offset(lo), words, Apply(current, x, lo, hi), words),
                Apply(current, y, lo, hi)));
        });
        return clashes;
    }

    private static string Apply(TokenText current, MappedHunk hunk, int lo, int hi) =>
        current.Span(lo, hunk.Start) + hunk.Replacement + current.Span(hunk.End, hi);

    private static MergeResult Build(List<MappedHunk> sorted, IReadOnlyList<ProposalText> proposals, TokenText current)
    {
        var text = new StringBuilder(current.Text.Length);
        var ranges = new List<MergedRange>();
        var runs = new List<MergedRun>();
        var cursor = 0;
        MappedHunk? previous = null;
        foreach (var hunk in sorted)
        {
            if (previous is not null && Identical(previous, hunk))
                continue;
            previous = hunk;
            var id = proposals[hunk.Proposal].Id;
            var equal = current.Span(cursor, hunk.Start);
            var replaced = current.Span(hunk.Start, hunk.End);
            text.Append(equal);
            AddRun(runs, DiffOp.Equal, equal, null);
            AddRun(runs, DiffOp.Delete, replaced, id);
            ranges.Add(new MergedRange(id, text.Length, hunk.Replacement!.Length, current.Offset(hunk.Start), replaced));
            text.Append(hunk.Replacement);
            AddRun(runs, DiffOp.Insert, hunk.Replacement, id);
            cursor = hunk.End;
        }
        var tail = current.Span(cursor, current.Count);
        text.Append(tail);
        AddRun(runs, DiffOp.Equal, tail, null);
        return new MergeResult(text.ToString(), ranges, runs, []);
    }

    private static void AddRun(List<MergedRun> runs, DiffOp op, string text, string? proposalId)
    {
        if (text.Length == 0)
            return;
        if (runs.Count > 0 && runs[^1].Op == op && runs[^1].ProposalId == proposalId)
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        else
            runs.Add(new MergedRun(op, text, proposalId));
    }
}
