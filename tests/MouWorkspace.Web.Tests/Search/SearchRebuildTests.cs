using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>The index is rebuilt from the grains when it is missing, and when it is stale (it missed changes made while its host was down).</summary>
[Collection("api")]
public sealed class SearchRebuildTests(ApiFixture fixture)
{
    private static async Task<JsonElement[]> HitsAsync(HttpClient client, string word) =>
        (await (await client.GetAsync("/api/search?q=" + word)).JsonAsync(HttpStatusCode.OK)).GetProperty("hits").EnumerateArray().ToArray();

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan bound)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > bound)
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    [Fact]
    public async Task A_missing_index_and_one_that_missed_changes_are_rebuilt_from_the_grains()
    {
        var serviceId = "search-rebuild-" + Guid.NewGuid().ToString("N")[..8];
        var first = Directory.CreateTempSubdirectory("mou-search-a-").FullName;
        var second = Directory.CreateTempSubdirectory("mou-search-b-").FullName;
        var (before, after) = ("old" + Guid.NewGuid().ToString("N")[..8], "new" + Guid.NewGuid().ToString("N")[..8]);
        string mou, clause;
        try
        {
            // Host 1 (data folder A) writes a clause and indexes it, then stops.
            await using (var app = new MouApp(fixture.ConnectionString, serviceId, new Dictionary<string, string> { ["App:DataPath"] = first }))
            {
                var secretariat = await app.ClientAsync("Secretariat");
                mou = await secretariat.CreateMouAsync("un");
                clause = await secretariat.AddClauseAsync(mou, $"States shall {before} their personnel.");
                Assert.True(await EventuallyAsync(async () => (await HitsAsync(secretariat, before)).Length == 1, TimeSpan.FromSeconds(30)));
            }
            Assert.True(Directory.EnumerateFiles(Path.Combine(first, "search", serviceId)).Any(), "the index was not kept on disk beside the data");

            // Host 2 (data folder B, no index yet) builds its index from the grains, then changes the clause.
            await using (var app = new MouApp(fixture.ConnectionString, serviceId, new Dictionary<string, string> { ["App:DataPath"] = second }))
            {
                var secretariat = await app.ClientAsync("Secretariat");
                Assert.True(await EventuallyAsync(async () => (await HitsAsync(secretariat, before)).Length == 1, TimeSpan.FromSeconds(30)),
                    "a missing index was not rebuilt from the grains");
                (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", $"States shall {after} their personnel.", "\"1\"")).EnsureSuccessStatusCode();
                Assert.True(await EventuallyAsync(async () => (await HitsAsync(secretariat, after)).Length == 1, TimeSpan.FromSeconds(10)));
            }

            // Host 1 again: its index on disk predates the edit; it must notice and rebuild.
            await using (var app = new MouApp(fixture.ConnectionString, serviceId, new Dictionary<string, string> { ["App:DataPath"] = first }))
            {
                var secretariat = await app.ClientAsync("Secretariat");
                Assert.True(await EventuallyAsync(async () => (await HitsAsync(secretariat, after)).Length == 1, TimeSpan.FromSeconds(30)),
                    "a stale index was not rebuilt");
                var old = Assert.Single(await HitsAsync(secretariat, before));
                Assert.EndsWith("#history", old.GetProperty("link").GetString());
            }
        }
        finally
        {
            foreach (var folder in new[] { first, second })
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
