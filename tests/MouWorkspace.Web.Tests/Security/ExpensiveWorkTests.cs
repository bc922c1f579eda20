using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>Issue 14.9: one reader cannot stall the others with expensive exports, nor fill an MOU's audit log with reads.</summary>
[Collection("api")]
public sealed class ExpensiveWorkTests(ApiFixture fixture)
{
    private static ExpensiveWork Limit(int perUser, int total, int waitSeconds) => new(new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?> { ["Expensive:PerUser"] = $"{perUser}", ["Expensive:Total"] = $"{total}", ["Expensive:QueueWaitSeconds"] = $"{waitSeconds}" }).Build());

    private static DefaultHttpContext As(string user) =>
        new() { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", user)], "test")) };

    [Fact]
    public async Task A_user_runs_at_most_its_share_at_once_and_others_are_not_refused_for_it()
    {
        var limit = Limit(perUser: 2, total: 4, waitSeconds: 10);
        var release = new TaskCompletionSource();
        async ValueTask<object?> Slow() { await release.Task; return "done"; }
        var first = limit.RunAsync(As("greedy"), Slow).AsTask();
        var second = limit.RunAsync(As("greedy"), Slow).AsTask();
        var third = await limit.RunAsync(As("greedy"), Slow);
        Assert.Equal(429, Assert.IsAssignableFrom<IStatusCodeHttpResult>(third).StatusCode);
        var bystander = limit.RunAsync(As("bystander"), () => ValueTask.FromResult<object?>("read")).AsTask();
        Assert.Equal("read", await bystander.WaitAsync(TimeSpan.FromSeconds(30)));
        release.SetResult();
        Assert.Equal("done", await first);
        Assert.Equal("done", await second);
        // Finished work gives the share back.
        Assert.Equal("again", await limit.RunAsync(As("greedy"), () => ValueTask.FromResult<object?>("again")));
    }

    [Fact]
    public async Task When_the_process_is_full_a_call_waits_its_turn_then_answers_503_with_retry_after()
    {
        var limit = Limit(perUser: 2, total: 1, waitSeconds: 0);
        var release = new TaskCompletionSource();
        var holder = limit.RunAsync(As("one"), async () => { await release.Task; return "held"; }).AsTask();
        var http = As("two");
        var refused = await limit.RunAsync(http, () => ValueTask.FromResult<object?>("never"));
        Assert.Equal(503, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        release.SetResult();
        Assert.Equal("held", await holder);
        Assert.Equal("now", await limit.RunAsync(As("two"), () => ValueTask.FromResult<object?>("now")));
    }

    [Fact]
    public async Task Exporting_the_same_document_again_adds_no_audit_record_and_a_revision_is_built_once()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Export reader");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Export delegate");
        var mou = await sec.CreateMouAsync("un", "FRA");
        await sec.AddClauseAsync(mou, "The Government shall [exercise][assert] jurisdiction.");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var before = await AuditCountAsync(sec, mou);

        var hashes = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var path in new[] { "export.docx?revision=1", "export.akn.xml?revision=1", "export.docx" })
            {
                var response = await fra.GetAsync($"/api/mous/{mou}/{path}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                hashes.Add(path + " " + response.Headers.GetValues("X-Content-SHA256").Single());
            }
        }
        Assert.Equal(3, hashes.Count); // the same bytes each time
        Assert.Equal(before + 3, await AuditCountAsync(sec, mou)); // one record per document, not fifteen
        await (await sec.GetAsync($"/api/mous/{mou}/export.akn.xml?revision=1")).Content.ReadAsByteArrayAsync();
        Assert.Equal(before + 4, await AuditCountAsync(sec, mou)); // another reader is another record

        var archived = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient("exports-un").GetBlobClient($"{mou}/rev-1-en.akn.xml");
        Assert.True((await archived.ExistsAsync()).Value, "the revision's Akoma Ntoso export was not archived");
        var verification = await (await sec.GetAsync($"/api/mous/{mou}/audit/verify")).JsonAsync(HttpStatusCode.OK);
        Assert.True(verification.GetProperty("valid").GetBoolean());
    }

    private static async Task<int> AuditCountAsync(HttpClient staff, string mou) =>
        (await (await staff.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
}
