using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

[Collection("api")]
public sealed class NegotiationFlowTests(ApiFixture fixture)
{
    private const string Old = "Troop-contributing countries [shall][should] ensure that all personnel receive pre-deployment training.";
    private const string New = "Troop-contributing countries shall certify that all personnel completed pre-deployment training.";

    [Fact]
    public async Task A_clause_is_drafted_diffed_commented_proposed_published_and_signed_off()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var ind = await fixture.App.ClientAsync("Delegate", "IND");
        var obs = await fixture.App.ClientAsync("Observer", "NPL");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, Old, "Training");
        var path = $"/api/mous/{mou}/clauses/{clause}";

        var get = await obs.GetAsync(path);
        var view = await get.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", get.Headers.ETag?.ToString());
        Assert.Equal("bracketed", view.GetProperty("status").GetString());
        Assert.Equal("OP1", view.GetProperty("number").GetString());

        await (await sec.PutTextAsync(path, New, null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await (await sec.PutTextAsync(path, New, "\"1\"", "brackets removed")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        await (await sec.PutTextAsync(path, New + " x", "\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await fra.PutTextAsync(path, "delegate edit", "\"2\"")).ProblemAsync(HttpStatusCode.Forbidden);

        var drafts = await (await obs.GetAsync(path + "/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([Old, New], drafts.EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        Assert.Equal("brackets removed", drafts[1].GetProperty("rationale").GetString());

        var diff = await (await obs.GetAsync(path + "/diff?from=1&to=2")).JsonAsync(HttpStatusCode.OK);
        var changes = diff.GetProperty("changes").EnumerateArray().Select(c => (Op: c.GetProperty("op").GetString(), Text: c.GetProperty("text").GetString())).ToList();
        Assert.Equal(Old, string.Concat(changes.Where(c => c.Op is "equal" or "delete").Select(c => c.Text)));
        Assert.Equal(New, string.Concat(changes.Where(c => c.Op is "equal" or "insert").Select(c => c.Text)));
        Assert.Contains(changes, c => c.Op == "insert" && c.Text!.Contains("certify") && !c.Text.Contains("Troop"));

        var comment = await (await fra.PostAsJsonAsync(path + "/comments", new { text = "France prefers 'shall certify'.", quote = "shall certify" })).JsonAsync(HttpStatusCode.Created);
        var commentId = comment.GetProperty("id").GetString();
        await (await ind.PostAsJsonAsync(path + "/comments", new { text = "India agrees.", replyTo = commentId })).JsonAsync(HttpStatusCode.Created);
        await (await obs.PostAsJsonAsync(path + "/comments", new { text = "observer" })).ProblemAsync(HttpStatusCode.Forbidden);
        var comments = await (await obs.GetAsync(path + "/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, comments.GetArrayLength());
        Assert.Equal("IND", comments[1].GetProperty("memberState").GetString());
        Assert.Equal(commentId, comments[1].GetProperty("replyTo").GetString());
        Assert.Equal("shall certify", comments[0].GetProperty("quote").GetString());

        await (await ind.PostAsJsonAsync(path + "/proposals", new { text = "States shall certify.", onBehalfOf = "NAM" })).JsonAsync(HttpStatusCode.Created);
        await (await ind.PostAsJsonAsync(path + "/proposals", new { text = "States shall certify.", onBehalfOf = "FRA" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await ind.PostAsJsonAsync(path + "/proposals", new { text = "States shall certify.", onBehalfOf = "EU" })).ProblemAsync(HttpStatusCode.Forbidden);
        var proposals = await (await obs.GetAsync(path + "/proposals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("NAM", proposals[0].GetProperty("onBehalfOf").GetString());
        Assert.Equal("IND", proposals[0].GetProperty("memberState").GetString());

        var rev1 = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, rev1.GetProperty("number").GetInt32());
        Assert.StartsWith("sha256:", rev1.GetProperty("hash").GetString());
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.x" })).ProblemAsync(HttpStatusCode.Forbidden);

        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "IND", position = "object", note = "spoof" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "agree", note = "" })).JsonAsync(HttpStatusCode.Created);
        var pending = await (await obs.GetAsync($"/api/mous/{mou}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", pending.GetProperty("consensus").GetString());
        await (await ind.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "IND", position = "reserve", note = "subject to capital" })).JsonAsync(HttpStatusCode.Created);
        var adopted = await (await obs.GetAsync($"/api/mous/{mou}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("adopted", adopted.GetProperty("consensus").GetString());
        Assert.Equal("reserve", adopted.GetProperty("positions")[1].GetProperty("position").GetString());

        var etag = (await sec.GetAsync(path)).Headers.ETag!.ToString();
        await (await sec.PutTextAsync(path, New + " Reports go to the Secretariat.", etag)).JsonAsync(HttpStatusCode.OK);
        var rev2 = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(rev1.GetProperty("hash").GetString(), rev2.GetProperty("hash").GetString());
        var compare = await (await obs.GetAsync($"/api/mous/{mou}/compare?from=1&to=2")).JsonAsync(HttpStatusCode.OK);
        var changed = compare.GetProperty("clauses")[0];
        Assert.Equal("changed", changed.GetProperty("change").GetString());
        Assert.Contains(changed.GetProperty("changes").EnumerateArray(), c => c.GetProperty("op").GetString() == "insert" && c.GetProperty("text").GetString()!.Contains("Secretariat"));
        var positions2 = await (await obs.GetAsync($"/api/mous/{mou}/revisions/2/positions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, positions2.GetProperty("positions").GetArrayLength());

        var whole = await (await obs.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, whole.GetProperty("revisions").GetArrayLength());
        Assert.Equal(clause, whole.GetProperty("clauses")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Mous_are_listed_per_organization_and_hidden_from_other_organizations()
    {
        var unSec = await fixture.App.ClientAsync("Secretariat");
        var osceDelegate = await fixture.App.ClientAsync("Delegate", "AUT", "osce");
        var mou = await unSec.CreateMouAsync();

        var list = await (await unSec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("id").GetString() == mou && m.GetProperty("status").GetString() == "drafting");
        await (await osceDelegate.GetAsync($"/api/mous/{mou}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await osceDelegate.GetAsync("/api/mous?organization=un")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await unSec.PostAsJsonAsync("/api/mous", new { organization = "osce", title = "x", parties = new[] { "FRA" } })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Clauses_inserted_between_others_get_bis_numbers_and_keep_document_order()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var op1 = await sec.AddClauseAsync(mou, "One.");
        var op2 = await sec.AddClauseAsync(mou, "Two.");
        var bis = await sec.AddClauseAsync(mou, "One and a half.", after: op1);
        var pp = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = "", text = "Recalling,", kind = "preambular" })).JsonAsync(HttpStatusCode.Created);

        var whole = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        var clauses = whole.GetProperty("clauses").EnumerateArray().Select(c => (Id: c.GetProperty("id").GetString(), Number: c.GetProperty("number").GetString())).ToList();
        Assert.Equal([op1, bis, op2, pp.GetProperty("id").GetString()], clauses.Select(c => c.Id));
        Assert.Equal(["OP1", "OP1 bis", "OP2", "PP1"], clauses.Select(c => c.Number));
    }

    [Fact]
    public async Task A_confidential_round_hides_drafts_and_comments_from_observers_and_non_parties()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var created = await (await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Informal consultations", parties = new[] { "FRA" }, confidential = true }))
            .JsonAsync(HttpStatusCode.Created);
        var mou = created.GetProperty("id").GetString()!;
        var clause = await sec.AddClauseAsync(mou, "Text.");
        var path = $"/api/mous/{mou}/clauses/{clause}";

        await (await (await fixture.App.ClientAsync("Observer", "NPL")).GetAsync(path + "/comments")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await fixture.App.ClientAsync("Delegate", "IND")).GetAsync(path + "/drafts")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await fixture.App.ClientAsync("Delegate", "FRA")).GetAsync(path + "/comments")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_and_openapi_answer()
    {
        var anonymous = fixture.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/mous/{mouId}/clauses/{clauseId}/diff", out _));
        Assert.True(paths.TryGetProperty("/api/mous/{mouId}/revisions/{number}/positions", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/mous")).StatusCode);
    }
}
