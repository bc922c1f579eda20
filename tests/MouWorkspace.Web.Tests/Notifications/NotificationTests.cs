using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using MouWorkspace.Web.Tests.Infrastructure;
using static MouWorkspace.Web.Tests.Notifications.NotificationTestKit;

namespace MouWorkspace.Web.Tests.Notifications;

/// <summary>
/// Following and notifications over HTTP, with e-mail to a loopback SMTP sink the test starts. Each test runs its
/// own app (on the shared Azurite) configured with the sink and a short e-mail delay.
/// </summary>
[Collection("api")]
public sealed class NotificationTests(ApiFixture fixture)
{
    private static MouApp AppWith(ApiFixture fixture, SmtpSink sink) => new(fixture.ConnectionString, settings: new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:UseTls"] = "false",
        ["Smtp:From"] = "MouWorkspace <noreply@sink.test>",
        ["Notifications:EmailDelay"] = "00:00:03",
        ["Silence:MinimumHours"] = "0",
        ["RateLimit:PermitsPerMinute"] = "1000000",
    });

    private static async Task<string> CommentAsync(NotificationTestKit.User user, string mou, string clause, string text, string? replyTo = null)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text, replyTo });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task FollowAsync(NotificationTestKit.User user, string path) =>
        Assert.True((await (await user.Client.PutAsync(path + "/follow", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("following").GetBoolean());

    private static string Body(MimeMessage message) => message.TextBody ?? "";

    [Fact]
    public async Task A_follower_sees_changes_with_their_context_and_gets_one_mail_per_digest_but_the_actor_is_not_told()
    {
        await using var sink = new SmtpSink();
        await using var app = AppWith(fixture, sink);
        var sec = As(app, "Secretariat");
        var fra = As(app, "Delegate", "FRA");
        var ind = As(app, "Delegate", "IND");
        var mou = await sec.Client.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.Client.AddClauseAsync(mou, "States shall train all personnel before deployment.");
        var path = $"/api/mous/{mou}/clauses/{clause}";
        await FollowAsync(fra, path);
        await FollowAsync(ind, path);
        var follows = await (await fra.Client.GetAsync("/api/me/follows")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(follows.EnumerateArray(), f => f.GetProperty("clauseId").GetString() == clause && f.GetProperty("mouId").GetString() == mou);

        var first = await CommentAsync(ind, mou, clause, "India asks what training means here.");
        var second = await CommentAsync(sec, mou, clause, "The secretariat refers to the pre-deployment modules.", first);
        await CommentAsync(ind, mou, clause, "Then India proposes to name them.", second);
        await (await sec.Client.PutTextAsync(path, "States shall certify all personnel before deployment.", "\"1\"", "certification")).JsonAsync(HttpStatusCode.OK);

        var feed = await fra.FeedUntilAsync(f => f.GetProperty("unread").GetInt32() == 4, "four notifications for France");
        Assert.Equal(4, feed.Items().Count());
        var reply = feed.Items().Single(i => i.GetProperty("summary").GetString()!.Contains("replied to " + sec.Name));
        Assert.Equal("reply", reply.GetProperty("kind").GetString());
        Assert.Equal(["India asks what training means here.", "The secretariat refers to the pre-deployment modules.", "Then India proposes to name them."],
            reply.GetProperty("thread").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToArray());
        Assert.Equal($"/mous/{mou}/clauses/{clause}", reply.GetProperty("link").GetString());
        var draft = feed.Items().Single(i => i.GetProperty("kind").GetString() == "draft");
        var runs = draft.GetProperty("diff").EnumerateArray().Select(r => (r.GetProperty("op").GetString(), r.GetProperty("text").GetString()!.Trim())).ToArray();
        Assert.Contains(("delete", "train"), runs);
        Assert.Contains(("insert", "certify"), runs);
        Assert.Equal(3, feed.Items().Count(i => i.GetProperty("kind").GetString() is "comment" or "reply"));

        // India made two of the comments: it is told of the secretariat's reply and draft only.
        var india = await ind.FeedUntilAsync(f => f.Items().Count() == 2, "the secretariat's reply and draft for India");
        Assert.DoesNotContain(india.Items(), i => i.GetProperty("by").GetString() == ind.Name);

        // One digest with all four; a later change makes a second one, and nothing is mailed twice.
        var mail = (await UntilAsync(() => Task.FromResult(sink.To(fra.Email)), m => m.Count >= 1, "France's digest"))[0];
        Assert.Contains("4 updates", mail.Subject);
        Assert.Contains("{+certify+}", Body(mail));
        Assert.Contains("[-train-]", Body(mail));
        Assert.Contains("Then India proposes to name them.", Body(mail));
        Assert.Contains("<ins>certify</ins>", mail.HtmlBody);
        await CommentAsync(ind, mou, clause, "India withdraws its question.");
        var mails = await UntilAsync(() => Task.FromResult(sink.To(fra.Email)), m => m.Count >= 2, "France's second digest");
        Assert.Contains("India withdraws its question.", Body(mails[1]));
        Assert.DoesNotContain("India asks what training means here.", Body(mails[1]));
        Assert.Single(sink.To(fra.Email), m => Body(m).Contains("India asks what training means here.", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.To(ind.Email), m => Body(m).Contains("India asks what training means here.", StringComparison.Ordinal) && !Body(m).Contains("The secretariat refers", StringComparison.Ordinal));

        // Mark one read, then all.
        var id = reply.GetProperty("id").GetString();
        var unread = await (await fra.Client.PostAsJsonAsync("/api/me/notifications/read", new { ids = new[] { id } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, unread.GetProperty("unread").GetInt32());
        Assert.DoesNotContain((await fra.FeedAsync(unreadOnly: true)).Items(), i => i.GetProperty("id").GetString() == id);
        unread = await (await fra.Client.PostAsJsonAsync("/api/me/notifications/read", new { all = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, unread.GetProperty("unread").GetInt32());
        await (await fra.Client.PostAsJsonAsync("/api/me/notifications/read", new { })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_change_undone_within_the_delay_is_shown_in_the_app_but_not_mailed()
    {
        await using var sink = new SmtpSink();
        await using var app = AppWith(fixture, sink);
        var sec = As(app, "Secretariat");
        var fra = As(app, "Delegate", "FRA");
        var ind = As(app, "Delegate", "IND");
        var mou = await sec.Client.CreateMouAsync("un", "FRA", "IND");
        var kept = await sec.Client.AddClauseAsync(mou, "Contingents shall report every allegation.");
        var other = await sec.Client.AddClauseAsync(mou, "Commanders shall cooperate with investigators.");
        await FollowAsync(fra, $"/api/mous/{mou}");

        // A mistaken edit saved back, a clause added by mistake and removed, then a comment that stands.
        var path = $"/api/mous/{mou}/clauses/{kept}";
        await (await sec.Client.PutTextAsync(path, "Contingents may report allegations mistakenly.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await sec.Client.PutTextAsync(path, "Contingents shall report every allegation.", "\"2\"", "reverted")).JsonAsync(HttpStatusCode.OK);
        var stray = await sec.Client.AddClauseAsync(mou, "A stray paragraph pasted by accident.");
        Assert.Equal(HttpStatusCode.NoContent, (await sec.Client.DeleteAsync($"/api/mous/{mou}/clauses/{stray}")).StatusCode);
        await CommentAsync(ind, mou, other, "India supports cooperation.");

        var feed = await fra.FeedUntilAsync(f => f.Items().Count() == 4, "two drafts, the stray clause and the comment in the app");
        Assert.Contains("mistakenly", feed.Text());
        var mail = (await UntilAsync(() => Task.FromResult(sink.To(fra.Email)), m => m.Count >= 1, "France's digest"))[0];
        Assert.Contains("India supports cooperation.", Body(mail));
        // Only the comment: the reverted drafts and the removed clause are not mentioned at all.
        Assert.Equal($"[MouWorkspace] {ind.Name} commented on OP2 (Clause).", mail.Subject);
        Assert.DoesNotContain("Contingents", Body(mail));
        Assert.DoesNotContain("mistakenly", Body(mail));
        Assert.DoesNotContain("stray paragraph", Body(mail));
        Assert.Single(sink.To(fra.Email));
    }

    [Fact]
    public async Task Only_those_who_may_read_the_drafts_can_follow_and_only_they_are_told()
    {
        await using var sink = new SmtpSink();
        await using var app = AppWith(fixture, sink);
        var sec = As(app, "Secretariat");
        var fra = As(app, "Delegate", "FRA");
        var npl = As(app, "Delegate", "NPL");
        var osce = As(app, "Secretariat", organization: "osce");
        var confidential = await (await sec.Client.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Informal consultations", parties = new[] { "FRA", "IND" }, confidential = true }))
            .JsonAsync(HttpStatusCode.Created);
        var mou = confidential.GetProperty("id").GetString()!;
        var clause = await sec.Client.AddClauseAsync(mou, "Informal text.");
        var path = $"/api/mous/{mou}/clauses/{clause}";

        await (await npl.Client.PutAsync($"/api/mous/{mou}/follow", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await npl.Client.PutAsync(path + "/follow", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await osce.Client.PutAsync($"/api/mous/{mou}/follow", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await FollowAsync(fra, $"/api/mous/{mou}");
        await FollowAsync(fra, path);
        await (await npl.Client.PutAsync($"/api/mous/missing-{Guid.NewGuid().ToString("N")[..8]}/follow", null)).ProblemAsync(HttpStatusCode.NotFound);

        // Nepal follows a public text of the same organization, so that its feed shows when deliveries arrived.
        var open = await sec.Client.CreateMouAsync("un", "FRA", "IND");
        var openClause = await sec.Client.AddClauseAsync(open, "Public text.");
        await FollowAsync(npl, $"/api/mous/{open}");

        await CommentAsync(sec, mou, clause, "Confidential remark.");
        await CommentAsync(sec, open, openClause, "Public remark.");
        await fra.FeedUntilAsync(f => f.Text().Contains("Confidential remark.", StringComparison.Ordinal), "France told of the confidential remark");
        var nepal = await npl.FeedUntilAsync(f => f.Text().Contains("Public remark.", StringComparison.Ordinal), "Nepal told of the public remark");
        Assert.DoesNotContain("Confidential remark.", nepal.Text());
        Assert.DoesNotContain("Informal", nepal.Text());

        // Unfollowing stops it.
        Assert.Equal(HttpStatusCode.NoContent, (await npl.Client.DeleteAsync($"/api/mous/{open}/follow")).StatusCode);
        Assert.Empty((await (await npl.Client.GetAsync("/api/me/follows")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await FollowAsync(npl, $"/api/mous/{open}/clauses/{openClause}");
        var otherClause = await sec.Client.AddClauseAsync(open, "Another public text.");
        await CommentAsync(sec, open, otherClause, "Remark on another clause.");
        await CommentAsync(sec, open, openClause, "Second public remark.");
        nepal = await npl.FeedUntilAsync(f => f.Text().Contains("Second public remark.", StringComparison.Ordinal), "Nepal told of the followed clause");
        Assert.DoesNotContain("Remark on another clause.", nepal.Text());
        Assert.DoesNotContain("Another public text.", nepal.Text());
        await UntilAsync(() => Task.FromResult(sink.To(npl.Email)), m => m.Any(x => Body(x).Contains("Second public remark.", StringComparison.Ordinal)), "Nepal's mail");
        Assert.DoesNotContain(sink.To(npl.Email), m => Body(m).Contains("Confidential", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Followers_hear_of_revisions_positions_silence_and_its_deadline_24_hours_ahead()
    {
        await using var sink = new SmtpSink();
        await using var app = AppWith(fixture, sink);
        var sec = As(app, "Secretariat");
        var fra = As(app, "Delegate", "FRA");
        var ind = As(app, "Delegate", "IND");
        var mou = await sec.Client.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.Client.AddClauseAsync(mou, "Text under silence.");
        // An address the Admin recorded in the user directory wins over the one in the token.
        var admin = As(app, "Admin");
        var directoryAddress = "directory-" + fra.Email;
        await (await admin.Client.PutAsJsonAsync($"/api/admin/users/{Uri.EscapeDataString(fra.Id)}", new { name = fra.Name, memberState = "FRA", organization = "un", email = "not an address" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PutAsJsonAsync($"/api/admin/users/{Uri.EscapeDataString(fra.Id)}", new { name = fra.Name, memberState = "FRA", organization = "un", email = directoryAddress }))
            .JsonAsync(HttpStatusCode.OK);
        await FollowAsync(fra, $"/api/mous/{mou}");
        await (await ind.Client.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "Text under strict silence." })).JsonAsync(HttpStatusCode.Created);
        await (await sec.Client.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await ind.Client.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "IND", position = "agree", note = "India joins" })).JsonAsync(HttpStatusCode.Created);
        // The 24-hour notice is due three seconds from now; the 1-hour one would be a day away.
        var deadline = DateTimeOffset.UtcNow.AddHours(24).AddSeconds(3);
        await (await sec.Client.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/silence", new { deadline = deadline.ToString("O") })).JsonAsync(HttpStatusCode.Created);

        var feed = await fra.FeedUntilAsync(f => f.Items().Any(i => i.GetProperty("kind").GetString() == "silence-deadline"), "the 24-hour deadline notice");
        var kinds = feed.Items().Select(i => i.GetProperty("kind").GetString()).ToArray();
        Assert.Contains("revision", kinds);
        var proposal = feed.Items().Single(i => i.GetProperty("kind").GetString() == "proposal");
        Assert.Contains(proposal.GetProperty("diff").EnumerateArray(), r => r.GetProperty("op").GetString() == "insert" && r.GetProperty("text").GetString()!.Contains("strict", StringComparison.Ordinal));
        Assert.Contains("on behalf of IND", proposal.GetProperty("summary").GetString());
        Assert.Contains("position", kinds);
        Assert.Contains("silence", kinds);
        Assert.Single(kinds, k => k == "silence-deadline");
        Assert.Contains("ends in 24 hours", feed.Text());
        Assert.Contains("IND gave its position on Rev.1: agree (India joins)", feed.Text());
        await UntilAsync(() => Task.FromResult(sink.To(directoryAddress)), m => m.Any(x => Body(x).Contains("ends in 24 hours", StringComparison.Ordinal)), "the deadline notice by e-mail");
        Assert.Empty(sink.To(fra.Email));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_notification_endpoints()
    {
        var openApi = await (await fixture.App.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/mous/{mouId}/follow", "/api/mous/{mouId}/clauses/{clauseId}/follow", "/api/me/follows", "/api/me/notifications", "/api/me/notifications/read" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.True(paths.GetProperty("/api/mous/{mouId}/follow").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/me/notifications").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task A_decided_proposal_is_told_to_its_sponsor_and_co_sponsors_who_follow_the_text_not_only_to_the_clause_followers()
    {
        await using var sink = new SmtpSink();
        await using var app = AppWith(fixture, sink);
        var sec = As(app, "Secretariat");
        var legal = As(app, "LegalOfficer");
        var ind = As(app, "Delegate", "IND");
        var pak = As(app, "Delegate", "PAK");
        var mou = await sec.Client.CreateMouAsync("un", "FRA", "IND", "PAK");
        var op1 = await sec.Client.AddClauseAsync(mou, "States shall train all personnel.");
        var op2 = await sec.Client.AddClauseAsync(mou, "States shall report annually.");
        // India and Pakistan follow another paragraph only: the decision on OP1 is theirs all the same.
        await FollowAsync(ind, $"/api/mous/{mou}/clauses/{op2}");
        await FollowAsync(pak, $"/api/mous/{mou}/clauses/{op2}");
        var proposal = (await (await ind.Client.PostAsJsonAsync($"/api/mous/{mou}/clauses/{op1}/proposals", new { text = "States shall vet all personnel." }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await pak.Client.PutAsync($"/api/mous/{mou}/proposals/{proposal}/cosponsors/PAK", null)).JsonAsync(HttpStatusCode.OK);
        await (await legal.Client.PutAsJsonAsync($"/api/mous/{mou}/proposals/{proposal}/status", new { status = "rejected", note = "no consensus" })).JsonAsync(HttpStatusCode.OK);

        foreach (var sponsor in new[] { ind, pak })
        {
            var feed = await sponsor.FeedUntilAsync(f => f.Items().Any(i => i.GetProperty("kind").GetString() == "proposal-decided"), $"the decision for {sponsor.Name}");
            var told = feed.Items().Single(i => i.GetProperty("kind").GetString() == "proposal-decided");
            Assert.Equal($"{legal.Name} rejected the proposal of India (IND) on OP1 (Clause): no consensus.", told.GetProperty("summary").GetString());
            Assert.Equal($"/mous/{mou}/clauses/{op1}", told.GetProperty("link").GetString());
        }
    }
}
