using System.Text;

namespace MouWorkspace.Domain.Amendments;

/// <summary>
/// A proposal's change on the current text's token positions. <see cref="Replacement"/> is null for a change
/// that clashes with the current text's own changes since the proposal's base; its range then covers
/// everything the clash touches in the current text.
/// </summary>
internal sealed record MappedHunk(int Proposal, int Order, int Start, int End, string? Replacement)
{
    public bool IsInsertion => Start == End;
}

/// <summary>
/// Maps proposals' changes onto the current text (the diff3 step). Each proposal is diffed once against its
/// base; the diff from a base to the current text is made once per distinct base.
/// </summary>
internal sealed class ProposalMapper
{
    private readonly Dictionary<string, TokenDiff> _sinceBase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenText> _bases = new(StringComparer.Ordinal);

    public ProposalMapper(string currentText)
    {
        ArgumentNullException.ThrowIfNull(currentText);
        Current = TokenText.Of(currentText);
    }

    public TokenText Current { get; }

    /// <summary>
    /// Two changes over the same text clash when they share a token, when both insert at one point, or when
    /// one inserts strictly inside the range the other replaces. Changes that only touch (one ends where the
    /// other starts, an insertion at the edge of a replaced range) merge. Callers rule out identical changes first.
    /// </summary>
    public static bool Clash(int aStart, int aEnd, int bStart, int bEnd)
    {
        var aInsert = aStart == aEnd;
        var bInsert = bStart == bEnd;
        if (aInsert && bInsert)
            return aStart == bStart;
        if (aInsert)
            return bStart < aStart && aStart < bEnd;
        if (bInsert)
            return aStart < bStart && bStart < aEnd;
        return aStart < bEnd && bStart < aEnd;
    }

    public void Map(int index, ProposalText proposal, List<MappedHunk> mapped, List<ProposalClash> staleClashes)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(proposal.BaseText, nameof(proposal));
        ArgumentNullException.ThrowIfNull(proposal.Text, nameof(proposal));

        if (string.Equals(proposal.BaseText, Current.Text, StringComparison.Ordinal))
        {
            var own = TokenDiff.Compute(Current, proposal.Text);
            for (var i = 0; i < own.Hunks.Length; i++)
                mapped.Add(new MappedHunk(index, i, own.Hunks[i].Start, own.Hunks[i].End, own.Replacement(own.Hunks[i])));
            return;
        }

        if (!_bases.TryGetValue(proposal.BaseText, out var baseTokens))
            _bases[proposal.BaseText] = baseTokens = TokenText.Of(proposal.BaseText);
        if (!_sinceBase.TryGetValue(proposal.BaseText, out var since))
            _sinceBase[proposal.BaseText] = since = TokenDiff.Compute(baseTokens, Current.Text);
        MapOnto(index, proposal.Id, TokenDiff.Compute(baseTokens, proposal.Text), since, mapped, staleClashes);
    }

    private static void MapOnto(int index, string id, TokenDiff own, TokenDiff since, List<MappedHunk> mapped, List<ProposalClash> staleClashes)
    {
        var p = own.Hunks;
        var c = since.Hunks;
        var j = 0;
        var before = 0; // how many tokens the current text's changes before the proposal's hunk added
        Cluster? open = null;
        for (var i = 0; i < p.Length; i++)
        {
            var h = p[i];
            while (j < c.Length && IsBefore(c[j], h))
                before += c[j++].Delta;

            int first = -1, last = -1;
            var identical = false;
            for (var k = j; k < c.Length && c[k].Start <= h.End; k++)
            {
                if (c[k].Start == h.Start && c[k].End == h.End && own.Replacement(h) == since.Replacement(c[k]))
                    identical = true; // the current text already made this very change
                else if (Clash(h.Start, h.End, c[k].Start, c[k].End))
                {
                    if (first < 0)
                        first = k;
                    last = k;
                }
            }
            if (identical)
                continue;
            if (first < 0)
            {
                mapped.Add(new MappedHunk(index, i, h.Start + before, h.End + before, own.Replacement(h)));
                continue;
            }

            var lo = Math.Min(h.Start, c[first].Start);
            var hi = Math.Max(h.End, c[last].End);
            if (open is { } cluster && first <= cluster.CLast)
                open = cluster with { Hi = Math.Max(cluster.Hi, hi), PLast = i, CLast = Math.Max(cluster.CLast, last) };
            else
            {
                if (open is { } done)
                    Close(done);
                open = new Cluster(lo, hi, before, i, i, first, last);
            }
        }
        if (open is { } rest)
            Close(rest);

        void Close(Cluster cluster)
        {
            var added = 0;
            for (var k = cluster.CFirst; k <= cluster.CLast; k++)
                added += c[k].Delta;
            var start = cluster.Lo + cluster.Before;
            mapped.Add(new MappedHunk(index, cluster.PFirst, start, cluster.Hi + cluster.Before + added, Replacement: null));
            staleClashes.Add(new ProposalClash(id, null, new WordClash(
                since.New.Offset(start),
                own.Old.Span(cluster.Lo, cluster.Hi),
                Apply(own, p, cluster.PFirst, cluster.PLast, cluster.Lo, cluster.Hi),
                Apply(since, c, cluster.CFirst, cluster.CLast, cluster.Lo, cluster.Hi)), Other: null));
        }
    }

    /// <summary>A current-text change wholly before the proposal's hunk (an insertion at the same point is not: it clashes).</summary>
    private static bool IsBefore(Hunk current, Hunk proposal) =>
        current.End <= proposal.Start && !(current.IsInsertion && proposal.IsInsertion && current.Start == proposal.Start);

    /// <summary>Old tokens [lo, hi) with hunks first..last (all inside) applied.</summary>
    private static string Apply(TokenDiff diff, Hunk[] hunks, int first, int last, int lo, int hi)
    {
        var sb = new StringBuilder();
        var cursor = lo;
        for (var k = first; k <= last; k++)
        {
            var h = hunks[k];
            if (h.Start < lo || h.End > hi)
                continue;
            sb.Append(diff.Old.Span(cursor, h.Start)).Append(diff.Replacement(h));
            cursor = h.End;
        }
        return sb.Append(diff.Old.Span(cursor, hi)).ToString();
    }

    private readonly record struct Cluster(int Lo, int Hi, int Before, int PFirst, int PLast, int CFirst, int CLast);
}
