using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Web.Frontend;
using MouWorkspace.Web.Tests.Infrastructure;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace MouWorkspace.Web.Tests.Projection;

/// <summary>
/// Two web hosts of one cluster, as in a multi-silo deployment: the shared app (host A, with the silo) and a second
/// app that joins it as an Orleans client (host B, <c>App:Role=client</c>), each with its own API, pages and
/// <see cref="LiveEvents"/>. A change made through one host's API reaches the other host's pages (from the change
/// stream, through the live hub), once.
/// </summary>
[Collection("api")]
public sealed class CrossHostLiveEventsTests(ApiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_change_made_on_one_web_host_reaches_the_pages_of_the_other_once()
    {
        var clusterId = fixture.App.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        await using var hostB = new MouApp(fixture.ConnectionString, fixture.App.ServiceId, new Dictionary<string, string>
        {
            ["App:Role"] = "client",
            ["Orleans:ClusterId"] = clusterId,
            ["RateLimit:PermitsPerMinute"] = "1000000",
        });
        var onA = Record(fixture.App);
        var onB = Record(hostB);
        Assert.NotSame(fixture.App.Services.GetRequiredService<LiveEvents>(), hostB.Services.GetRequiredService<LiveEvents>());

        var secA = await fixture.App.ClientAsync("Secretariat");
        var secB = await hostB.ClientAsync("Secretariat");
        var mou = await secA.CreateMouAsync();
        var clause = await secA.AddClauseAsync(mou, "States shall train all personnel.");
        var other = await secA.AddClauseAsync(mou, "States shall report.");
        var scope = $"mou-{mou}";

        // Host B subscribes once it has started; give it a few tries (each a real change on A) before judging.
        var arrived = false;
        for (var attempt = 0; attempt < 15 && !arrived; attempt++)
        {
            var marker = await CommentAsync(secA, mou, clause);
            arrived = await WaitAsync(onB, e => e.Scope == scope && e.ClauseId == clause && e.Change.At >= marker, TimeSpan.FromSeconds(2));
        }
        Assert.True(arrived, "no change made on host A reached host B within 30 s");

        // A → B, timed.
        var clock = Stopwatch.StartNew();
        var aToB = await secA.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" });
        await aToB.JsonAsync(HttpStatusCode.Created);
        Assert.True(await WaitAsync(onB, e => e.Scope == scope && e.Change is RevisionPublished, TimeSpan.FromSeconds(30)),
            "Rev.1 published on host A did not reach host B within 30 s");
        output.WriteLine($"A → B: {clock.ElapsedMilliseconds} ms from the request to the event on B");

        // B → A, made through host B's own API (its grain calls go through the cluster client).
        clock.Restart();
        var text = await (await secB.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "States shall certify the training of all personnel.", "\"1\""))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, text.GetProperty("version").GetInt32());
        bool IsEdit(LiveEvent e) => e.Scope == scope && e.Change is DraftSaved;
        Assert.True(await WaitAsync(onA, IsEdit, TimeSpan.FromSeconds(30)), "an edit made on host B did not reach host A within 30 s");
        output.WriteLine($"B → A: {clock.ElapsedMilliseconds} ms from the request to the event on A");

        // Each host tells its pages once. A second copy would come from the hub before anything the hub passes on
        // later, so a change made afterwards on each host, seen on the other (A's on the first clause, B's on the
        // second), marks the point by which it would have come.
        clock.Restart();
        var (laterOnA, laterOnB) = (await CommentAsync(secA, mou, clause), await CommentAsync(secB, mou, other));
        bool Later(LiveEvent e, string on, DateTimeOffset after) => e.Scope == scope && e.Change is CommentAdded &&
            e.ClauseId == on && e.Change.At >= after;
        Assert.True(await WaitAsync(onB, e => Later(e, clause, laterOnA), TimeSpan.FromSeconds(30)), "a later change on host A did not reach host B within 30 s");
        Assert.True(await WaitAsync(onA, e => Later(e, other, laterOnB), TimeSpan.FromSeconds(30)), "a later change on host B did not reach host A within 30 s");
        output.WriteLine($"later changes seen across after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(1, onA.Count(IsEdit));
        Assert.Equal(1, onB.Count(IsEdit));
    }

    private static ConcurrentQueue<LiveEvent> Record(MouApp app)
    {
        var events = new ConcurrentQueue<LiveEvent>();
        _ = app.Server; // starts the host
        app.Services.GetRequiredService<LiveEvents>().Changed += events.Enqueue;
        return events;
    }

    private static async Task<DateTimeOffset> CommentAsync(HttpClient client, string mou, string clause)
    {
        var at = DateTimeOffset.UtcNow.AddMilliseconds(-50);
        await (await client.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "Noted " + Guid.NewGuid().ToString("N")[..6] }))
            .JsonAsync(HttpStatusCode.Created);
        return at;
    }

    private static async Task<bool> WaitAsync(ConcurrentQueue<LiveEvent> events, Func<LiveEvent, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (events.Any(match))
                return true;
            await Task.Delay(20);
        }
        return events.Any(match);
    }
}
