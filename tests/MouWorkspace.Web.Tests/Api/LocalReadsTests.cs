using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Grains;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>
/// Clause reads answered from what the grains of the app's own silo stored (<see cref="LocalReads"/>) must be
/// exactly what a grain call would answer: every acknowledged change seen at once, the same access rules, and a
/// grain that deactivates takes its entry with it.
/// </summary>
[Collection("azurite")]
public sealed class LocalReadsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_clause_read_comes_from_the_stored_view_and_shows_each_acknowledged_draft_at_once()
    {
        await using var app = new MouApp(azurite.ConnectionString, settings: new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "1000000" });
        var legal = await app.ClientAsync("LegalOfficer");
        var fra = await app.ClientAsync("Delegate", "FRA");
        var mou = await (await app.ClientAsync("Secretariat")).CreateMouAsync("un", "FRA");
        var clause = await legal.AddClauseAsync(mou, "The Government shall [exercise][have] jurisdiction.");
        var path = $"/api/mous/{mou}/clauses/{clause}";
        var reads = app.Services.GetRequiredService<LocalReads>();

        var first = await fra.GetAsync(path);
        var firstBody = await first.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, firstBody.GetProperty("version").GetInt32());
        Assert.Equal("\"1\"", first.Headers.ETag!.Tag);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        Assert.Equal(1, reads.Clause(ClauseKey.For(mou, clause))?.Version);
        Assert.True(reads.Mou(mou)?.HasClause(clause));

        for (var version = 2; version <= 21; version++)
        {
            var text = $"The Government shall have jurisdiction (draft {version}, «ثابت», 管辖).";
            await (await legal.PutTextAsync(path, text, $"\"{version - 1}\"")).JsonAsync(HttpStatusCode.OK);
            var read = await fra.GetAsync(path);
            var body = await read.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(text, body.GetProperty("text").GetString());
            Assert.Equal(version, body.GetProperty("version").GetInt32());
            Assert.Equal($"\"{version}\"", read.Headers.ETag!.Tag);
        }

        // The same answer as the grain gives: compare with a read of the clause list, which asks the grains.
        var whole = await (await fra.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        var local = await (await fra.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(whole.GetProperty("clauses")[0].GetProperty("text").GetString(), local.GetProperty("text").GetString());
        Assert.Equal(whole.GetProperty("clauses")[0].GetProperty("status").GetString(), local.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_access_rules_hold_on_the_local_path_and_a_deactivated_grain_leaves_nothing_behind()
    {
        await using var app = new MouApp(azurite.ConnectionString, settings: new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "1000000" });
        var legal = await app.ClientAsync("LegalOfficer");
        var mou = await (await app.ClientAsync("Secretariat")).CreateMouAsync("un", "FRA");
        var clause = await legal.AddClauseAsync(mou, "Each Party shall designate a focal point.");
        var path = $"/api/mous/{mou}/clauses/{clause}";
        var reads = app.Services.GetRequiredService<LocalReads>();
        await (await legal.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(reads.Clause(ClauseKey.For(mou, clause)));
        Assert.NotNull(reads.Mou(mou));

        // Published facts, same rules: another organization is refused, an unknown clause of a known MOU is 404,
        // and a comment on the clause (which also checks the MOU from the published facts) still needs the party.
        var nato = await app.ClientAsync("Observer", organization: "nato");
        await (await nato.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await legal.GetAsync($"/api/mous/{mou}/clauses/c0ffee000000")).ProblemAsync(HttpStatusCode.NotFound);
        var otherDelegate = await app.ClientAsync("Delegate", "IND", organization: "nato");
        await (await otherDelegate.PostAsJsonAsync($"{path}/comments", new { text = "Not ours." })).ProblemAsync(HttpStatusCode.Forbidden);

        // Removing the clause is acknowledged → the MOU's published facts change before the answer.
        var removedBefore = reads.Mou(mou)!;
        Assert.Equal(HttpStatusCode.NoContent, (await legal.DeleteAsync(path)).StatusCode);
        Assert.NotSame(removedBefore, reads.Mou(mou));
        Assert.DoesNotContain(clause, reads.Mou(mou)!.Info.ClauseIds);

        // Every activation collected: their entries go with them, and a read asks the grains again.
        var kept = await legal.AddClauseAsync(mou, "The Parties shall meet once a year.");
        var keptPath = $"/api/mous/{mou}/clauses/{kept}";
        await (await legal.GetAsync(keptPath)).JsonAsync(HttpStatusCode.OK);
        // The new clause's change event is consumed off the request path (the search index re-reads the clause, which
        // activates it again): collect once that is done, i.e. once the clause can be found.
        var indexed = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < indexed && !(await (await legal.GetAsync($"/api/search?q=meet&mou={mou}")).JsonAsync(HttpStatusCode.OK)).GetRawText()
                   .Contains(kept, StringComparison.Ordinal))
            await Task.Delay(50);
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((reads.Clause(ClauseKey.For(mou, kept)) is not null || reads.Mou(mou) is not null) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Null(reads.Clause(ClauseKey.For(mou, kept)));
        Assert.Null(reads.Mou(mou));
        var again = await (await legal.GetAsync(keptPath)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("The Parties shall meet once a year.", again.GetProperty("text").GetString());
        Assert.NotNull(reads.Clause(ClauseKey.For(mou, kept)));
    }
}
