using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;
using static MouWorkspace.Web.Tests.Api.ProposalCalls;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>
/// The amendment workflow over HTTP (../shared/API.md, "Amendments"): proposals decided and folded into the text by the
/// server, co-sponsors, clashes, sub-amendments, and the proposal window.
/// </summary>
[Collection("api")]
public sealed class AmendmentTests(ApiFixture fixture)
{
    private const string Text = "States shall train all personnel before deployment and report annually.";

    private static async Task<string> ProposeAsync(HttpClient delegation, string mou, string clause, string text, string? onBehalfOf = null, string? amends = null)
    {
        var created = await (await delegation.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text, onBehalfOf, amends }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("open", created.GetProperty("status").GetString());
        return created.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Accepting_two_proposals_merges_both_into_new_drafts_and_rejecting_one_keeps_the_text()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Legal officer of the amendments test");
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, Text);

        var created = await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = Text })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("current text", created.GetProperty("detail").GetString());
        var certify = await ProposeAsync(ind, mou, clause, "States shall certify all personnel before deployment and report annually.", "NAM");
        var quarterly = await ProposeAsync(fra, mou, clause, "States shall train all personnel before deployment and report quarterly.");
        var never = await ProposeAsync(fra, mou, clause, "States shall train some personnel before deployment and report annually.");
        Assert.Equal(certify, await ProposeAsync(ind, mou, clause, "States shall certify all personnel before deployment and report annually.", "NAM"));

        // France co-sponsors India's; France's own cannot be co-sponsored by France; India cannot act for France.
        var joined = await (await fra.PutAsync($"/api/mous/{mou}/proposals/{certify}/cosponsors/FRA", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["FRA"], joined.GetProperty("cosponsors").EnumerateArray().Select(c => c.GetString()!).ToArray());
        await (await fra.PutAsync($"/api/mous/{mou}/proposals/{quarterly}/cosponsors/FRA", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await ind.PutAsync($"/api/mous/{mou}/proposals/{quarterly}/cosponsors/FRA", null)).ProblemAsync(HttpStatusCode.Forbidden);

        // No clash between certify/train and annually/quarterly; "some" and "certify" do not touch the same word either.
        Assert.Empty((await ProposalAsync(fra, mou, certify)).GetProperty("clashesWith").EnumerateArray());

        // Only staff accept; only the sponsor withdraws.
        await (await DecideAsync(ind, mou, certify, "accepted")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await DecideAsync(ind, mou, quarterly, "withdrawn")).ProblemAsync(HttpStatusCode.Forbidden);

        var first = await (await DecideAsync(legal, mou, certify, "accepted", "as agreed in the informals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("accepted", "Legal officer of the amendments test"), (first.GetProperty("status").GetString(), first.GetProperty("decidedBy").GetString()));
        Assert.Equal(2, first.GetProperty("foldedInto").GetProperty("version").GetInt32());
        var second = await (await DecideAsync(legal, mou, quarterly, "accepted")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, second.GetProperty("foldedInto").GetProperty("version").GetInt32());
        await (await DecideAsync(legal, mou, never, "rejected", "no support")).JsonAsync(HttpStatusCode.OK);
        await (await DecideAsync(legal, mou, never, "accepted")).ProblemAsync(HttpStatusCode.Conflict);

        var drafts = await (await fra.GetAsync($"/api/mous/{mou}/clauses/{clause}/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("States shall certify all personnel before deployment and report quarterly.", drafts[2].GetProperty("text").GetString());
        Assert.Contains("Non-Aligned Movement (IND), supported by FRA", drafts[1].GetProperty("rationale").GetString());
        Assert.Contains("as agreed in the informals", drafts[1].GetProperty("rationale").GetString());
        var current = await (await fra.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, current.GetProperty("version").GetInt32());
        Assert.Equal("rejected", (await ProposalAsync(fra, mou, never)).GetProperty("status").GetString());
        Assert.Equal(2, (await (await fra.GetAsync($"/api/mous/{mou}/proposals?status=accepted")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task An_overlapping_acceptance_answers_409_with_the_words_and_changes_nothing()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var ind = await fixture.App.ClientAsync("Delegate", "IND");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, Text);
        var india = await ProposeAsync(ind, mou, clause, "States shall certify all personnel before deployment and report annually.");
        var france = await ProposeAsync(fra, mou, clause, "States shall screen all personnel before deployment and report annually.");
        Assert.Equal([france], (await ProposalAsync(ind, mou, india)).GetProperty("clashesWith").EnumerateArray().Select(c => c.GetString()!).ToArray());

        await (await DecideAsync(sec, mou, india, "accepted")).JsonAsync(HttpStatusCode.OK);
        var clash = await (await DecideAsync(sec, mou, france, "accepted")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("“certify”", clash.GetProperty("detail").GetString());
        Assert.Contains("“screen”", clash.GetProperty("detail").GetString());
        var current = await (await fra.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, "States shall certify all personnel before deployment and report annually."),
            (current.GetProperty("version").GetInt32(), current.GetProperty("text").GetString()));
        Assert.Equal("open", (await ProposalAsync(fra, mou, france)).GetProperty("status").GetString());

        // France withdraws its own; India may not withdraw France's.
        await (await DecideAsync(ind, mou, france, "withdrawn")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await DecideAsync(fra, mou, france, "withdrawn", "overtaken")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sub_amendment_is_decided_before_its_parent_and_becomes_its_wording()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var ind = await fixture.App.ClientAsync("Delegate", "IND");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, Text);
        var parent = await ProposeAsync(ind, mou, clause, "States shall certify all personnel before deployment and report annually.");
        var sub = await ProposeAsync(fra, mou, clause, "States shall certify all deployed personnel before deployment and report annually.", amends: parent);
        Assert.Equal(parent, (await ProposalAsync(ind, mou, sub)).GetProperty("amends").GetString());

        await (await DecideAsync(sec, mou, parent, "accepted")).ProblemAsync(HttpStatusCode.Conflict);
        await (await DecideAsync(sec, mou, sub, "accepted")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("States shall certify all deployed personnel before deployment and report annually.", (await ProposalAsync(ind, mou, parent)).GetProperty("text").GetString());
        await (await DecideAsync(sec, mou, parent, "accepted")).JsonAsync(HttpStatusCode.OK);
        var current = await (await fra.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("States shall certify all deployed personnel before deployment and report annually.", current.GetProperty("text").GetString());
    }


    [Fact]
    public async Task A_closed_window_refuses_proposals_with_409_until_it_opens_again()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var ind = await fixture.App.ClientAsync("Delegate", "IND");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, Text);
        Assert.True((await (await ind.GetAsync($"/api/mous/{mou}/proposal-window")).JsonAsync(HttpStatusCode.OK)).GetProperty("open").GetBoolean());
        await (await ind.PutAsJsonAsync($"/api/mous/{mou}/proposal-window", new { open = false })).ProblemAsync(HttpStatusCode.Forbidden);
        var closed = await (await sec.PutAsJsonAsync($"/api/mous/{mou}/proposal-window", new { open = false })).JsonAsync(HttpStatusCode.OK);
        Assert.False(closed.GetProperty("open").GetBoolean());
        var refused = await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "States shall train." })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("proposals are closed", refused.GetProperty("detail").GetString());
        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        var open = await (await sec.PutAsJsonAsync($"/api/mous/{mou}/proposal-window", new { open = true, closesAt = deadline })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(deadline, open.GetProperty("closesAt").GetDateTimeOffset());
        await ProposeAsync(ind, mou, clause, "States shall train.");
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/proposal-window", new { open = true, closesAt = DateTimeOffset.UtcNow.AddHours(-1) })).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
