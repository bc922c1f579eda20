using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Brackets;
using MouWorkspace.Domain.Clauses;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Clauses;

public sealed partial class ClauseGrain(
    [PersistentState("clause", StorageNames.Blobs)] IPersistentState<ClauseState> state,
    ICommentStore commentStore,
    TimeProvider clock) : Grain, IClauseGrain, IIncomingGrainCallFilter
{
    private LocalReads? reads;

    /// <summary>Every call: afterwards the stored view goes to <see cref="LocalReads"/> when it changed.</summary>
    public Task Invoke(IIncomingGrainCallContext context)
    {
        reads ??= (LocalReads?)ServiceProvider.GetService(typeof(LocalReads));
        return context.InvokeAndPublishAsync(reads, LocalReads.ClauseKeyOf(this.GetPrimaryKeyString()), this,
            () => S.Exists ? state.Etag : null, View);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        reads?.Withdraw(LocalReads.ClauseKeyOf(this.GetPrimaryKeyString()), this);
        return Task.CompletedTask;
    }

    /// <summary>Loaded on first use (reading a clause's text does not need its discussion), once even if read calls interleave.</summary>
    private Task<List<Comment>>? comments;

    private (string Etag, ClauseView View)? view;

    private ClauseState S => state.State;

    private string MouPart => this.GetPrimaryKeyString().Split('/')[0];

    /// <summary>The language of a language version's grain (key <c>{mouId}/{clauseId}/{language}</c>); null for the original.</summary>
    private string? LanguagePart => this.GetPrimaryKeyString().Split('/') is { Length: > 2 } parts ? parts[2] : null;

    /// <summary>
    /// Whose comments these are in the comment store: the clause id, or <c>{clauseId}.{language}</c> for a language
    /// version (its grain holds the original's ids in its state, and its discussion is its own).
    /// </summary>
    private string CommentsKey => string.Join('.', this.GetPrimaryKeyString().Split('/').Skip(1));

    /// <summary>
    /// The clause's comments from the comment store. Comments written by an earlier version into the clause's
    /// blob move to the store on first use (by number, so a move interrupted half-way is simply done again).
    /// </summary>
    private Task<List<Comment>> CommentsAsync()
    {
        // A failed read is not remembered: the next call tries again.
        if (comments is null || comments.IsFaulted || comments.IsCanceled)
            comments = ReadCommentsAsync();
        return comments;
    }

    private async Task<List<Comment>> ReadCommentsAsync()
    {
        var stored = (await commentStore.ReadAsync(MouPart, CommentsKey)).ToList();
        if (S.Comments.Count > 0)
        {
            for (var i = 0; i < S.Comments.Count; i++)
                await commentStore.ReplaceAsync(MouPart, CommentsKey, i + 1, S.Comments[i]);
            if (stored.Count < S.Comments.Count)
                stored = [.. S.Comments, .. stored.Skip(S.Comments.Count)];
            var moved = S.Comments;
            S.Comments = [];
            await state.WriteOrRollBackAsync(() => S.Comments = moved, DeactivateOnIdle);
        }
        return stored;
    }

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
        await this.PublishAsync(new DraftSaved(S.MouId, S.ClauseId, S.Number, S.Current.Version, rationale, by, S.Current.At));
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
        await this.PublishAsync(new AgreementChanged(S.MouId, S.ClauseId, S.Number, ClauseStatusRules.ToWire(agreement), by, clock.GetUtcNow()));
        return Outcome<ClauseView>.Success(View());
    }

    public async Task<Outcome<Comment>> AddCommentAsync(string text, string? quote, string? replyTo, Actor by, Recorded? recorded = null)
    {
        if (!S.Exists)
            return Outcome<Comment>.Fail(Failure.NotFound, "no such clause");
        var list = await CommentsAsync();
        if (replyTo is not null && list.All(c => c.Id != replyTo))
            return Outcome<Comment>.Fail(Failure.Invalid, $"replyTo: there is no comment {replyTo} on this clause");
        if (!string.IsNullOrEmpty(quote) && !S.Current.Text.Contains(quote, StringComparison.Ordinal))
            return Outcome<Comment>.Fail(Failure.Invalid, "quote: the quoted words are not in the current text of the clause");
        var comment = new Comment(Ids.New(), by.Name, by.MemberState, text, string.IsNullOrEmpty(quote) ? null : quote,
            replyTo, clock.GetUtcNow(), false, S.Current.Version, AuthorId: by.UserId, RecordedBy: recorded?.By, RecordedAt: recorded?.At);
        await WriteCommentOrForgetAsync(() => commentStore.AddAsync(MouPart, CommentsKey, list.Count + 1, comment));
        list.Add(comment);
        await this.PublishAsync(new CommentAdded(S.MouId, S.ClauseId, S.Number, comment.Id, replyTo, LanguagePart, by, comment.At));
        return Outcome<Comment>.Success(comment);
    }

    public async Task<Outcome<Comment>> ResolveCommentAsync(string commentId, bool resolved, Actor by)
    {
        var list = S.Exists ? await CommentsAsync() : [];
        var index = list.FindIndex(c => c.Id == commentId);
        if (index < 0)
            return Outcome<Comment>.Fail(Failure.NotFound, $"there is no comment {commentId} on this clause");
        if (!list[index].MayBeResolvedBy(by))
            return Outcome<Comment>.Fail(Failure.Forbidden,
                $"only the author, the delegation of {list[index].MemberState ?? "its author"} or staff may {(resolved ? "resolve" : "reopen")} this thread");
        var after = list[index] with { Resolved = resolved, ResolvedBy = resolved ? by.Name : null, ResolvedAt = resolved ? clock.GetUtcNow() : null };
        await WriteCommentOrForgetAsync(() => commentStore.ReplaceAsync(MouPart, CommentsKey, index + 1, after));
        list[index] = after;
        await this.PublishAsync(new CommentResolved(S.MouId, S.ClauseId, S.Number, commentId, resolved, LanguagePart, by, clock.GetUtcNow()));
        return Outcome<Comment>.Success(after);
    }

    public async Task<IReadOnlyList<Comment>> GetCommentsAsync() => S.Exists ? [.. await CommentsAsync()] : [];

    public async Task<IReadOnlyList<Comment>> GetCommentThreadAsync(string commentId, int parents)
    {
        if (!S.Exists)
            return [];
        var list = await CommentsAsync();
        // From the end: the comment asked for is usually the newest.
        var comment = list.FindLast(c => c.Id == commentId);
        if (comment is null)
            return [];
        var thread = new List<Comment> { comment };
        for (var parent = comment.ReplyTo; parent is not null && thread.Count <= parents;)
        {
            var found = list.Find(c => c.Id == parent);
            if (found is null || thread.Contains(found))
                break;
            thread.Insert(0, found);
            parent = found.ReplyTo;
        }
        return thread;
    }

    /// <summary>A write whose outcome is unknown: forget the comments held in memory and read them again next time.</summary>
    private async Task WriteCommentOrForgetAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            comments = null;
            throw;
        }
    }

    public async Task<Outcome<Proposal>> AddProposalAsync(string text, string onBehalfOf, Actor by, Recorded? recorded = null)
    {
        if (!S.Exists)
            return Outcome<Proposal>.Fail(Failure.NotFound, "no such clause");
        if (text == S.Current.Text)
            return Outcome<Proposal>.Fail(Failure.Unprocessable, "the proposed wording is the current text; a proposal must change something");
        // The same wording proposed again for the same sponsor on the same version (a second click, a retried call) is
        // the proposal already made.
        if (S.Proposals.FirstOrDefault(p => p.Status == "open" && p.Text == text && p.OnBehalfOf == onBehalfOf && p.BaseVersion == S.Current.Version)
            is { } same)
            return Outcome<Proposal>.Success(same);
        var proposal = new Proposal(Ids.New(), text, by.MemberState, onBehalfOf, by.Name, clock.GetUtcNow(), "open", S.Current.Version,
            RecordedBy: recorded?.By, RecordedAt: recorded?.At);
        S.Proposals.Add(proposal);
        await state.WriteOrRollBackAsync(() => S.Proposals.RemoveAt(S.Proposals.Count - 1), DeactivateOnIdle);
        await this.PublishAsync(new ProposalSubmitted(S.MouId, S.ClauseId, S.Number, proposal.Id, onBehalfOf, LanguagePart, by, proposal.At));
        return Outcome<Proposal>.Success(proposal);
    }

    public Task<IReadOnlyList<Proposal>> GetProposalsAsync() => Task.FromResult<IReadOnlyList<Proposal>>(S.Proposals.ToArray());

    /// <summary>
    /// Built once per stored version of the state (each write gives a new ETag), not per read: a read of the clause
    /// is the API's hottest call, and the bracket parse and status behind the view only change with a write.
    /// </summary>
    private ClauseView View()
    {
        if (view is { } known && state.Etag is { } etag && known.Etag == etag)
            return known.View;
        var current = S.Current;
        var brackets = BracketParser.Parse(current.Text);
        var status = ClauseStatusRules.Derive(current.Text, S.Agreement);
        var built = new ClauseView(S.ClauseId, S.MouId, S.Number, S.Heading, current.Text, current.Version,
            ClauseStatusRules.ToWire(status), ClauseStatusRules.ToWire(S.Agreement), current.At, current.Author, brackets.Count);
        view = state.Etag is null ? null : (state.Etag, built);
        return built;
    }
}
