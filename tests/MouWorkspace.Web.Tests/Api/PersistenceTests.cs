using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>State lives in Azure Storage: a new app on the same storage and service id reads everything back.</summary>
[Collection("azurite")]
public sealed class PersistenceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_restarted_app_reads_back_every_draft_comment_proposal_revision_and_position()
    {
        string serviceId, mou, clause;
        string[] expectedDrafts = ["The Government shall [exercise][have] jurisdiction.", "The Government shall have exclusive jurisdiction."];
        await using (var first = new MouApp(azurite.ConnectionString))
        {
            serviceId = first.ServiceId;
            var sec = await first.ClientAsync("Secretariat");
            var fra = await first.ClientAsync("Delegate", "FRA");
            mou = await sec.CreateMouAsync("un", "FRA", "IND");
            clause = await sec.AddClauseAsync(mou, expectedDrafts[0], "Jurisdiction");
            await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", expectedDrafts[1], "\"1\"", "agreed wording")).JsonAsync(HttpStatusCode.OK);
            await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "Bien.", quote = "exclusive" })).JsonAsync(HttpStatusCode.Created);
            await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "Exclusive and primary.", onBehalfOf = "EU" })).JsonAsync(HttpStatusCode.Created);
            await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
            await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "agree" })).JsonAsync(HttpStatusCode.Created);
        }

        await using var second = new MouApp(azurite.ConnectionString, serviceId);
        var reader = await second.ClientAsync("Observer", "NPL");
        var whole = await (await reader.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(expectedDrafts[1], whole.GetProperty("clauses")[0].GetProperty("text").GetString());
        Assert.Equal("Rev.1", whole.GetProperty("revisions")[0].GetProperty("label").GetString());
        var drafts = await (await reader.GetAsync($"/api/mous/{mou}/clauses/{clause}/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(expectedDrafts, drafts.EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        var comments = await (await reader.GetAsync($"/api/mous/{mou}/clauses/{clause}/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("exclusive", comments[0].GetProperty("quote").GetString());
        var proposals = await (await reader.GetAsync($"/api/mous/{mou}/clauses/{clause}/proposals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("EU", proposals[0].GetProperty("onBehalfOf").GetString());
        var positions = await (await reader.GetAsync($"/api/mous/{mou}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("FRA", positions.GetProperty("positions")[0].GetProperty("memberState").GetString());
        var list = await (await reader.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("id").GetString() == mou);
    }

    [Fact]
    public async Task A_clause_with_300_drafts_and_2000_comments_persists_and_reloads()
    {
        string serviceId, mou, clause;
        var unlimited = new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "1000000" };
        await using (var first = new MouApp(azurite.ConnectionString, settings: unlimited))
        {
            serviceId = first.ServiceId;
            var legal = await first.ClientAsync("LegalOfficer");
            var fra = await first.ClientAsync("Delegate", "FRA");
            mou = await (await first.ClientAsync("Secretariat")).CreateMouAsync();
            clause = await legal.AddClauseAsync(mou, "Draft 1 of a long negotiation.");
            var path = $"/api/mous/{mou}/clauses/{clause}";
            for (var version = 1; version < 300; version++)
                await (await legal.PutTextAsync(path, $"Draft {version + 1} of a long negotiation, with a few more words each time: {new string('x', version)}.", $"\"{version}\""))
                    .JsonAsync(HttpStatusCode.OK);
            await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await (await fra.PostAsJsonAsync(path + "/comments", new { text = $"Comment {i}: France has views on this wording, and explains them at some length here." }, ct))
                    .JsonAsync(HttpStatusCode.Created));
        }

        await using var second = new MouApp(azurite.ConnectionString, serviceId);
        var reader = await second.ClientAsync("Observer", "NPL");
        var drafts = await (await reader.GetAsync($"/api/mous/{mou}/clauses/{clause}/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(300, drafts.GetArrayLength());
        Assert.StartsWith("Draft 300 ", drafts[299].GetProperty("text").GetString());
        var comments = await (await reader.GetAsync($"/api/mous/{mou}/clauses/{clause}/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2000, comments.GetArrayLength());
        Assert.Equal(2000, comments.EnumerateArray().Select(c => c.GetProperty("text").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task The_first_start_seeds_the_demo_data_once()
    {
        var settings = new Dictionary<string, string> { ["Seed:Demo"] = "true" };
        string serviceId;
        string[] seeded;
        await using (var first = new MouApp(azurite.ConnectionString, settings: settings))
        {
            serviceId = first.ServiceId;
            var reader = await first.ClientAsync("Observer", "NPL");
            var mou = await WaitForAsync(reader, "/api/mous/un-model-mou");
            Assert.Contains(mou.GetProperty("clauses").EnumerateArray(), c => c.GetProperty("status").GetString() == "bracketed");
            Assert.Contains("FRA", mou.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
            var osce = await WaitForAsync(await first.ClientAsync("Observer", "AUT", "osce"), "/api/mous/osce-code", clauses: 3);
            Assert.Equal("osce", osce.GetProperty("organization").GetString());
            seeded = await SeededAsync(first);
        }
        // What seeding made: texts in every organization, with their revisions and comments.
        foreach (var organization in new[] { "un", "nato", "osce" })
            Assert.Contains(seeded, line => line.StartsWith(organization + "/", StringComparison.Ordinal));
        Assert.Contains(seeded, line => !line.EndsWith(" 0 comments", StringComparison.Ordinal));
        Assert.Contains(seeded, line => !line.Contains(" 0 revisions", StringComparison.Ordinal));

        // The second start of the same service finds the data and adds nothing: the same texts, revisions and comments.
        await using var second = new MouApp(azurite.ConnectionString, serviceId, settings);
        Assert.Equal(seeded, await SeededAsync(second));
    }

    /// <summary>
    /// Once the app is ready (its /health waits for the seeding to finish), every MOU of every organization with its
    /// number of clauses, revisions and comments, one line each, as the organization's secretariat sees them.
    /// </summary>
    private static async Task<string[]> SeededAsync(MouApp app)
    {
        var health = app.CreateClient();
        for (var attempt = 0; (await health.GetAsync("/health")).StatusCode != HttpStatusCode.OK; attempt++)
        {
            Assert.True(attempt < 600, "the app was not ready within 2 minutes");
            await Task.Delay(200);
        }
        var lines = new List<string>();
        foreach (var organization in new[] { "un", "nato", "osce" })
        {
            var secretariat = await app.ClientAsync("Secretariat", organization: organization);
            var list = await (await secretariat.GetAsync($"/api/mous?organization={organization}")).JsonAsync(HttpStatusCode.OK);
            foreach (var id in list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!))
            {
                var mou = await (await secretariat.GetAsync($"/api/mous/{id}")).JsonAsync(HttpStatusCode.OK);
                var comments = 0;
                foreach (var clause in mou.GetProperty("clauses").EnumerateArray())
                    comments += (await (await secretariat.GetAsync($"/api/mous/{id}/clauses/{clause.GetProperty("id").GetString()}/comments"))
                        .JsonAsync(HttpStatusCode.OK)).GetArrayLength();
                lines.Add($"{organization}/{id}: {mou.GetProperty("clauses").GetArrayLength()} clauses, " +
                    $"{mou.GetProperty("revisions").GetArrayLength()} revisions, {comments} comments");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return [.. lines];
    }

    private static async Task<System.Text.Json.JsonElement> WaitForAsync(HttpClient client, string path, int clauses = 9)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.JsonAsync(HttpStatusCode.OK);
                if (body.GetProperty("revisions").GetArrayLength() > 0 && body.GetProperty("clauses").GetArrayLength() == clauses)
                    return body;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{path} never appeared");
    }
}
