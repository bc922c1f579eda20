using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>TCC adoptions, drift, training and discipline over HTTP. Country grains are shared, so each test looks at its own MOU.</summary>
[Collection("api")]
public sealed class TrackingTccTests(ApiFixture fixture)
{
    private static JsonElement Country(JsonElement list, string code) => list.EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_list_has_all_193_member_states_with_english_names_and_regional_groups()
    {
        var reader = await fixture.App.ClientAsync("Observer");
        var list = await (await reader.GetAsync("/api/tccs")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(193, list.GetArrayLength());
        Assert.Equal("Uruguay", Country(list, "URY").GetProperty("name").GetString());
        Assert.Equal("latin-american-and-caribbean", Country(list, "URY").GetProperty("region").GetString());
        Assert.Equal("western-european-and-others", Country(list, "FRA").GetProperty("region").GetString());
        Assert.Equal("african", Country(list, "MAR").GetProperty("region").GetString());
        Assert.Equal("asia-pacific", Country(list, "NPL").GetProperty("region").GetString());
        Assert.Equal("eastern-european", Country(list, "POL").GetProperty("region").GetString());
    }

    [Fact]
    public async Task A_legal_officer_records_an_adoption_and_the_drift_shows_what_changed_since()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var mou = await sec.PublishedMouAsync(texts: ["Troops [shall][should] be trained.", "Commanders are accountable."]);
        var adopted = await (await legal.AdoptAsync("NPL", mou, 1, "2007-05-07", "Note verbale of 7 May 2007")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, adopted.GetProperty("revision").GetInt32());
        Assert.Equal("2007-05-07", adopted.GetProperty("adoptedOn").GetString());
        Assert.Equal("Note verbale of 7 May 2007", adopted.GetProperty("evidenceNote").GetString());

        var clauses = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        var first = clauses.GetProperty("clauses")[0].GetProperty("id").GetString();
        await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{first}", "Troops shall be trained.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await sec.AddClauseAsync(mou, "Victims shall be assisted.");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);

        var drift = await (await legal.GetAsync($"/api/tccs/NPL/drift/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2, 2), (drift.GetProperty("adoptedRevision").GetInt32(), drift.GetProperty("latestRevision").GetInt32(), drift.GetProperty("size").GetInt32()));
        Assert.Equal(["changed", "unchanged", "added"], drift.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("change").GetString()));

        var none = await (await legal.GetAsync($"/api/tccs/tun/drift/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("adoptedRevision").ValueKind);
        Assert.Equal(3, none.GetProperty("size").GetInt32());
        Assert.All(none.GetProperty("clauses").EnumerateArray(), c => Assert.Equal("added", c.GetProperty("change").GetString()));

        var list = await (await legal.GetAsync("/api/tccs")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(Country(list, "NPL").GetProperty("adoptions").EnumerateArray(), a => a.GetProperty("mouId").GetString() == mou);
    }

    [Fact]
    public async Task The_matrix_filters_adopted_not_adopted_and_behind_and_sorts()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", organization: "osce");
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "osce");
        var mou = await sec.PublishedMouAsync("osce", revisions: 2);
        await (await legal.AdoptAsync("AUT", mou, 2)).JsonAsync(HttpStatusCode.OK);
        await (await legal.AdoptAsync("FIN", mou, 1, "2006-01-05")).JsonAsync(HttpStatusCode.OK);

        async Task<string[]> CodesAsync(string query) =>
            (await (await legal.GetAsync($"/api/tccs/matrix?mouId={mou}&{query}")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray();

        Assert.Equal(["AUT", "FIN"], await CodesAsync("filter=adopted"));
        Assert.Equal(["FIN"], await CodesAsync("filter=behind"));
        var notAdopted = await CodesAsync("filter=not-adopted");
        Assert.Equal(191, notAdopted.Length);
        Assert.DoesNotContain("AUT", notAdopted);
        Assert.Equal(["FIN", "AUT"], await CodesAsync("filter=adopted&sort=adopted-on"));
        Assert.Equal(["AUT", "FIN"], await CodesAsync("filter=adopted&sort=adopted-on&descending=true"));

        var matrix = await (await legal.GetAsync($"/api/tccs/matrix?mouId={mou}&filter=behind")).JsonAsync(HttpStatusCode.OK);
        var cell = matrix.GetProperty("rows")[0].GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("mouId").GetString() == mou);
        Assert.Equal(("behind", 1, 2), (cell.GetProperty("state").GetString(), cell.GetProperty("adoptedRevision").GetInt32(), cell.GetProperty("latestRevision").GetInt32()));
        await (await legal.GetAsync("/api/tccs/matrix?filter=sideways")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.GetAsync("/api/tccs/matrix?sort=1")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_adoptions_get_a_clear_4xx_and_nothing_is_stored()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var mou = await sec.PublishedMouAsync();
        var natoMou = await (await fixture.App.ClientAsync("Secretariat", organization: "nato")).PublishedMouAsync("nato");

        await (await legal.AdoptAsync("XXX", mou, 1)).ProblemAsync(HttpStatusCode.NotFound);
        await (await legal.AdoptAsync("PAK", "no-such-mou", 1)).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await legal.AdoptAsync("PAK", mou, 2)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("revision", missing.GetProperty("detail").GetString());
        await (await legal.AdoptAsync("PAK", natoMou, 1)).ProblemAsync(HttpStatusCode.Forbidden);
        var future = await (await legal.AdoptAsync("PAK", mou, 1, TrackingClient.FutureDate())).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("future", future.GetProperty("detail").GetString());
        await (await legal.AdoptAsync("PAK", mou, 1, "1 March 2007")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PutAsJsonAsync($"/api/tccs/PAK/adoptions/{mou}", new { adoptedOn = "2007-03-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PutAsJsonAsync($"/api/tccs/PAK/adoptions/{mou}", new { revision = 1, adoptedOn = "2007-03-01", evidenceId = "nope42" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.AdoptAsync("PAK", mou, 1)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await fixture.App.ClientAsync("Delegate", "PAK")).AdoptAsync("PAK", mou, 1)).ProblemAsync(HttpStatusCode.Forbidden);

        var pak = await (await legal.GetAsync("/api/tccs/PAK")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(pak.GetProperty("adoptionHistory").EnumerateArray(), a => a.GetProperty("mouId").GetString() == mou);
        await (await legal.GetAsync($"/api/tccs/ZZZ/drift/{mou}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await legal.GetAsync("/api/tccs/ZZZ")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Training_and_discipline_are_recorded_with_their_rules()
    {
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "nato");
        var trained = await (await legal.PostAsJsonAsync("/api/tccs/TUN/training", new { certifiedOn = "2006-11-02", note = "Course in Tunis" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2006-11-02", trained.GetProperty("certifiedOn").GetString());
        await (await legal.PostAsJsonAsync("/api/tccs/TUN/training", new { certifiedOn = TrackingClient.FutureDate() })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PostAsJsonAsync("/api/tccs/XYZ/training", new { certifiedOn = "2006-11-02" })).ProblemAsync(HttpStatusCode.NotFound);

        await (await legal.PutAsJsonAsync("/api/tccs/TUN/discipline/2005", new { count = 2, note = "two officers court-martialled" })).JsonAsync(HttpStatusCode.OK);
        await (await legal.PutAsJsonAsync("/api/tccs/TUN/discipline/2006", new { count = 1 })).JsonAsync(HttpStatusCode.OK);
        await (await legal.PutAsJsonAsync("/api/tccs/TUN/discipline/2006", new { count = -1 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PutAsJsonAsync($"/api/tccs/TUN/discipline/{DateTime.UtcNow.Year + 1}", new { count = 1 })).ProblemAsync(HttpStatusCode.BadRequest);

        var tun = await (await legal.GetAsync("/api/tccs/TUN")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([(2005, 2), (2006, 1)], tun.GetProperty("discipline").EnumerateArray().Select(d => (d.GetProperty("year").GetInt32(), d.GetProperty("count").GetInt32())));
        Assert.Contains(tun.GetProperty("trainings").EnumerateArray(), t => t.GetProperty("note").GetString() == "Course in Tunis");
        var list = await (await legal.GetAsync("/api/tccs")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, Country(list, "TUN").GetProperty("disciplinaryActions").GetInt32());
    }
}
