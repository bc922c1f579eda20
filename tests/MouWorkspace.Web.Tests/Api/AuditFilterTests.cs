using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>Issue 15.15: the audit reads narrowed by user, clause and date range; no filter answers every record as before.</summary>
[Collection("api")]
public sealed class AuditFilterTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_audit_of_a_text_is_narrowed_by_user_clause_and_days()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Audit filter secretariat " + tag);
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var op1 = await sec.AddClauseAsync(mou, "First clause.");
        var op2 = await sec.AddClauseAsync(mou, "Second clause.");
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Audit filter France " + tag);
        var india = await fixture.App.ClientAsync("Delegate", "IND", name: "Audit filter India " + tag);
        foreach (var (client, clause) in new[] { (france, op1), (france, op2), (india, op2) })
            await (await client.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "A comment." })).JsonAsync(HttpStatusCode.Created);

        async Task<string[]> Names(string query) =>
            (await (await sec.GetAsync($"/api/mous/{mou}/audit{query}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
        var everything = await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(6, everything.GetArrayLength());
        // Oldest first, filtered or not.
        Assert.Equal(everything.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()).Order(), everything.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));

        Assert.Equal(["Audit filter France " + tag, "Audit filter France " + tag], await Names($"?user={Uri.EscapeDataString("FRANCE " + tag)}"));
        var franceId = everything.EnumerateArray().First(r => r.GetProperty("name").GetString() == "Audit filter France " + tag).GetProperty("userId").GetString()!;
        Assert.Equal(2, (await Names($"?user={Uri.EscapeDataString(franceId)}")).Length);
        Assert.Equal(["Audit filter France " + tag, "Audit filter India " + tag], await Names($"?clause={op2}"));
        Assert.Equal(["Audit filter India " + tag], await Names($"?clause={op2}&user=India%20{tag}"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(6, (await Names($"?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Length);
        Assert.Empty(await Names($"?to={today.AddDays(-1):yyyy-MM-dd}"));
        Assert.Empty(await Names($"?from={today.AddDays(1):yyyy-MM-dd}"));

        await (await sec.GetAsync($"/api/mous/{mou}/audit?from=1%20March")).ProblemAsync(HttpStatusCode.BadRequest);
        var reversed = await (await sec.GetAsync($"/api/mous/{mou}/audit?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("before from", reversed.GetProperty("detail").GetString());
        await (await sec.GetAsync($"/api/mous/{mou}/audit?clause=not%20an%20id")).ProblemAsync(HttpStatusCode.BadRequest);
        // A filter is no way around the read rule.
        await (await france.GetAsync($"/api/mous/{mou}/audit?user=France")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_filters_the_publication_day_and_the_422()
    {
        var openApi = await (await fixture.App.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        var paths = openApi.GetProperty("paths");
        string[] Parameters(string path) =>
            paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Superset(new HashSet<string> { "user", "clause", "from", "to" }, Parameters("/api/mous/{mouId}/audit").ToHashSet());
        Assert.Superset(new HashSet<string> { "organization", "user", "clause", "from", "to" }, Parameters("/api/audit").ToHashSet());
        Assert.Superset(new HashSet<string> { "user", "from", "to" }, Parameters("/api/admin/audit").ToHashSet());
        Assert.True(paths.GetProperty("/api/tccs/{code}/adoptions/{mouId}").GetProperty("put").GetProperty("responses").TryGetProperty("422", out _));
        Assert.Contains("publishedOn", openApi.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organization_log_is_narrowed_by_user_and_days()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Org audit filter " + tag);
        await (await legal.PutAsJsonAsync("/api/tccs/SEN/discipline/2006", new { count = 1, note = "Audit filter " + tag })).JsonAsync(HttpStatusCode.OK);
        var mine = await (await legal.GetAsync($"/api/audit?user={Uri.EscapeDataString("org audit filter " + tag)}")).JsonAsync(HttpStatusCode.OK);
        var record = Assert.Single(mine.EnumerateArray());
        Assert.Equal("PUT /api/tccs/{code}/discipline/{year:int}", record.GetProperty("action").GetString());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Empty((await (await legal.GetAsync($"/api/audit?user={Uri.EscapeDataString("org audit filter " + tag)}&to={today.AddDays(-1):yyyy-MM-dd}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await legal.GetAsync("/api/audit?to=yesterday")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
