using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 19.6: following a whole text, unfollowing it, following it again; a change by someone else reaches the bell
/// and the feed; "Mark all read" empties the count. Follows and notifications are read back through the API as the
/// same person (Uruguay's delegate, whom no other browser test signs in as).
/// </summary>
[Collection("browser")]
public sealed class FollowWorkflowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_delegate_follows_a_text_unfollows_it_follows_again_is_told_of_a_change_and_marks_all_read()
    {
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Follow test secretariat");
        var title = "Followed text " + Guid.NewGuid().ToString("N")[..6];
        var mouId = (await (await staff.PostAsJsonAsync("/api/mous", new { organization = "un", title, parties = new[] { "FRA", "URY" } }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var clauseId = await staff.AddClauseAsync(mouId, "Personnel shall respect local laws.", "Conduct");
        var me = fixture.DemoUserClient("ury");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("ury", $"/mous/{mouId}");
        var toggle = page.GetByTestId("follow-toggle");
        await Expect(toggle).ToHaveTextAsync("Follow this text");
        await Expect(toggle).ToBeEnabledAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Unfollow this text");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var follow = Assert.Single(await FollowsAsync(me, mouId));
        Assert.Equal(JsonValueKind.Null, follow.GetProperty("clauseId").ValueKind); // the whole text, not a clause

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Follow this text");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Empty(await FollowsAsync(me, mouId));
        // A change while not following tells nothing.
        var india = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India (follow test)");
        (await india.PostAsJsonAsync($"/api/mous/{mouId}/clauses/{clauseId}/comments", new { text = "Said while nobody followed." })).EnsureSuccessStatusCode();

        // Read everything so far, then follow again (after a reload: what the page shows is what is stored).
        await me.PostAsJsonAsync("/api/me/notifications/read", new { all = true });
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(toggle).ToHaveTextAsync("Follow this text");
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("0");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Unfollow this text");
        Assert.Single(await FollowsAsync(me, mouId));

        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Legal officer (follow test)");
        await (await legal.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", "Personnel shall respect and obey local laws.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");

        await page.GetByTestId("notifications-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/notifications", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        var ofThisText = page.GetByTestId("notification").Filter(new() { HasText = title });
        await Expect(ofThisText).ToHaveCountAsync(1); // the draft, and not the comment made while unfollowed
        await Expect(ofThisText).ToContainTextAsync("Legal officer (follow test) saved draft 2 of OP1");
        await Expect(ofThisText.Locator("ins")).ToContainTextAsync(["and obey"]);
        await Expect(page.GetByTestId("feed-unread")).ToHaveTextAsync("1 unread");
        await page.ShotAsync(fixture, "workflow-notifications");

        await page.GetByTestId("mark-all-read").ClickAsync();
        await Expect(page.GetByTestId("feed-unread")).ToHaveTextAsync("0 unread");
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("mark-all-read")).ToBeDisabledAsync();
        await Expect(ofThisText.GetByTestId("mark-read")).ToHaveCountAsync(0);

        var unread = await (await me.GetAsync("/api/me/notifications?unread=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, unread.GetProperty("unread").GetInt32());
        Assert.Equal(0, unread.GetProperty("items").GetArrayLength());
        var all = await (await me.GetAsync("/api/me/notifications?unread=false&limit=500")).JsonAsync(HttpStatusCode.OK);
        var stored = Assert.Single(all.GetProperty("items").EnumerateArray(), n => n.GetProperty("mouId").GetString() == mouId);
        Assert.Equal("draft", stored.GetProperty("kind").GetString());
        Assert.True(stored.GetProperty("read").GetBoolean());

        var phone = await fixture.NewPageAsync(width: 390, height: 844);
        await phone.SignInAsync("ury", "/notifications");
        await Expect(phone.GetByTestId("notification").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await phone.ShotAsync(fixture, "workflow-notifications-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the notifications page scrolls sideways at 390 px");
    }

    private static async Task<List<JsonElement>> FollowsAsync(HttpClient me, string mouId) =>
        (await (await me.GetAsync("/api/me/follows")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Where(f => f.GetProperty("mouId").GetString() == mouId).ToList();
}
