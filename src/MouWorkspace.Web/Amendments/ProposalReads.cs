using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Amendments;

namespace MouWorkspace.Web.Amendments;

/// <summary>A clause's proposals as the contract shows them, with the clash report of its open ones (null: fewer than two).</summary>
public sealed record ClauseProposals(string ClauseId, IReadOnlyList<ProposalResponse> Proposals, ClashReport? Clashes);

/// <summary>
/// Reading proposals where they are kept: new wording by its clause, new paragraphs, deletions and moves by the MOU; both
/// answer in the one shape of the contract (API.md, "Amendments").
/// </summary>
public static class ProposalReads
{
    /// <summary>A clause's proposals with who supports them and which open ones clash (their changed words overlap the current text's).</summary>
    public static async Task<ClauseProposals> OfClauseAsync(IGrainFactory grains, string mouId, string clauseId)
    {
        var clause = grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId));
        var proposals = await clause.GetProposalsAsync();
        if (proposals.Count == 0)
            return new(clauseId, [], null);
        ClashReport? report = null;
        var open = proposals.Where(p => p.IsOpen && p.Amends is null).ToList();
        if (open.Count > 1)
        {
            var drafts = await clause.GetDraftsAsync();
            var current = drafts[^1].Text;
            var byVersion = drafts.ToDictionary(d => d.Version, d => d.Text);
            report = Clashes.Find(current, open.Select(p => new ProposalText(p.Id, p.BaseText ?? byVersion.GetValueOrDefault(p.BaseVersion) ?? current, p.Text)).ToList());
        }
        return new(clauseId, proposals.Select(p => Response(p, clauseId, report?.ClashesWith.GetValueOrDefault(p.Id) ?? [])).ToArray(), report);
    }

    /// <summary>Every proposal of the text: each clause's (in document order, removed clauses' too), then the paragraph proposals.</summary>
    public static async Task<IReadOnlyList<ProposalResponse>> AllAsync(IGrainFactory grains, MouInfo mou, string? clauseId = null)
    {
        var clauses = clauseId is null ? mou.ClauseIds : mou.ClauseIds.Where(c => c == clauseId).ToList();
        var perClause = await Task.WhenAll(clauses.Select(c => OfClauseAsync(grains, mou.Id, c)));
        var paragraphs = (await grains.GetGrain<IMouGrain>(mou.Id).GetParagraphProposalsAsync())
            .Where(p => clauseId is null || p.ClauseId == clauseId || p.After == clauseId)
            .Select(p => Response(p, p.ClauseId, []));
        return perClause.SelectMany(c => c.Proposals).Concat(paragraphs).ToArray();
    }

    /// <summary>
    /// Which clause holds a proposal, as last seen: a hint, always confirmed by asking that clause. Deciding one of 600
    /// proposals of a 300-clause text otherwise asks all 300 clauses each time. Bounded: cleared when it grows past
    /// <see cref="MaxHints"/> (a miss only costs the scan again).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string MouId, string ProposalId), string> Hints = new();

    private const int MaxHints = 200_000;

    /// <summary>Where a proposal is kept (ids are unique within an MOU): the MOU (clause null) or one clause, with the proposal.</summary>
    public static async Task<(string? ClauseId, Proposal Proposal)?> FindAsync(IGrainFactory grains, MouInfo mou, string proposalId)
    {
        if (!Ids.IsWellFormed(proposalId))
            return null;
        if (Hints.TryGetValue((mou.Id, proposalId), out var hinted) && mou.ClauseIds.Contains(hinted)
            && (await grains.GetGrain<IClauseGrain>(ClauseKey.For(mou.Id, hinted)).GetProposalsAsync()).FirstOrDefault(p => p.Id == proposalId) is { } known)
            return (hinted, known);
        if ((await grains.GetGrain<IMouGrain>(mou.Id).GetParagraphProposalsAsync()).FirstOrDefault(p => p.Id == proposalId) is { } paragraph)
            return (null, paragraph);
        var all = await Task.WhenAll(mou.ClauseIds.Select(async c =>
            (Clause: c, Proposals: await grains.GetGrain<IClauseGrain>(ClauseKey.For(mou.Id, c)).GetProposalsAsync())));
        if (Hints.Count > MaxHints)
            Hints.Clear();
        (string? ClauseId, Proposal Proposal)? found = null;
        foreach (var (clause, proposals) in all)
            foreach (var p in proposals)
            {
                Hints[(mou.Id, p.Id)] = clause;
                if (p.Id == proposalId)
                    found = (clause, p);
            }
        return found;
    }

    public static ProposalResponse Response(Proposal p, string? clauseId, IReadOnlyList<string> clashesWith) =>
        new(p.Id, p.Kind, clauseId, p.After, p.Text, p.BaseVersion, p.Amends, p.OnBehalfOf, p.MemberState, p.By, p.At, p.Status,
            p.DecidedBy, p.DecidedAt, p.Note, p.Cosponsors ?? [], clashesWith,
            p.FoldedIntoVersion is { } v && clauseId is not null ? new FoldedInto(clauseId, v) : null)
        {
            Heading = p.Heading,
            ClauseKind = p.ClauseKind,
            Sponsor = p.SponsorName,
            Supersedes = p.Supersedes,
            SupersededBy = p.SupersededBy,
            Responses = p.Responses?.Select(r => new BridgingResponseBody(r.MemberState, r.CanAccept, r.Note, r.By, r.At)).ToArray(),
            RecordedBy = p.RecordedBy,
            RecordedAt = p.RecordedAt,
        };
}

public sealed record FoldedInto(string ClauseId, int Version);

/// <summary>
/// A proposal as the amendments contract lists it (API.md, "Amendments"). <see cref="ClauseId"/>: the clause it changes
/// (for a new paragraph, the clause it became once accepted; null before).
/// </summary>
public sealed record ProposalResponse(string Id, string Kind, string? ClauseId, string? After, string Text, int BaseVersion, string? Amends,
    string OnBehalfOf, string? MemberState, string By, DateTimeOffset At, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note,
    IReadOnlyList<string> Cosponsors, IReadOnlyList<string> ClashesWith, FoldedInto? FoldedInto)
{
    /// <summary>A new paragraph's heading (insert only).</summary>
    public string? Heading { get; init; }

    /// <summary>A new paragraph's part: preambular or operative (insert only).</summary>
    public string? ClauseKind { get; init; }

    /// <summary>The sponsor as documents name it: "Non-Aligned Movement (MAR)", "France (FRA)", "Facilitator".</summary>
    public string Sponsor { get; init; } = "";

    /// <summary>A facilitator's bridging text: the proposals it replaced.</summary>
    public IReadOnlyList<string>? Supersedes { get; init; }

    /// <summary>A superseded proposal: the bridging text that replaced it.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>A bridging text: whether the replaced proposals' sponsors can accept it.</summary>
    public IReadOnlyList<BridgingResponseBody>? Responses { get; init; }

    /// <summary>A proposal read from a Word markup: who made the change there (w:author); the proposal is still the uploading delegation's.</summary>
    [System.ComponentModel.Description("A proposal read from a Word markup (POST /api/mous/{id}/markups): the author of its tracked changes as Word recorded them (w:author), e.g. \"Delegation of India\". Attribution (onBehalfOf, by) stays the uploading delegation. Null for proposals made otherwise.")]
    public string? RecordedBy { get; init; }

    /// <summary>A proposal read from a Word markup: when Word recorded its changes (the latest w:date).</summary>
    [System.ComponentModel.Description("A proposal read from a Word markup: when Word recorded its tracked changes (the latest w:date of them); null when the file gives no date or the proposal was made otherwise.")]
    public DateTimeOffset? RecordedAt { get; init; }
}

public sealed record BridgingResponseBody(string MemberState, bool CanAccept, string Note, string By, DateTimeOffset At);
