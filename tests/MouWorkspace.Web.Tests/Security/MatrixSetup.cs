using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>What a matrix request acts on: a UN MOU (parties FRA and IND; confidential or not) with a clause, France's comment and Rev.1.</summary>
public sealed record MatrixContext(string MouId, string ClauseId, string CommentId, string UserId, string EvidenceId, string WebhookId, string ProposalId,
    string BridgingId);

public sealed class MatrixSetup(MouApp app)
{
    private HttpClient? secretariat;
    private HttpClient? admin;
    private HttpClient? legal;
    private HttpClient? france;
    private HttpClient? india;
    private string? firstWebhook;
    private bool seeded;

    /// <summary>
    /// Seeding is a change no request made: its events are audited by the event consumer, a moment after. The traces of
    /// refused writes compare audit logs, so the contexts are made once those records are in (every status change the seeding
    /// made to the organization's reform items on record), not while they arrive.
    /// </summary>
    private static async Task SeedingAuditedAsync(HttpClient admin)
    {
        var changes = MouWorkspace.Web.Seed.ReformItemData.SeededChanges("un");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var audit = await (await admin.GetAsync("/api/audit?organization=un")).JsonAsync(HttpStatusCode.OK);
            if (audit.EnumerateArray().Count(r => r.GetProperty("action").GetString() == "EVENT reform.status-changed") >= changes)
                return;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the seeding's {changes} reform status changes were not all audited within 60 s");
            await Task.Delay(100);
        }
    }

    public async Task<MatrixContext> NewContextAsync(bool withSilence = false, bool confidential = false)
    {
        secretariat ??= await app.ClientAsync("Secretariat", null, "un", "Matrix secretariat");
        admin ??= await app.ClientAsync("Admin", null, "un", "Matrix admin");
        legal ??= await app.ClientAsync("LegalOfficer", null, "un", "Matrix legal officer");
        france ??= await app.ClientAsync("Delegate", "FRA", "un", "Matrix delegate of France");
        india ??= await app.ClientAsync("Delegate", "IND", "un", "Matrix delegate of India");
        if (!seeded)
        {
            await MouWorkspace.Web.Seed.ReformItemData.SeedAsync(app.Services.GetRequiredService<IGrainFactory>());
            await SeedingAuditedAsync(admin);
            seeded = true;
        }
        var mou = (await (await secretariat.PostAsJsonAsync("/api/mous",
            new { organization = "un", title = "Matrix " + Guid.NewGuid().ToString("N")[..6], parties = new[] { "FRA", "IND" }, confidential }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var clause = await secretariat.AddClauseAsync(mou, "The Government shall exercise jurisdiction.");
        // France's comment: its delegation and staff may resolve the thread, nobody else (issue 14.10).
        var comment = await (await france.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "Noted." }))
            .JsonAsync(HttpStatusCode.Created);
        // India's proposal: staff decide it, France may co-sponsor it (issue 17).
        var proposal = (await (await india.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "The Government shall have exclusive jurisdiction." }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        // A facilitator's bridging text replacing another proposal of India's that France supports: France answers it.
        var replaced = (await (await india.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "The Government shall have primary jurisdiction." }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await france.PutAsync($"/api/mous/{mou}/proposals/{replaced}/cosponsors/FRA", null)).JsonAsync(HttpStatusCode.OK);
        var bridging = (await (await legal.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals/bridging",
                new { text = "The Government shall have jurisdiction, primary where its personnel are concerned.", supersedes = new[] { replaced } }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = TrackingClient.HistoricalPublication })).JsonAsync(HttpStatusCode.Created);
        await (await secretariat.PutAsJsonAsync($"/api/mous/{mou}/languages/fr", new { required = false })).JsonAsync(HttpStatusCode.OK);
        if (withSilence)
            await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/silence", new { deadline = DateTimeOffset.UtcNow.AddDays(5).ToString("O") }))
                .JsonAsync(HttpStatusCode.Created);
        var userId = "user-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PutAsJsonAsync($"/api/admin/users/{userId}", new { name = "Someone", memberState = "FRA", organization = "un" })).JsonAsync(HttpStatusCode.OK);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(AuthorizationRules.Pdf), "file", "signed.pdf" } };
        var evidence = await (await legal.PostAsync("/api/tccs/FRA/evidence", upload)).JsonAsync(HttpStatusCode.Created);
        // A webhook of the organization for this context (for an event kind nothing publishes, so nothing is sent); the
        // ones earlier contexts left, but the first (the shared context's), go, so the organization stays under its limit.
        var hooks = await (await admin.GetAsync("/api/organizations/un/webhooks")).JsonAsync(HttpStatusCode.OK);
        foreach (var old in hooks.EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Where(id => id != firstWebhook))
            await admin.DeleteAsync($"/api/organizations/un/webhooks/{old}");
        var webhook = (await (await secretariat.PostAsJsonAsync("/api/organizations/un/webhooks",
                new { url = "https://203.0.113.10/matrix-hook", events = new[] { "matrix.none" }, secret = "matrix-webhook-secret-0123" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        firstWebhook ??= webhook;
        return new MatrixContext(mou, clause, comment.GetProperty("id").GetString()!, userId, evidence.GetProperty("id").GetString()!, webhook, proposal, bridging);
    }
}
