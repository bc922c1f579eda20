using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Mous;

/// <summary>
/// The proposal window of the text (issue 17.8): the secretariat opens it, with a deadline or none, or closes it; and the
/// proposals that change the text's structure (17.1): a new paragraph, a deletion, a move. New wording for a clause is its
/// clause's (ClauseGrain.Amendments.cs).
/// </summary>
public sealed partial class MouGrain
{
    public Task<ProposalWindow> GetProposalWindowAsync() => Task.FromResult(Window());

    public async Task<Outcome<ProposalWindow>> SetProposalWindowAsync(bool open, DateTimeOffset? closesAt, Actor by)
    {
        if (!S.Exists)
            return Outcome<ProposalWindow>.Fail(Failure.NotFound, "no such MOU");
        if (open && closesAt is { } at && at <= clock.GetUtcNow())
            return Outcome<ProposalWindow>.Fail(Failure.Invalid, "closesAt: the deadline must be in the future");
        var before = (S.ProposalsClosed, S.ProposalsCloseAt);
        (S.ProposalsClosed, S.ProposalsCloseAt) = (!open, open ? closesAt : null);
        await state.WriteOrRollBackAsync(() => (S.ProposalsClosed, S.ProposalsCloseAt) = before, DeactivateOnIdle);
        return Outcome<ProposalWindow>.Success(Window());
    }

    private ProposalWindow Window() =>
        new(!S.ProposalsClosed && (S.ProposalsCloseAt is not { } at || clock.GetUtcNow() < at), S.ProposalsCloseAt);

    public Task<IReadOnlyList<Proposal>> GetParagraphProposalsAsync() => Task.FromResult<IReadOnlyList<Proposal>>(S.Proposals.ToArray());

    public async Task<Outcome<Proposal>> ProposeParagraphAsync(ParagraphProposal command)
    {
        if (!S.Exists)
            return Outcome<Proposal>.Fail(Failure.NotFound, "no such MOU");
        var kind = command.Kind;
        if (!ProposalKinds.Structural.Contains(kind))
            return Outcome<Proposal>.Fail(Failure.Invalid, "kind: insert, delete or move");
        if (kind is ProposalKinds.Delete or ProposalKinds.Move && (command.ClauseId is null || !S.Clauses.Exists(c => c.Id == command.ClauseId)))
            return Outcome<Proposal>.Fail(Failure.Invalid, $"clauseId: there is no clause {command.ClauseId} in the current text");
        if (kind is ProposalKinds.Insert or ProposalKinds.Move && command.After is { } after && !S.Clauses.Exists(c => c.Id == after))
            return Outcome<Proposal>.Fail(Failure.Invalid, $"after: there is no clause {after} in the current text");
        if (kind == ProposalKinds.Move)
        {
            if (command.After == command.ClauseId)
                return Outcome<Proposal>.Fail(Failure.Invalid, "after: a paragraph cannot stand after itself");
            var index = S.Clauses.FindIndex(c => c.Id == command.ClauseId);
            var standsAfter = index == 0 ? null : S.Clauses[index - 1].Id;
            if (standsAfter == command.After)
                return Outcome<Proposal>.Fail(Failure.Unprocessable, "the paragraph already stands there; a proposal must change something");
        }
        if (kind == ProposalKinds.Insert && command.ClauseKind is not ("preambular" or "operative"))
            return Outcome<Proposal>.Fail(Failure.Invalid, "clauseKind: preambular or operative");
        var text = kind == ProposalKinds.Insert ? command.Text : "";
        var heading = kind == ProposalKinds.Insert ? command.Heading : null;
        // The same proposal submitted twice is one proposal.
        if (S.Proposals.FirstOrDefault(p => p.IsOpen && p.Kind == kind && p.ClauseId == command.ClauseId && p.After == command.After
                && p.Text == text && p.OnBehalfOf == command.OnBehalfOf) is { } same)
            return Outcome<Proposal>.Success(same);
        var by = command.By;
        var proposal = new Proposal(Ids.New(), text, by.MemberState, command.OnBehalfOf, by.Name, clock.GetUtcNow(), ProposalStatuses.Open, 0,
            Kind: kind, ClauseId: command.ClauseId, After: command.After, Heading: heading, ClauseKind: kind == ProposalKinds.Insert ? command.ClauseKind : null,
            RecordedBy: command.Recorded?.By, RecordedAt: command.Recorded?.At);
        S.Proposals.Add(proposal);
        await state.WriteOrRollBackAsync(() => S.Proposals.Remove(proposal), DeactivateOnIdle);
        var (clauseId, number) = Subject(proposal);
        await this.PublishAsync(new ProposalSubmitted(Id, clauseId, number, proposal.Id, proposal.OnBehalfOf, null, by, proposal.At) { ProposalKind = kind });
        return Outcome<Proposal>.Success(proposal);
    }

    public async Task<Outcome<Proposal>> DecideParagraphProposalAsync(string proposalId, string status, string note, Actor by)
    {
        if (S.Proposals.Find(p => p.Id == proposalId) is not { } proposal)
            return Outcome<Proposal>.Fail(Failure.NotFound, $"there is no proposal {proposalId} in this MOU");
        if (!proposal.IsOpen)
            return Outcome<Proposal>.Fail(Failure.Conflict, $"proposal {proposalId} was {proposal.Status} already; a decided proposal stays decided");
        if (!ProposalStatuses.Decisions.Contains(status))
            return Outcome<Proposal>.Fail(Failure.Invalid, "status: accepted, rejected or withdrawn");
        if (status == ProposalStatuses.Withdrawn && !(by.MemberState is { } own && (own == proposal.MemberState || own == proposal.OnBehalfOf)))
            return Outcome<Proposal>.Fail(Failure.Forbidden, $"only the delegation of {proposal.OnBehalfOf} may withdraw its proposal");
        var index = S.Proposals.IndexOf(proposal);
        var decided = proposal with { Status = status, DecidedBy = by.Name, DecidedAt = clock.GetUtcNow(), Note = note };
        if (status != ProposalStatuses.Accepted)
        {
            S.Proposals[index] = decided;
            await state.WriteOrRollBackAsync(() => S.Proposals[index] = proposal, DeactivateOnIdle);
        }
        else
        {
            // The change itself; its write also stores the decision (set first, undone if the change is refused or fails).
            S.Proposals[index] = decided;
            try
            {
                var applied = await ApplyAsync(proposal, by);
                if (!applied.Ok)
                {
                    S.Proposals[index] = proposal;
                    return Outcome<Proposal>.Fail(applied.Failure, applied.Message!);
                }
                decided = S.Proposals[index] = decided with { ClauseId = applied.Value };
                if (proposal.Kind == ProposalKinds.Insert)
                    await state.WriteOrRollBackAsync(() => S.Proposals[index] = proposal, DeactivateOnIdle);
            }
            catch
            {
                S.Proposals[index] = proposal;
                throw;
            }
        }
        var (clauseId, number) = Subject(decided);
        await this.PublishAsync(new ProposalDecided(Id, clauseId, number, proposalId, status, proposal.OnBehalfOf, note, null, by, decided.DecidedAt!.Value)
            { ProposalKind = proposal.Kind, Supporters = proposal.Supporters });
        return Outcome<Proposal>.Success(decided);
    }

    public async Task<Outcome<Proposal>> SetParagraphCosponsorAsync(string proposalId, string memberState, bool joining, Actor by)
    {
        if (S.Proposals.Find(p => p.Id == proposalId) is not { } proposal)
            return Outcome<Proposal>.Fail(Failure.NotFound, $"there is no proposal {proposalId} in this MOU");
        var outcome = proposal.WithCosponsor(memberState, joining);
        if (!outcome.Ok || ReferenceEquals(outcome.Value, proposal))
            return outcome;
        var index = S.Proposals.IndexOf(proposal);
        var changed = S.Proposals[index] = outcome.Value!;
        await state.WriteOrRollBackAsync(() => S.Proposals[index] = proposal, DeactivateOnIdle);
        var (clauseId, number) = Subject(changed);
        await this.PublishAsync(new CosponsorChanged(Id, clauseId, number, proposalId, memberState.ToUpperInvariant(), joining, by, clock.GetUtcNow()));
        return Outcome<Proposal>.Success(changed);
    }

    /// <summary>Makes the accepted change; its value is the clause concerned (for an insert, the new clause).</summary>
    private async Task<Outcome<string>> ApplyAsync(Proposal proposal, Actor by)
    {
        switch (proposal.Kind)
        {
            case ProposalKinds.Insert:
                if (proposal.After is { } after && !S.Clauses.Exists(c => c.Id == after))
                    return Outcome<string>.Fail(Failure.Conflict, "the paragraph it was to follow is no longer in the text: reject it, or propose the paragraph again after another");
                var kind = proposal.ClauseKind == "preambular" ? ClauseKind.Preambular : ClauseKind.Operative;
                var added = await AddClauseAsync(new AddClause(proposal.Heading ?? "", proposal.Text, proposal.After, kind, by));
                return added.Ok ? Outcome<string>.Success(added.Value!.Id) : Outcome<string>.Fail(added.Failure, added.Message!);
            case ProposalKinds.Delete:
                var removed = await RemoveClauseAsync(proposal.ClauseId!, by);
                return removed.Ok ? Outcome<string>.Success(proposal.ClauseId!)
                    : Outcome<string>.Fail(Failure.Conflict, "the paragraph is no longer in the text");
            default:
                if (proposal.After is { } target && !S.Clauses.Exists(c => c.Id == target))
                    return Outcome<string>.Fail(Failure.Conflict, "the paragraph it was to follow is no longer in the text");
                var moved = await MoveClauseAsync(proposal.ClauseId!, proposal.After, by);
                if (!moved.Ok)
                    return Outcome<string>.Fail(Failure.Conflict, "the paragraph is no longer in the text");
                if (!moved.Value)
                    await state.WriteOrRollBackAsync(() => { }, DeactivateOnIdle);
                return Outcome<string>.Success(proposal.ClauseId!);
        }
    }

    /// <summary>The clause an event about a paragraph proposal is filed under (the paragraph, or the one a new paragraph follows) and its number.</summary>
    private (string ClauseId, string Number) Subject(Proposal p)
    {
        var id = p.ClauseId ?? p.After ?? "";
        var entry = S.Clauses.Find(c => c.Id == id) ?? S.Removed.Find(c => c.Id == id);
        return (id, entry?.Number ?? "the beginning");
    }
}
