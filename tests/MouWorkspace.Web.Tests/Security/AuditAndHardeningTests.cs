using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

[Collection("api")]
public sealed class AuditAndHardeningTests(ApiFixture fixture)
{
    [Fact]
    public async Task Every_change_is_audited_with_who_what_and_the_content_hash_and_the_chain_verifies()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Audit secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Audit delegate");
        var mou = await sec.CreateMouAsync("un", "FRA");
        var clause = await sec.AddClauseAsync(mou, "Text.");
        await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "Text, edited.", "\"1\"", "why")).JsonAsync(HttpStatusCode.OK);
        await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "Stale.", "\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "Bien." })).JsonAsync(HttpStatusCode.Created);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "agree" })).JsonAsync(HttpStatusCode.Created);
        await (await fra.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);

        var records = (await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(
            ["POST /api/mous", "POST /api/mous/{mouId}/clauses", "PUT /api/mous/{mouId}/clauses/{clauseId}", "POST /api/mous/{mouId}/clauses/{clauseId}/comments",
             "POST /api/mous/{mouId}/revisions", "POST /api/mous/{mouId}/revisions/{number:int}/positions"],
            records.Select(r => r.GetProperty("action").GetString()));
        var edit = records[2];
        Assert.Equal("Audit secretariat", edit.GetProperty("name").GetString());
        Assert.Equal("Secretariat", edit.GetProperty("role").GetString());
        var sent = JsonSerializer.SerializeToUtf8Bytes(new { text = "Text, edited.", rationale = "why" }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(sent)), edit.GetProperty("contentHash").GetString());
        Assert.Equal("FRA", records[5].GetProperty("memberState").GetString());
        Assert.Contains($"clauseId={clause}", edit.GetProperty("target").GetString());
        var verification = await (await sec.GetAsync($"/api/mous/{mou}/audit/verify")).JsonAsync(HttpStatusCode.OK);
        Assert.True(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(6, verification.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Tampering_with_the_stored_audit_blob_is_detected()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Tamper secretariat");
        var mou = await sec.CreateMouAsync();
        await sec.AddClauseAsync(mou, "One.");
        await sec.AddClauseAsync(mou, "Two.");

        var blob = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient("audit").GetAppendBlobClient($"mou-{mou}.jsonl");
        var original = (await blob.DownloadContentAsync()).Value.Content.ToString();
        await blob.DeleteAsync();
        await blob.CreateAsync();
        await blob.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(original.Replace("Tamper secretariat", "Someone else"))));

        var verification = await (await sec.GetAsync($"/api/mous/{mou}/audit/verify")).JsonAsync(HttpStatusCode.OK);
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(1, verification.GetProperty("firstInvalidSequence").GetInt64());
    }

    [Fact]
    public async Task Answers_carry_security_headers()
    {
        var response = await fixture.App.CreateClient().GetAsync("/health");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_user_over_the_request_budget_gets_429_with_retry_after_and_others_do_not()
    {
        await using var app = new MouApp(fixture.ConnectionString, settings: new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "5" });
        var busy = await app.ClientAsync("Observer", "NPL", name: "Busy observer");
        // The budget is exactly 5: the first five requests are answered, the sixth is refused.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await busy.GetAsync("/api/mous?organization=un")).StatusCode);
        var limited = await busy.GetAsync("/api/mous?organization=un");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
        var other = await app.ClientAsync("Observer", "IND", name: "Quiet observer");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/mous?organization=un")).StatusCode);
    }
}
