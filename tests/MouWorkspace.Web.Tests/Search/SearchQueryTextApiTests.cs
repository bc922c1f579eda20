using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>GET /api/search with what negotiators type (issue 15.4): results or a 400 in our words, never the parser's.</summary>
[Collection("api")]
public sealed class SearchQueryTextApiTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("ST/SGB/2003/13", 200)]
    [InlineData("A/RES/62/214", 200)]
    [InlineData("[90][120]", 200)]
    [InlineData("\"unclosed quote", 200)]
    [InlineData("\"unbalanced", 200)]
    [InlineData("title:(", 200)]
    [InlineData("training AND", 200)]
    [InlineData("*leading", 400)]
    [InlineData("(((", 400)]
    public async Task What_negotiators_type_answers_results_or_a_plain_problem(string text, int status)
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", null, "un");
        var response = await secretariat.GetAsync("/api/search?q=" + Uri.EscapeDataString(text));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.DoesNotContain("Cannot parse", body);
        Assert.DoesNotContain("Lexical error", body);
        Assert.DoesNotContain("Encountered", body);
        if (status == 400)
        {
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out var messages), body);
            Assert.StartsWith("q: ", messages[0].GetString());
        }
    }

    [Fact]
    public async Task A_clause_citing_a_symbol_and_bracketed_alternatives_is_found_by_them_and_a_near_miss_is_not()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", null, "un");
        var mou = await secretariat.CreateMouAsync("un");
        var clause = await secretariat.AddClauseAsync(mou, "Recalling the bulletin ST/SGB/2003/13, reports are due within [90][120] days.");
        await secretariat.AddClauseAsync(mou, "The bulletin ST/SGB/2003/14 of 2003, section 13: within 90 days or 120 days.");
        var watch = Stopwatch.StartNew();
        string[] found = [];
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var results = await (await secretariat.GetAsync($"/api/search?q={Uri.EscapeDataString("ST/SGB/2003/13")}&mou={mou}")).JsonAsync(HttpStatusCode.OK);
            found = results.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("clauseId").GetString()!).ToArray();
            if (found.Length > 0)
                break;
            await Task.Delay(100);
        }
        Assert.Equal([clause], found);
        var brackets = await (await secretariat.GetAsync($"/api/search?q={Uri.EscapeDataString("[90][120]")}&mou={mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([clause], brackets.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("clauseId").GetString()!).ToArray());
    }
}
