using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Projection;

/// <summary>The "now discussing" pointer over HTTP: versions, validation, who may move and who may read it.</summary>
[Collection("api")]
public sealed class NowDiscussingApiTests(ApiFixture fixture)
{
    private static HttpRequestMessage Put(string mou, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static HttpRequestMessage Delete(string mou, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/mous/{mou}/now-discussing");
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string mou) =>
        await (await client.GetAsync($"/api/mous/{mou}/now-discussing")).JsonAsync(HttpStatusCode.OK);

    private async Task<(HttpClient Sec, string Mou, string First, string Second, string Proposal)> ArrangeAsync(bool confidential = false)
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var created = await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Projection " + Guid.NewGuid().ToString("N")[..6], parties = new[] { "FRA", "IND" }, confidential });
        var mou = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var first = await sec.AddClauseAsync(mou, "States [shall][should] train all personnel.", "Training");
        var second = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        var france = await fixture.App.ClientAsync("Delegate", "FRA");
        var proposal = (await (await france.PostAsJsonAsync($"/api/mous/{mou}/clauses/{first}/proposals", new { text = "States shall train and certify all personnel." }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return (sec, mou, first, second, proposal);
    }

    [Fact]
    public async Task The_secretariat_moves_the_pointer_with_the_version_it_read_and_clears_it()
    {
        var (sec, mou, first, second, proposal) = await ArrangeAsync();
        var initial = await sec.GetAsync($"/api/mous/{mou}/now-discussing");
        Assert.Equal("\"0\"", initial.Headers.ETag?.Tag);
        var empty = await initial.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("clauseId").ValueKind);
        Assert.Equal(0, empty.GetProperty("version").GetInt32());

        var set = await sec.SendAsync(Put(mou, new { clauseId = first, proposalId = proposal }, "\"0\""));
        Assert.Equal("\"1\"", set.Headers.ETag?.Tag);
        var pointer = await set.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first, pointer.GetProperty("clauseId").GetString());
        Assert.Equal(proposal, pointer.GetProperty("proposalId").GetString());
        Assert.Equal(1, pointer.GetProperty("version").GetInt32());

        var moved = await (await sec.SendAsync(Put(mou, new { clauseId = second }, "\"1\""))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(second, moved.GetProperty("clauseId").GetString());
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("proposalId").ValueKind);

        // Any reader of the organization sees where the room is.
        var observer = await fixture.App.ClientAsync("Observer", "NPL");
        var read = await GetAsync(observer, mou);
        Assert.Equal(second, read.GetProperty("clauseId").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt32());

        var cleared = await sec.SendAsync(Delete(mou, "\"2\""));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal("\"3\"", cleared.Headers.ETag?.Tag);
        var after = await GetAsync(sec, mou);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("clauseId").ValueKind);
        Assert.Equal(3, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_stale_version_is_412_and_the_other_move_stays()
    {
        var (sec, mou, first, second, _) = await ArrangeAsync();
        var colleague = await fixture.App.ClientAsync("Secretariat", name: "Another secretariat member");
        await (await sec.SendAsync(Put(mou, new { clauseId = first }, "\"0\""))).JsonAsync(HttpStatusCode.OK);
        // The colleague read version 0 before that move.
        var stale = await (await colleague.SendAsync(Put(mou, new { clauseId = second }, "\"0\""))).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("version 1", stale.GetProperty("detail").GetString());
        await (await colleague.SendAsync(Delete(mou, "\"0\""))).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(first, (await GetAsync(sec, mou)).GetProperty("clauseId").GetString());

        await (await sec.SendAsync(Put(mou, new { clauseId = second }, null))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await sec.SendAsync(Delete(mou, null))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(1, (await GetAsync(sec, mou)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Unknown_clauses_and_proposals_are_404_and_bad_input_is_400()
    {
        var (sec, mou, first, second, proposal) = await ArrangeAsync();
        await (await sec.SendAsync(Put(mou, new { clauseId = "nosuchclause" }, "\"0\""))).ProblemAsync(HttpStatusCode.NotFound);
        // A proposal made on another clause is not one of this clause's.
        await (await sec.SendAsync(Put(mou, new { clauseId = second, proposalId = proposal }, "\"0\""))).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.SendAsync(Put(mou, new { clauseId = first, proposalId = "nosuchproposal" }, "\"0\""))).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync("/api/mous/nosuchmou/now-discussing")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.SendAsync(Put("nosuchmou", new { clauseId = first }, "\"0\""))).ProblemAsync(HttpStatusCode.NotFound);

        // A removed clause is no longer under negotiation.
        await (await sec.DeleteAsync($"/api/mous/{mou}/clauses/{second}")).JsonAsync(HttpStatusCode.NoContent);
        await (await sec.SendAsync(Put(mou, new { clauseId = second }, "\"0\""))).ProblemAsync(HttpStatusCode.NotFound);

        var missing = await (await sec.SendAsync(Put(mou, new { proposalId = proposal }, "\"0\""))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("clauseId", out _));
        await (await sec.SendAsync(Put(mou, new { clauseId = "../etc" }, "\"0\""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.SendAsync(Put(mou, new { clauseId = first, proposalId = "not an id" }, "\"0\""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.SendAsync(Put(mou, new { clauseId = first }, "\"one\""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.SendAsync(Put(mou, new { clauseId = first }, "\"-1\""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.SendAsync(Delete(mou, "soon"))).ProblemAsync(HttpStatusCode.BadRequest);
        var broken = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = ApiClient.RawJson("{\"clauseId\": ") };
        broken.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await sec.SendAsync(broken)).ProblemAsync(HttpStatusCode.BadRequest);

        // Nothing of that moved the pointer.
        var pointer = await GetAsync(sec, mou);
        Assert.Equal(0, pointer.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, pointer.GetProperty("clauseId").ValueKind);
    }

    [Fact]
    public async Task Only_the_secretariat_of_the_organization_moves_it_and_a_non_party_of_a_confidential_round_cannot_read_it()
    {
        var (sec, mou, first, _, _) = await ArrangeAsync(confidential: true);
        foreach (var (role, state, organization) in new[] { ("LegalOfficer", (string?)null, "un"), ("Delegate", "FRA", "un"), ("Observer", null, "un"), ("Admin", null, "un"), ("Secretariat", null, "osce") })
        {
            var other = await fixture.App.ClientAsync(role, state, organization);
            await (await other.SendAsync(Put(mou, new { clauseId = first }, "\"0\""))).ProblemAsync(HttpStatusCode.Forbidden);
            await (await other.SendAsync(Delete(mou, "\"0\""))).ProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await sec.SendAsync(Put(mou, new { clauseId = first }, "\"0\""))).JsonAsync(HttpStatusCode.OK);

        // Parties and staff see what the room discusses; a delegate of a non-party and an observer do not.
        Assert.Equal(first, (await GetAsync(await fixture.App.ClientAsync("Delegate", "FRA"), mou)).GetProperty("clauseId").GetString());
        Assert.Equal(first, (await GetAsync(await fixture.App.ClientAsync("LegalOfficer"), mou)).GetProperty("clauseId").GetString());
        foreach (var (role, state) in new[] { ("Delegate", "NPL"), ("Observer", "NPL") })
        {
            var outsider = await fixture.App.ClientAsync(role, state);
            var refused = await outsider.GetAsync($"/api/mous/{mou}/now-discussing");
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain(first, body);
        }
    }
}
