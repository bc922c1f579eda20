using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Clauses;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Clauses;

/// <summary>The amendment workflow of one clause: sub-amendments, co-sponsors, and deciding proposals (issue 17).</summary>
public sealed partial class ClauseGrain
{
    public async Task<Outcome<Proposal>> AddAmendmentAsync(string text, string onBehalfOf, string amends, Actor by)
    {
        if (!S.Exists)
            return Outcome<Proposal>.Fail(Failure.NotFound, "no such clause");
        if (S.Proposals.Find(p => p.Id == amends) is not { } parent)
            return Outcome<Proposal>.Fail(Failure.Invalid, $"amends: there is no proposal {amends} on this clause");
        if (!parent.IsOpen)
            return Outcome<Proposal>.Fail(Failure.Conflict, $"proposal {amends} is {parent.Status}: only an open proposal can be amended");
        if (text == parent.Text)
            return Outcome<Proposal>.Fail(Failure.Unprocessable, "the wording is the one of the proposal it amends; an amendment must change something");
        if (S.Proposals.FirstOrDefault(p => p.IsOpen && p.Amends == amends && p.Text == text && p.OnBehalfOf == onBehalfOf) is { } same)
            return Outcome<Proposal>.Success(same);
        var proposal = new Proposal(Ids.New(), text, by.MemberState, onBehalfOf, by.Name, clock.GetUtcNow(), ProposalStatuses.Open, S.Current.Version,
            Amends: amends, BaseText: parent.Text);
        S.Proposals.Add(proposal);
        await state.WriteOrRollBackAsync(() => S.Proposals.Remove(proposal), DeactivateOnIdle);
        await this.PublishAsync(new ProposalSubmitted(S.MouId, S.ClauseId, S.Number, proposal.Id, onBehalfOf, LanguagePart, by, proposal.At));
        return Outcome<Proposal>.Success(proposal);
    }

    public async Task<Outcome<IReadOnlyList<Proposal>>> AcceptProposalsAsync(IReadOnlyList<string> proposalIds, string note, Actor by)
    {
        if (!S.Exists)
            return Outcome<IReadOnlyList<Proposal>>.Fail(Failure.NotFound, "no such clause");
        var ids = proposalIds.Distinct().ToList();
        var chosen = new List<Proposal>();
        foreach (var id in ids)
        {
            if (S.Proposals.Find(p => p.Id == id) is not { } proposal)
                return Outcome<IReadOnlyList<Proposal>>.Fail(Failure.NotFound, $"there is no proposal {id} on this clause");
            if (!proposal.IsOpen)
                return Outcome<IReadOnlyList<Proposal>>.Fail(Failure.Conflict, $"proposal {id} was {proposal.Status} already; a decided proposal stays decided");
            if (S.Proposals.Any(p => p.IsOpen && p.Amends == id && !ids.Contains(p.Id)))
                return Outcome<IReadOnlyList<Proposal>>.Fail(Failure.Conflict, $"proposal {id} has open amendments: decide them first");
            chosen.Add(proposal);
        }
        if (chosen.Count == 0)
            return Outcome<IReadOnlyList<Proposal>>.Fail(Failure.Invalid, "ids: name at least one open proposal");
        var now = clock.GetUtcNow();
        var before = S.Proposals.ToList();
        var draftsBefore = S.Drafts.Count;
        var agreementBefore = S.Agreement;

        // Sub-amendments first: each becomes its parent's wording (the parent stays open unless accepted too).
        var subs = chosen.Where(p => p.Amends is not null).ToList();
        foreach (var sub in subs)
        {
            var index = S.Proposals.FindIndex(p => p.Id == sub.Amends);
            S.Proposals[index] = S.Proposals[index] with { Text = sub.Text };
            Replace(sub with { Status = ProposalStatuses.Accepted, DecidedBy = by.Name, DecidedAt = now, Note = note });
        }
        var main = chosen.Where(p => p.Amends is null).Select(p => S.Proposals.Find(x => x.Id == p.Id)!).ToList();
        int? version = null;
        if (main.Count > 0)
        {
            var texts = main.Select(p => new ProposalText(p.Id, BaseTextOf(p), p.Text)).ToList();
            var merged = ThreeWayMerge.MergeAll(S.Current.Text, texts);
            if (!merged.IsMerged)
            {
                S.Proposals = before;
                var words = string.Join("; ", merged.Clashes.Take(5).Select(c =>
                    $"“{c.Words.Current}” (the proposal makes it “{c.Words.Proposal}”" + (c.OtherProposalId is null
                        ? $", the text said “{c.Words.Base}” when it was proposed)"
                        : $", proposal {c.OtherProposalId} makes it “{c.Other}”)")));
                return Outcome<IReadOnlyList<Proposal>>.Fail(Failure.Conflict,
                    $"the proposal changes words that changed since it was made, or that another proposal changes: {words}; nothing was changed");
            }
            var supporters = string.Join("; ", main.Select(p => Sponsor(p)).Distinct());
            var rationale = $"Accepted {(main.Count == 1 ? "proposal" : "proposals")} of {supporters}" + (string.IsNullOrWhiteSpace(note) ? "" : $": {note}");
            version = S.Current.Version + 1;
            // The words are the sponsors': a redline names them, not the legal officer who folded them in.
            S.Drafts.Add(new Draft(version.Value, merged.Text!, by.Name, by.MemberState, now, rationale, S.Heading,
                main.Select(p => p.Id).ToArray(), string.Join(", ", main.Select(p => p.SponsorName).Distinct())));
            S.Agreement = Agreement.Open;
            foreach (var p in main)
                Replace(p with { Status = ProposalStatuses.Accepted, DecidedBy = by.Name, DecidedAt = now, Note = note, FoldedIntoVersion = version });
        }
        await state.WriteOrRollBackAsync(() =>
        {
            S.Proposals = before;
            S.Drafts.RemoveRange(draftsBefore, S.Drafts.Count - draftsBefore);
            S.Agreement = agreementBefore;
        }, DeactivateOnIdle);
        if (version is { } v)
            await this.PublishAsync(new DraftSaved(S.MouId, S.ClauseId, S.Number, v, S.Current.Rationale, by, now));
        var decided = chosen.Select(p => S.Proposals.Find(x => x.Id == p.Id)!).ToArray();
        foreach (var p in decided)
            await this.PublishAsync(new ProposalDecided(S.MouId, S.ClauseId, S.Number, p.Id, p.Status, p.OnBehalfOf, note, p.FoldedIntoVersion, by, now)
                { Supporters = p.Supporters });
        return Outcome<IReadOnlyList<Proposal>>.Success(decided);
    }

    public async Task<Outcome<Proposal>> CloseProposalAsync(string proposalId, string status, string note, Actor by)
    {
        if (status is not (ProposalStatuses.Rejected or ProposalStatuses.Withdrawn))
            return Outcome<Proposal>.Fail(Failure.Invalid, "status: rejected or withdrawn (accepting folds the proposal in)");
        if (S.Proposals.Find(p => p.Id == proposalId) is not { } proposal)
            return Outcome<Proposal>.Fail(Failure.NotFound, $"there is no proposal {proposalId} on this clause");
        if (!proposal.IsOpen)
            return Outcome<Proposal>.Fail(Failure.Conflict, $"proposal {proposalId} was {proposal.Status} already; a decided proposal stays decided");
        if (status == ProposalStatuses.Withdrawn && !IsSponsor(proposal, by))
            return Outcome<Proposal>.Fail(Failure.Forbidden, $"only the delegation of {proposal.OnBehalfOf} may withdraw its proposal");
        var decided = proposal with { Status = status, DecidedBy = by.Name, DecidedAt = clock.GetUtcNow(), Note = note };
        var before = S.Proposals.ToList();
        Replace(decided);
        // Its amendments fall with it.
        foreach (var sub in S.Proposals.Where(p => p.IsOpen && p.Amends == proposalId).ToList())
            Replace(sub with { Status = status, DecidedBy = by.Name, DecidedAt = decided.DecidedAt, Note = $"the proposal it amends was {status}" });
        await state.WriteOrRollBackAsync(() => S.Proposals = before, DeactivateOnIdle);
        await this.PublishAsync(new ProposalDecided(S.MouId, S.ClauseId, S.Number, proposalId, status, proposal.OnBehalfOf, note, null, by, decided.DecidedAt!.Value)
            { Supporters = proposal.Supporters });
        return Outcome<Proposal>.Success(decided);
    }

    public async Task<Outcome<Proposal>> SetCosponsorAsync(string proposalId, string memberState, bool joining, Actor by)
    {
        if (S.Proposals.Find(p => p.Id == proposalId) is not { } proposal)
            return Outcome<Proposal>.Fail(Failure.NotFound, $"there is no proposal {proposalId} on this clause");
        var outcome = proposal.WithCosponsor(memberState, joining);
        if (!outcome.Ok || ReferenceEquals(outcome.Value, proposal))
            return outcome;
        var changed = outcome.Value!;
        Replace(changed);
        await state.WriteOrRollBackAsync(() => Replace(proposal), DeactivateOnIdle);
        await this.PublishAsync(new CosponsorChanged(S.MouId, S.ClauseId, S.Number, proposalId, memberState.ToUpperInvariant(), joining, by, clock.GetUtcNow()));
        return Outcome<Proposal>.Success(changed);
    }

    public async Task<Outcome<Proposal>> AddBridgingTextAsync(string text, IReadOnlyList<string> supersedes, string note, Actor by)
    {
        if (!S.Exists)
            return Outcome<Proposal>.Fail(Failure.NotFound, "no such clause");
        if (text == S.Current.Text)
            return Outcome<Proposal>.Fail(Failure.Unprocessable, "the bridging text is the current text; it must change something");
        var replaced = new List<Proposal>();
        foreach (var id in supersedes.Distinct())
        {
            if (S.Proposals.Find(p => p.Id == id) is not { } proposal)
                return Outcome<Proposal>.Fail(Failure.Invalid, $"supersedes: there is no proposal {id} on this clause");
            if (!proposal.IsOpen || proposal.Amends is not null)
                return Outcome<Proposal>.Fail(Failure.Conflict, $"proposal {id} is {(proposal.IsOpen ? "an amendment of another" : proposal.Status)}: a bridging text replaces open proposals of the clause");
            replaced.Add(proposal);
        }
        if (replaced.Count == 0)
            return Outcome<Proposal>.Fail(Failure.Invalid, "supersedes: name the open proposals the bridging text replaces");
        var now = clock.GetUtcNow();
        var before = S.Proposals.ToList();
        var bridging = new Proposal(Ids.New(), text, null, ProposalKinds.Facilitator, by.Name, now, ProposalStatuses.Open, S.Current.Version,
            Note: note, Supersedes: replaced.Select(p => p.Id).ToArray());
        S.Proposals.Add(bridging);
        var superseded = new List<Proposal>();
        foreach (var p in replaced)
        {
            var done = p with { Status = ProposalStatuses.Superseded, DecidedBy = by.Name, DecidedAt = now, Note = "replaced by the facilitator's bridging text", SupersededBy = bridging.Id };
            Replace(done);
            superseded.Add(done);
            // Its amendments go with it.
            foreach (var sub in S.Proposals.Where(x => x.IsOpen && x.Amends == p.Id).ToList())
                Replace(sub with { Status = ProposalStatuses.Superseded, DecidedBy = by.Name, DecidedAt = now, Note = "the proposal it amends was superseded", SupersededBy = bridging.Id });
        }
        await state.WriteOrRollBackAsync(() => S.Proposals = before, DeactivateOnIdle);
        await this.PublishAsync(new ProposalSubmitted(S.MouId, S.ClauseId, S.Number, bridging.Id, bridging.OnBehalfOf, LanguagePart, by, now));
        foreach (var p in superseded)
            await this.PublishAsync(new ProposalDecided(S.MouId, S.ClauseId, S.Number, p.Id, p.Status, p.OnBehalfOf, p.Note!, null, by, now) { Supporters = p.Supporters });
        return Outcome<Proposal>.Success(bridging);
    }

    public async Task<Outcome<Proposal>> RespondToBridgingTextAsync(string bridgingId, string memberState, bool canAccept, string note, Actor by)
    {
        if (S.Proposals.Find(p => p.Id == bridgingId) is not { Supersedes: { Count: > 0 } replaced } bridging)
            return Outcome<Proposal>.Fail(Failure.NotFound, $"there is no bridging text {bridgingId} on this clause");
        if (!bridging.IsOpen)
            return Outcome<Proposal>.Fail(Failure.Conflict, $"the bridging text was {bridging.Status} already");
        var code = memberState.ToUpperInvariant();
        bool Supports(Proposal p) => p.Supporters.Any(s => string.Equals(s, code, StringComparison.OrdinalIgnoreCase)
            || Domain.States.MemberStates.FindGroup(s)?.Members.Contains(code) == true);
        if (!S.Proposals.Any(p => replaced.Contains(p.Id) && Supports(p)))
            return Outcome<Proposal>.Fail(Failure.Forbidden, $"{code} made or supported none of the proposals this bridging text replaces");
        var responses = (bridging.Responses ?? []).Where(r => r.MemberState != code).Append(new BridgingResponse(code, canAccept, note, by.Name, clock.GetUtcNow())).ToArray();
        var changed = bridging with { Responses = responses };
        Replace(changed);
        await state.WriteOrRollBackAsync(() => Replace(bridging), DeactivateOnIdle);
        // Open pages of the clause show the answer beside the bridging text; the activity list and audit have it too.
        await this.PublishAsync(new BridgingTextAnswered(S.MouId, S.ClauseId, S.Number, bridgingId, code, canAccept, by, responses[^1].At));
        return Outcome<Proposal>.Success(changed);
    }

    /// <summary>The text a proposal changes: the amended proposal's wording, or the draft it was made on.</summary>
    private string BaseTextOf(Proposal p) =>
        p.BaseText ?? S.Drafts.FirstOrDefault(d => d.Version == p.BaseVersion)?.Text ?? S.Current.Text;

    private void Replace(Proposal proposal) => S.Proposals[S.Proposals.FindIndex(p => p.Id == proposal.Id)] = proposal;

    /// <summary>"Non-Aligned Movement (MAR)" for a group's proposal, "France (FRA)" for a state's; with its co-sponsors.</summary>
    private static string Sponsor(Proposal p) =>
        p.Cosponsors is { Count: > 0 } co ? $"{p.SponsorName}, supported by {string.Join(", ", co)}" : p.SponsorName;

    /// <summary>The delegation that made it: a delegate of the submitting state (or of the state it was made for).</summary>
    private static bool IsSponsor(Proposal p, Actor by) =>
        by.MemberState is { } state && (state == p.MemberState || state == p.OnBehalfOf) &&
        by.Role.Split(',', StringSplitOptions.TrimEntries).Contains("Delegate");
}
