using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Tests.Infrastructure;
using Orleans.Hosting;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>
/// Silence procedures over HTTP. The 72-hour rule runs on the shared app; short deadlines run on apps configured
/// with <c>Silence:MinimumHours=0</c> on the same Azurite. The restart test stops the whole app (its only silo)
/// before the deadline and starts a new one with the same service id: only the Azure Table reminder can end it.
/// </summary>
[Collection("api")]
public sealed class TrackingSilenceTests(ApiFixture fixture)
{
    private static readonly Dictionary<string, string> ShortNotice = new() { ["Silence:MinimumHours"] = "0" };

    private static string In(TimeSpan ahead) => (DateTimeOffset.UtcNow + ahead).ToString("O");

    private static async Task<JsonElement> PositionsAsync(HttpClient client, string mou) =>
        await (await client.GetAsync($"/api/mous/{mou}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task The_deadline_must_be_72_hours_ahead_with_an_offset_and_only_the_secretariat_starts_silence()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.PublishedMouAsync();
        var path = $"/api/mous/{mou}/revisions/1/silence";
        await (await sec.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

        var tooSoon = await (await sec.PostAsJsonAsync(path, new { deadline = In(TimeSpan.FromHours(71)) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("72", tooSoon.GetProperty("detail").GetString());
        await (await sec.PostAsJsonAsync(path, new { deadline = "2030-01-01T12:00:00" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync(path, new { deadline = "next week" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions/2/silence", new { deadline = In(TimeSpan.FromHours(80)) })).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await fixture.App.ClientAsync("LegalOfficer")).PostAsJsonAsync(path, new { deadline = In(TimeSpan.FromHours(80)) })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await fixture.App.ClientAsync("Secretariat", organization: "osce")).PostAsJsonAsync(path, new { deadline = In(TimeSpan.FromHours(80)) })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await sec.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

        var started = await (await sec.PostAsJsonAsync(path, new { deadline = In(TimeSpan.FromHours(73)) })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("running", started.GetProperty("status").GetString());
        await (await sec.PostAsJsonAsync(path, new { deadline = In(TimeSpan.FromHours(90)) })).ProblemAsync(HttpStatusCode.Conflict);
        var read = await (await (await fixture.App.ClientAsync("Observer")).GetAsync(path)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(started.GetProperty("deadline").GetDateTimeOffset(), read.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Silence_adopts_at_the_deadline_and_an_objection_before_it_breaks_silence()
    {
        await using var app = new MouApp(fixture.ConnectionString, settings: ShortNotice);
        var sec = await app.ClientAsync("Secretariat");
        var quiet = await sec.PublishedMouAsync();
        var contested = await sec.PublishedMouAsync();
        var quietDeadline = (await (await sec.PostAsJsonAsync($"/api/mous/{quiet}/revisions/1/silence", new { deadline = In(TimeSpan.FromSeconds(3)) }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("deadline").GetDateTimeOffset();
        var contestedDeadline = (await (await sec.PostAsJsonAsync($"/api/mous/{contested}/revisions/1/silence", new { deadline = In(TimeSpan.FromSeconds(3)) }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("deadline").GetDateTimeOffset();
        var ind = await app.ClientAsync("Delegate", "IND", name: "Delegate of India");
        await (await ind.PostAsJsonAsync($"/api/mous/{contested}/revisions/1/positions", new { memberState = "IND", position = "object", note = "Capital must review OP2." })).JsonAsync(HttpStatusCode.Created);

        // Until the quiet procedure has ended (its deadline fired) and both deadlines are past, with a generous bound.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        System.Text.Json.JsonElement adopted;
        while ((adopted = await (await sec.GetAsync($"/api/mous/{quiet}/revisions/1/silence")).JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString() == "running"
               || DateTimeOffset.UtcNow <= contestedDeadline)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the quiet silence procedure was still running 60 s after it started");
            await Task.Delay(100);
        }
        Console.WriteLine($"silence ended {(DateTimeOffset.UtcNow - quietDeadline).TotalMilliseconds:F0} ms after its deadline was seen");
        Assert.Equal("adopted", adopted.GetProperty("status").GetString());
        Assert.Equal("adopted", (await PositionsAsync(sec, quiet)).GetProperty("consensus").GetString());
        var broken = await (await sec.GetAsync($"/api/mous/{contested}/revisions/1/silence")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("broken", broken.GetProperty("status").GetString());
        var by = broken.GetProperty("brokenBy");
        Assert.Equal(("IND", "Delegate of India", "Capital must review OP2."), (by.GetProperty("memberState").GetString(), by.GetProperty("by").GetString(), by.GetProperty("note").GetString()));
        Assert.Equal("blocked", (await PositionsAsync(sec, contested)).GetProperty("consensus").GetString());
    }

    [Fact]
    public async Task The_deadline_fires_after_every_silo_was_stopped_and_a_new_one_started()
    {
        var serviceId = "silence-" + Guid.NewGuid().ToString("N")[..8];
        string mou;
        DateTimeOffset deadline;
        await using (var first = new MouApp(fixture.ConnectionString, serviceId, ShortNotice))
        {
            var app = WithShortReminders(first);
            var sec = await ClientAsync(app, "Secretariat");
            mou = await sec.PublishedMouAsync();
            var started = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/silence", new { deadline = In(TimeSpan.FromSeconds(6)) })).JsonAsync(HttpStatusCode.Created);
            deadline = started.GetProperty("deadline").GetDateTimeOffset();
        }
        Assert.True(DateTimeOffset.UtcNow < deadline, "the app must be stopped before the deadline for this test to mean anything");
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);

        await using var second = new MouApp(fixture.ConnectionString, serviceId, ShortNotice);
        var reader = await ClientAsync(WithShortReminders(second), "Observer");
        // Only the MOU is read: nothing activates the silence grain but its reminder.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await PositionsAsync(reader, mou)).GetProperty("consensus").GetString() != "adopted" && DateTime.UtcNow < until)
            await Task.Delay(500);
        Assert.Equal("adopted", (await PositionsAsync(reader, mou)).GetProperty("consensus").GetString());
        var silence = await (await reader.GetAsync($"/api/mous/{mou}/revisions/1/silence")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("adopted", deadline), (silence.GetProperty("status").GetString(), silence.GetProperty("endedAt").GetDateTimeOffset()));
    }

    /// <summary>The reminder's period is stored with it; a short one keeps the test from waiting up to a minute after the restart.</summary>
    private static WebApplicationFactory<Program> WithShortReminders(MouApp app) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(5))));

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> app, string role)
    {
        var client = app.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/dev/token", new { name = role, roles = new[] { role }, organization = "un" })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return client;
    }
}
