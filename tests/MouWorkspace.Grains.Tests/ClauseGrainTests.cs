using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Clauses;

namespace MouWorkspace.Grains.Tests;

[Collection("cluster")]
public sealed class ClauseGrainTests(ClusterFixture fixture)
{
    private async Task<IClauseGrain> NewClauseAsync(string text = "The Government shall exercise jurisdiction.")
    {
        var mouId = Ids.New();
        var clauseId = Ids.New();
        var grain = fixture.Grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId));
        var created = await grain.InitializeAsync(new InitClause(mouId, clauseId, "OP1", "Jurisdiction", text, "first", Actors.Secretariat));
        Assert.True(created.Ok);
        return grain;
    }

    [Fact]
    public async Task Saving_with_the_current_version_adds_an_immutable_draft()
    {
        var clause = await NewClauseAsync();
        var saved = await clause.SaveDraftAsync("The Government shall have exclusive jurisdiction.", "IND proposal", 1, Actors.Legal);

        Assert.True(saved.Ok);
        Assert.Equal(2, saved.Value!.Version);
        var drafts = await clause.GetDraftsAsync();
        Assert.Equal(["The Government shall exercise jurisdiction.", "The Government shall have exclusive jurisdiction."], drafts.Select(d => d.Text));
        Assert.Equal("Legal Officer", drafts[1].Author);
        Assert.Equal("IND proposal", drafts[1].Rationale);
    }

    [Fact]
    public async Task A_comment_thread_is_the_comment_and_the_comments_it_answers_oldest_first()
    {
        var clause = await NewClauseAsync();
        var root = (await clause.AddCommentAsync("Why exclusive?", null, null, Actors.Delegate("FRA"))).Value!;
        var other = (await clause.AddCommentAsync("A comment of its own.", null, null, Actors.Delegate("IND"))).Value!;
        var reply = (await clause.AddCommentAsync("Because of the SOFA.", null, root.Id, Actors.Delegate("IND"))).Value!;
        var again = (await clause.AddCommentAsync("The SOFA says otherwise.", null, reply.Id, Actors.Delegate("FRA"))).Value!;
        var fourth = (await clause.AddCommentAsync("Let us take it offline.", null, again.Id, Actors.Delegate("IND"))).Value!;

        Assert.Equal([reply.Id, again.Id, fourth.Id], (await clause.GetCommentThreadAsync(fourth.Id, parents: 2)).Select(c => c.Id));
        Assert.Equal([root.Id, reply.Id, again.Id, fourth.Id], (await clause.GetCommentThreadAsync(fourth.Id, parents: 10)).Select(c => c.Id));
        Assert.Equal([other.Id], (await clause.GetCommentThreadAsync(other.Id, parents: 2)).Select(c => c.Id));
        Assert.Equal("The SOFA says otherwise.", Assert.Single(await clause.GetCommentThreadAsync(again.Id, parents: 0)).Text);
        Assert.Empty(await clause.GetCommentThreadAsync("no-such-comment", parents: 2));
    }

    [Fact]
    public async Task Saving_with_a_stale_version_fails_and_keeps_the_other_writers_draft()
    {
        var clause = await NewClauseAsync();
        Assert.True((await clause.SaveDraftAsync("first writer", "", 1, Actors.Legal)).Ok);

        var stale = await clause.SaveDraftAsync("second writer", "", 1, Actors.Secretariat);

        Assert.Equal(Failure.PreconditionFailed, stale.Failure);
        Assert.Contains("Legal Officer", stale.Message);
        Assert.Equal("first writer", (await clause.GetAsync())!.Text);
        Assert.Equal(2, (await clause.GetDraftsAsync()).Count);
    }

    [Fact]
    public async Task Twenty_racing_writers_with_the_same_version_leave_exactly_one_winner()
    {
        var clause = await NewClauseAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clause.SaveDraftAsync($"writer {i}", "", 1, Actors.Legal)));

        Assert.Single(results, r => r.Ok);
        Assert.Equal(19, results.Count(r => r.Failure == Failure.PreconditionFailed));
        Assert.Equal(2, (await clause.GetDraftsAsync()).Count);
    }

    [Fact]
    public async Task A_bracketed_clause_cannot_be_agreed_and_a_new_draft_reopens_an_agreed_one()
    {
        var clause = await NewClauseAsync("States [shall][should] train personnel.");
        Assert.Equal("bracketed", (await clause.GetAsync())!.Status);
        Assert.Equal(Failure.Conflict, (await clause.SetAgreementAsync(Agreement.Agreed, Actors.Secretariat)).Failure);

        await clause.SaveDraftAsync("States shall train personnel.", "brackets removed", 1, Actors.Legal);
        var agreed = await clause.SetAgreementAsync(Agreement.AdReferendum, Actors.Secretariat);
        Assert.Equal("agreed-ad-ref", agreed.Value!.Status);

        var reopened = await clause.SaveDraftAsync("States shall train all personnel.", "reopened", 2, Actors.Legal);
        Assert.Equal("proposed", reopened.Value!.Status);
    }

    [Fact]
    public async Task Comments_thread_anchor_to_quoted_words_and_resolve()
    {
        var clause = await NewClauseAsync();
        var first = await clause.AddCommentAsync("Too weak.", "exercise jurisdiction", null, Actors.Delegate("FRA"));
        var reply = await clause.AddCommentAsync("Agreed.", null, first.Value!.Id, Actors.Delegate("IND"));
        var badQuote = await clause.AddCommentAsync("?", "words not in the text", null, Actors.Delegate("IND"));
        var badReply = await clause.AddCommentAsync("?", null, "nope", Actors.Delegate("IND"));
        var resolved = await clause.ResolveCommentAsync(first.Value.Id, true, Actors.Secretariat);

        Assert.True(reply.Ok);
        Assert.Equal(Failure.Invalid, badQuote.Failure);
        Assert.Equal(Failure.Invalid, badReply.Failure);
        Assert.True(resolved.Value!.Resolved);
        var comments = await clause.GetCommentsAsync();
        Assert.Equal(2, comments.Count);
        Assert.Equal("FRA", comments[0].MemberState);
        Assert.Equal(first.Value.Id, comments[1].ReplyTo);
        Assert.True(comments[0].Resolved);
    }

    [Fact]
    public async Task Proposals_are_attributed_to_the_state_and_the_group()
    {
        var clause = await NewClauseAsync();
        await clause.AddProposalAsync("The Government shall have exclusive jurisdiction.", "NAM", Actors.Delegate("IND"));

        var proposal = Assert.Single(await clause.GetProposalsAsync());
        Assert.Equal("IND", proposal.MemberState);
        Assert.Equal("NAM", proposal.OnBehalfOf);
        Assert.Equal(1, proposal.BaseVersion);
        Assert.Equal("open", proposal.Status);
    }

    [Fact]
    public async Task A_clause_is_created_once()
    {
        var clause = await NewClauseAsync();
        var again = await clause.InitializeAsync(new InitClause("m", "c", "OP1", "", "x", "", Actors.Secretariat));
        Assert.Equal(Failure.Conflict, again.Failure);
    }
}
