using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Web.Frontend;
using MouWorkspace.Web.Tests.Infrastructure;
using static MouWorkspace.Web.Tests.Notifications.NotificationTestKit;

namespace MouWorkspace.Web.Tests.Events;

/// <summary>
/// Change events end to end on the real stack (Azure Queue streams on Azurite): a change no request made — a
/// silence procedure adopting its revision at the deadline — reaches the followers' notifications, the open pages,
/// the text's activity list and the audit log, like a change made through the API (which is audited once, by the API).
/// </summary>
[Collection("api")]
public sealed class ChangeEventFlowTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_silence_verdict_at_the_deadline_reaches_notifications_pages_activity_and_the_audit_log()
    {
        await using var app = new MouApp(fixture.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Silence:MinimumHours"] = "0",
            ["RateLimit:PermitsPerMinute"] = "1000000",
        });
        var live = new ConcurrentQueue<LiveEvent>();
        _ = app.Server;
        app.Services.GetRequiredService<LiveEvents>().Changed += live.Enqueue;
        var sec = As(app, "Secretariat");
        var fra = As(app, "Delegate", "FRA");
        var mou = await sec.Client.PublishedMouAsync();
        Assert.True((await (await fra.Client.PutAsync($"/api/mous/{mou}/follow", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("following").GetBoolean());

        var deadline = DateTimeOffset.UtcNow.AddSeconds(2);
        await (await sec.Client.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/silence", new { deadline = deadline.ToString("O") })).JsonAsync(HttpStatusCode.Created);

        // Notifications: France follows the text, and is told of the start (made by the secretariat) and the end (made by nobody).
        var feed = await fra.FeedUntilAsync(f => f.Items().Any(i => i.GetProperty("kind").GetString() == "silence-ended"), "the end of silence in France's feed");
        var ended = feed.Items().Single(i => i.GetProperty("kind").GetString() == "silence-ended");
        Assert.Contains("Rev.1 of", ended.GetProperty("summary").GetString());
        Assert.Contains("is adopted", ended.GetProperty("summary").GetString());
        Assert.Equal($"/mous/{mou}/revisions", ended.GetProperty("link").GetString());
        Assert.Single(feed.Items(), i => i.GetProperty("kind").GetString() == "silence");

        // Live pages: the typed event, from the system, not made through the API.
        var verdict = await UntilAsync(() => Task.FromResult(live.Select(e => e.Change).OfType<SilenceEnded>().FirstOrDefault(e => e.MouId == mou)),
            e => e is not null, "the verdict on this host's live events");
        Assert.Equal(("adopted", 1, "system", false), (verdict!.Outcome, verdict.Revision, verdict.By.UserId, verdict.ViaApi));

        // The activity list of the text, every kind, newest first.
        var activity = await UntilAsync(async () => await (await fra.Client.GetAsync($"/api/mous/{mou}/activity")).JsonAsync(HttpStatusCode.OK),
            a => a.EnumerateArray().Any(i => i.GetProperty("kind").GetString() == "silence.ended"), "the verdict in the activity list");
        var kinds = activity.EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal("silence.ended", kinds[0]);
        Assert.Equal(["silence.ended", "silence.started", "revision.published", "clause.added", "clause.added", "mou.created"], kinds);
        Assert.Equal("Rev.1 adopted: the silence procedure ended without objection", activity[0].GetProperty("what").GetString());

        // The audit log: the API's records of the requests, and one record of the verdict, which no request made; no change twice.
        var audit = await UntilAsync(async () => await (await sec.Client.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK),
            a => a.EnumerateArray().Any(r => r.GetProperty("action").GetString() == "EVENT silence.ended"), "the verdict in the audit log");
        var actions = audit.EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.Single(actions, a => a == "EVENT silence.ended");
        Assert.Single(actions, a => a == "POST /api/mous/{mouId}/revisions/{number:int}/silence");
        Assert.DoesNotContain(actions, a => a is "EVENT silence.started" or "EVENT revision.published" or "EVENT mou.created");
        var record = audit.EnumerateArray().Single(r => r.GetProperty("action").GetString() == "EVENT silence.ended");
        Assert.Equal(("system", "Rev.1 adopted: the silence procedure ended without objection"), (record.GetProperty("userId").GetString(), record.GetProperty("target").GetString()));
        var verified = await (await sec.Client.GetAsync($"/api/mous/{mou}/audit/verify")).JsonAsync(HttpStatusCode.OK);
        Assert.True(verified.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task The_activity_list_says_every_kind_of_change_in_words_and_filters_by_time()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var mou = await sec.PublishedMouAsync();
        var clause = (await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses")[0].GetProperty("id").GetString()!;
        var before = DateTimeOffset.UtcNow;
        var comment = (await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "India asks why." })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "Because.", replyTo = comment })).JsonAsync(HttpStatusCode.Created);
        await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "First clause, as India proposes." })).JsonAsync(HttpStatusCode.Created);
        await (await ind.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "IND", position = "object", note = "Not yet." })).JsonAsync(HttpStatusCode.Created);

        var activity = await UntilAsync(async () => await (await ind.GetAsync($"/api/mous/{mou}/activity?since={Uri.EscapeDataString(before.ToString("O"))}")).JsonAsync(HttpStatusCode.OK),
            a => a.GetArrayLength() == 4, "four changes since the comment");
        Assert.Equal(["gave IND's position on Rev.1 (object)", "proposed wording for OP1 on behalf of IND", "replied on OP1", "commented on OP1"],
            activity.EnumerateArray().Select(i => i.GetProperty("what").GetString()!).ToArray());
        Assert.Equal("Delegate of India", activity[0].GetProperty("by").GetString());
        Assert.Equal("IND", activity[0].GetProperty("memberState").GetString());
        Assert.Equal($"/mous/{mou}/clauses/{clause}#comment-{comment}", activity[3].GetProperty("link").GetString());
        Assert.Equal($"/mous/{mou}/revisions", activity[0].GetProperty("link").GetString());

        var limited = await (await ind.GetAsync($"/api/mous/{mou}/activity?limit=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, limited.GetArrayLength());
        await (await ind.GetAsync($"/api/mous/{mou}/activity?limit=0")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await ind.GetAsync($"/api/mous/{mou}/activity?since=yesterday")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
