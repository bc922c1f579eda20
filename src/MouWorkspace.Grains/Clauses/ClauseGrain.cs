using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Brackets;
using MouWorkspace.Domain.Clauses;

namespace MouWorkspace.Grains.Clauses;

public sealed partial class ClauseGrain(
    [PersistentState("clause", StorageNames.Blobs)] IPersistentState<ClauseState> state,
    TimeProvider clock) : Grain, IClauseGrain
{
    private ClauseState S => state.State;

    public async Task<Outcome<ClauseView>> InitializeAsync(InitClause command)
    {
        if (S.Exists)
            return Outcome<ClauseView>.Fail(Failure.Conflict, "the clause exists already");
        S.MouId = command.MouId;
        S.ClauseId = command.ClauseId;
        S.Number = command.Number;
        S.Heading = command.Heading;
        S.Drafts.Add(new Draft(1, command.Text, command.By.Name, command.By.MemberState, clock.GetUtcNow(), command.Rationale, command.Heading));
        await state.WriteStateAsync();
        return Outcome<ClauseView>.Success(View());
    }

    public Task<ClauseView?> GetAsync() => Task.FromResult(S.Exists ? View() : null);

    public async Task<Outcome<ClauseView>> SaveDraftAsync(string text, string rationale, int expectedVersion, Actor by)
    {
        if (!S.Exists)
            return Outcome<ClauseView>.Fail(Failure.NotFound, "no such clause");
        if (expectedVersion != S.Current.Version)
            return Outcome<ClauseView>.Fail(Failure.PreconditionFailed,
                $"version {expectedVersion} is stale: {S.Current.Author} saved version {S.Current.Version} at {S.Current.At:O}");
        S.Drafts.Add(new Draft(S.Current.Version + 1, text, by.Name, by.MemberState, clock.GetUtcNow(), rationale, S.Heading));
        // A changed text reopens the paragraph: "nothing is agreed until everything is agreed".
        S.Agreement = Agreement.Open;
        await state.WriteOrRollBackAsync(() => S.Drafts.RemoveAt(S.Drafts.Count - 1), DeactivateOnIdle);
        return Outcome<ClauseView>.Success(View());
    }

    public Task<IReadOnlyList<Draft>> GetDraftsAsync() => Task.FromResult<IReadOnlyList<Draft>>(S.Drafts.ToArray());

    public async Task<Outcome<ClauseView>> SetAgreementAsync(Agreement agreement, Actor by)
    {
        if (!S.Exists)
            return Outcome<ClauseView>.Fail(Failure.NotFound, "no such clause");
        if (agreement != Agreement.Open && !BracketParser.Parse(S.Current.Text).IsClean)
            return Outcome<ClauseView>.Fail(Failure.Conflict, "a clause with brackets cannot be agreed: remove the brackets first");
        var before = S.Agreement;
        S.Agreement = agreement;
        await state.WriteOrRollBackAsync(() => S.Agreement = before, DeactivateOnIdle);
        return Outcome<ClauseView>.Success(View());
    }

    public async Task<Outcome<Comment>> AddCommentAsync(string text, string? quote, string? replyTo, Actor by)
    {
        if (!S.Exists)
            return Outcome<Comment>.Fail(Failure.NotFound, "no such clause");
        if (replyTo is not null && S.Comments.All(c => c.Id != replyTo))
            return Outcome<Comment>.Fail(Failure.Invalid, $"replyTo: there is no comment {replyTo} on this clause");
        if (!string.IsNullOrEmpty(quote) && !S.Current.Text.Contains(quote, StringComparison.Ordinal))
            return Outcome<Comment>.Fail(Failure.Invalid, "quote: the quoted words are not in the current text of the clause");
        var comment = new Comment(Ids.New(), by.Name, by.MemberState, text, string.IsNullOrEmpty(quote) ? null : quote,
            replyTo, clock.GetUtcNow(), false, S.Current.Version);
        S.Comments.Add(comment);
        await state.WriteOrRollBackAsync(() => S.Comments.RemoveAt(S.Comments.Count - 1), DeactivateOnIdle);
        return Outcome<Comment>.Success(comment);
    }

    public async Task<Outcome<Comment>> ResolveCommentAsync(string commentId, bool resolved, Actor by)
    {
        var index = S.Comments.FindIndex(c => c.Id == commentId);
        if (index < 0)
            return Outcome<Comment>.Fail(Failure.NotFound, $"there is no comment {commentId} on this clause");
        var before = S.Comments[index];
        var after = before with { Resolved = resolved, ResolvedBy = resolved ? by.Name : null, ResolvedAt = resolved ? clock.GetUtcNow() : null };
        S.Comments[index] = after;
        await state.WriteOrRollBackAsync(() => S.Comments[index] = before, DeactivateOnIdle);
        return Outcome<Comment>.Success(after);
    }

    public Task<IReadOnlyList<Comment>> GetCommentsAsync() => Task.FromResult<IReadOnlyList<Comment>>(S.Comments.ToArray());

    public async Task<Outcome<Proposal>> AddProposalAsync(string text, string onBehalfOf, Actor by)
    {
        if (!S.Exists)
            return Outcome<Proposal>.Fail(Failure.NotFound, "no such clause");
        var proposal = new Proposal(Ids.New(), text, by.MemberState, onBehalfOf, by.Name, clock.GetUtcNow(), "open", S.Current.Version);
        S.Proposals.Add(proposal);
        await state.WriteOrRollBackAsync(() => S.Proposals.RemoveAt(S.Proposals.Count - 1), DeactivateOnIdle);
        return Outcome<Proposal>.Success(proposal);
    }

    public Task<IReadOnlyList<Proposal>> GetProposalsAsync() => Task.FromResult<IReadOnlyList<Proposal>>(S.Proposals.ToArray());

    private ClauseView View()
    {
        var current = S.Current;
        var brackets = BracketParser.Parse(current.Text);
        var status = ClauseStatusRules.Derive(current.Text, S.Agreement);
        return new ClauseView(S.ClauseId, S.MouId, S.Number, S.Heading, current.Text, current.Version,
            ClauseStatusRules.ToWire(status), ClauseStatusRules.ToWire(S.Agreement), current.At, current.Author, brackets.Count);
    }
}
