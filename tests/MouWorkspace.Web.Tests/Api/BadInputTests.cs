using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>Bad input gets a clear 4xx problem details answer, never a 500, and nothing is stored.</summary>
[Collection("api")]
public sealed class BadInputTests(ApiFixture fixture)
{
    public static TheoryData<string, string> BadTexts => new()
    {
        { "empty", "" },
        { "blank", "   \n\t " },
        { "too long", new string('a', 100_001) },
        { "NUL", "before\0after" },
        { "bell", "ring \u0007 the bell" },
        { "U+FFFF", "not a character \uffff" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Bad_clause_texts_are_refused_and_nothing_is_stored(string why, string text)
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "Good text.");
        var path = $"/api/mous/{mou}/clauses/{clause}";

        var put = await sec.PutTextAsync(path, text, "\"1\"");
        var problem = await put.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("text", problem.GetProperty("detail").GetString());
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = "h", text })).ProblemAsync(HttpStatusCode.BadRequest);
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        await (await fra.PostAsJsonAsync(path + "/comments", new { text })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fra.PostAsJsonAsync(path + "/proposals", new { text })).ProblemAsync(HttpStatusCode.BadRequest);

        var drafts = await (await sec.GetAsync(path + "/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.True(drafts.GetArrayLength() == 1, why);
        Assert.Equal(0, (await (await sec.GetAsync(path + "/comments")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await (await sec.GetAsync(path + "/proposals")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(1, (await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"text\":\"broken \\ud83d pair\",\"rationale\":\"\"}")]
    [InlineData("{\"text\":\"reversed \\udc00\\ud83d pair\",\"rationale\":\"\"}")]
    public async Task Lone_surrogates_sent_as_json_escapes_are_refused(string body)
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "Good text.");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/clauses/{clause}") { Content = ApiClient.RawJson(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await (await sec.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Good text.", (await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK)).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{\"organization\":\"un\",\"title\":")]
    [InlineData("{\"organization\":\"un\",\"title\":42,\"parties\":[\"FRA\"]}")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var before = (await (await sec.GetAsync("/api/mous")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

        await (await sec.PostAsync("/api/mous", ApiClient.RawJson(body))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, (await (await sec.GetAsync("/api/mous")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "Text.");

        await (await sec.GetAsync("/api/mous/nosuchmou")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync("/api/mous/..%2F..%2Fetc")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/clauses/nosuchclause")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clause}/diff?from=1&to=9")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/revisions/7")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/compare?from=1&to=2")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { text = "x", after = "nosuchclause" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "x", replyTo = "nosuchcomment" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "x", quote = "words that are not there" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_roles_states_and_organizations_are_400_problems()
    {
        var anonymous = fixture.App.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/dev/token", new { name = "x", roles = new[] { "Emperor" }, organization = "un" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.PostAsJsonAsync("/api/dev/token", new { name = "x", roles = new[] { "Delegate" }, memberState = "XYZ", organization = "un" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.PostAsJsonAsync("/api/dev/token", new { name = "x", roles = new[] { "Delegate" }, organization = "un" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.PostAsJsonAsync("/api/dev/token", new { name = "x", roles = new[] { "Observer" }, organization = "wto" })).ProblemAsync(HttpStatusCode.BadRequest);

        var sec = await fixture.App.ClientAsync("Secretariat");
        await (await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = "t", parties = new[] { "FRA", "ATL" } })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync("/api/mous", new { organization = "wto", title = "t", parties = new[] { "FRA" } })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = "", parties = new[] { "FRA" } })).ProblemAsync(HttpStatusCode.BadRequest);

        var mou = await sec.CreateMouAsync();
        await sec.AddClauseAsync(mou, "Text.");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "maybe" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "2" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "QQQ", position = "agree" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "object" })).ProblemAsync(HttpStatusCode.BadRequest);
        var positions = await (await fra.GetAsync($"/api/mous/{mou}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, positions.GetProperty("positions").GetArrayLength());
    }

    [Fact]
    public async Task Bad_if_match_headers_and_missing_parameters_are_4xx()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "Text.");
        var path = $"/api/mous/{mou}/clauses/{clause}";

        await (await sec.PutTextAsync(path, "New.", "\"abc\"")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PutTextAsync(path, "New.", "\"7\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await sec.GetAsync(path + "/diff?from=1")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync(path + "/diff?from=one&to=1")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Text.", (await (await sec.GetAsync(path)).JsonAsync(HttpStatusCode.OK)).GetProperty("text").GetString());
    }
}
