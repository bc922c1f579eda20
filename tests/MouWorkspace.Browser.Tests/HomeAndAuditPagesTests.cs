using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The home page's personal lists, the audit views, and the accessibility scan of the pages added with them.</summary>
[Collection("browser")]
public sealed class HomeAndAuditPagesTests(BrowserFixture fixture)
{
    private readonly TextArrangement arrange = new(fixture);

    [Fact]
    public async Task A_delegate_sees_what_waits_for_its_position_the_open_silence_and_what_changed_since_the_last_visit()
    {
        var (waitingId, _, waitingTitle) = await arrange.TextAsync(revisions: 1);
        var (answeredId, _, answeredTitle) = await arrange.TextAsync(revisions: 1);
        await arrange.PositionAsync(answeredId, 1, "FRA", "agree");
        var (silentId, silentClause, silentTitle) = await arrange.TextAsync(revisions: 1, "FRA", "MAR");
        await arrange.StartSilenceAsync(silentId, 1);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra");
        var waiting = page.GetByTestId("waiting-list");
        await Expect(waiting).ToContainTextAsync($"Rev.1 of {waitingTitle}");
        await Expect(waiting).Not.ToContainTextAsync(answeredTitle);
        await Expect(page.GetByTestId("open-silence")).ToContainTextAsync(silentTitle);
        await Expect(page.GetByTestId("open-silence").Locator("li", new() { HasText = silentTitle }).GetByTestId("time-left")).ToHaveTextAsync(new Regex(@"\d+ d \d+ h \d+ min \d+ s left"));
        // The visit is kept per user on the server: France may have visited in an earlier test of this app, so its first
        // tab shows either the first-visit sentence or a list (the grain test covers the first visit itself).
        await Expect(page.GetByTestId("first-visit").Or(page.GetByTestId("change-list")).Or(page.GetByTestId("no-changes"))).ToBeVisibleAsync();
        await page.ShotAsync(fixture, "home-delegate");

        // Later, the legal officer changes a clause, Morocco comments on it and gives a position; France comes back in a new tab.
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Legal officer of the home test");
        await (await legal.PutTextAsync($"/api/mous/{silentId}/clauses/{silentClause}", TextArrangement.SecondText, "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var mar = await fixture.App.ClientAsync("Delegate", "MAR", name: "Delegate of Morocco in the home test");
        await (await mar.PostAsJsonAsync($"/api/mous/{silentId}/clauses/{silentClause}/comments", new { text = "Morocco asks about jurisdiction." })).JsonAsync(HttpStatusCode.Created);
        await arrange.PositionAsync(silentId, 1, "MAR", "reserve", "Morocco reserves its position.");
        // The changes reach the activity list through the change stream; the page is opened once they are there.
        var activityAfter = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O");
        for (var tries = 0; tries < 300; tries++)
        {
            var listed = await legal.GetFromJsonAsync<JsonElement>($"/api/mous/{silentId}/activity?since={Uri.EscapeDataString(activityAfter)}");
            if (listed.EnumerateArray().Any(i => i.GetProperty("kind").GetString() == "position.given"))
                break;
            await Task.Delay(50);
        }
        var later = await page.Context.NewPageAsync();
        await later.GoAndWaitAsync("/");
        var changes = later.GetByTestId("change-list");
        await Expect(changes).ToContainTextAsync("OP1 Jurisdiction: version 2");
        await Expect(changes).ToContainTextAsync("Legal officer of the home test");
        // Every kind of change, not only new versions: the comment and the position too, with who made them.
        await Expect(changes.Locator("li[data-kind='comment.added']")).ToContainTextAsync("Commented on OP1");
        await Expect(changes.Locator("li[data-kind='comment.added']")).ToContainTextAsync("Delegate of Morocco in the home test");
        await Expect(changes.Locator("li[data-kind='position.given']")).ToContainTextAsync("Gave MAR's position on Rev.1 (reserve)");
        // Newest first: the position, then the comment, then the draft.
        var kinds = await changes.Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind)");
        Assert.True(Array.IndexOf(kinds, "position.given") < Array.IndexOf(kinds, "comment.added") && Array.IndexOf(kinds, "comment.added") < Array.IndexOf(kinds, "draft.saved"),
            string.Join(", ", kinds));
        // The comment's link opens the clause at the comment.
        Assert.Matches($"/mous/{silentId}/clauses/{silentClause}#comment-", await changes.Locator("li[data-kind='comment.added'] a").GetAttributeAsync("href") ?? "");
        // Kept per user, not per browser: after one more comment, France in another browser (none of this one's storage)
        // is not on a first visit, and sees what changed since its visit in the tab above.
        await (await mar.PostAsJsonAsync($"/api/mous/{silentId}/clauses/{silentClause}/comments", new { text = "Morocco adds a second point." })).JsonAsync(HttpStatusCode.Created);
        for (var tries = 0; tries < 300; tries++)
        {
            var listed = await legal.GetFromJsonAsync<JsonElement>($"/api/mous/{silentId}/activity?limit=1");
            if (listed[0].GetProperty("kind").GetString() == "comment.added")
                break;
            await Task.Delay(50);
        }
        var otherBrowser = await fixture.NewPageAsync();
        await otherBrowser.SignInAsync("fra");
        var elsewhere = otherBrowser.GetByTestId("change-list");
        await Expect(elsewhere.Locator("li[data-kind='comment.added']")).ToContainTextAsync("Delegate of Morocco in the home test");
        await Expect(elsewhere.Locator("li[data-kind='position.given']")).ToHaveCountAsync(0);
        await Expect(otherBrowser.GetByTestId("first-visit")).ToHaveCountAsync(0);
        // A reload of the tab keeps its list (the visit is the tab's).
        await later.ReloadAsync();
        await later.WaitForInteractiveAsync();
        await Expect(later.GetByTestId("change-list").Locator("li[data-kind='position.given']")).ToBeVisibleAsync();
        await Expect(later.GetByTestId("waiting-list")).Not.ToContainTextAsync(answeredTitle);
        await later.ShotAsync(fixture, "home-changes");

        // Giving the position removes the text from the list.
        await later.GetByTestId("waiting-list").GetByRole(AriaRole.Link, new() { Name = $"Rev.1 of {waitingTitle}" }).ClickAsync();
        await later.WaitForInteractiveAsync();
        await later.GetByTestId("position-agree").CheckAsync();
        await later.GetByTestId("give-position").ClickAsync();
        await Expect(later.GetByTestId("position-FRA")).ToContainTextAsync("agree");
        await later.GoAndWaitAsync("/");
        await Expect(later.GetByTestId("waiting")).ToBeVisibleAsync();
        await Expect(later.GetByTestId("waiting")).Not.ToContainTextAsync(waitingTitle);
        _ = waitingId;
    }

    [Fact]
    public async Task Staff_read_the_audit_of_a_text_with_its_chain_verified_and_the_organizations_log()
    {
        var (mouId, _, title) = await arrange.TextAsync(revisions: 1);
        await arrange.PositionAsync(mouId, 1, "IND", "agree");
        // Something in the organization's own log: a reform item's status.
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Legal officer of the audit test");
        var items = await legal.GetFromJsonAsync<JsonElement>("/api/reform-items?organization=un");
        var itemId = items[0].GetProperty("id").GetString();
        await (await legal.PostAsJsonAsync($"/api/reform-items/{itemId}/status", new { status = "in-progress", note = "Audit page test.", on = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }))
            .JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("audit-records")).ToContainTextAsync("Legal officer of the audit test");
        await Expect(page.GetByTestId("audit-records")).ToContainTextAsync("/api/reform-items/{id}/status");
        await page.ShotAsync(fixture, "audit-organization");

        await page.GetByTestId("audit-texts").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var records = page.GetByTestId("audit-record");
        // Position given, revision published, clause added, created: newest first, each said in words beside its route.
        await Expect(records).ToHaveCountAsync(4);
        await Expect(records.Nth(3)).ToContainTextAsync("POST /api/mous");
        await Expect(records.Nth(3).GetByTestId("audit-action")).ToHaveTextAsync("created the text");
        await Expect(records.Nth(1)).ToContainTextAsync("POST /api/mous/{mouId}/revisions");
        await Expect(records.Nth(1).GetByTestId("audit-action")).ToHaveTextAsync("published a revision");
        await Expect(records.Nth(0)).ToContainTextAsync("IND");
        await Expect(records.Nth(0).GetByTestId("audit-action")).ToHaveTextAsync("gave a position on Rev.1");
        await Expect(records.Nth(0).Locator("td").Nth(7)).ToHaveTextAsync(new Regex("^sha256:[0-9a-f]{12}…$"));
        await Expect(page.GetByTestId("chain")).ToContainTextAsync("Chain verified: 4 records");
        await page.ShotAsync(fixture, "audit-mou");

        // A delegate is not staff: the API's refusal is shown, not an empty page.
        var delegation = await fixture.NewPageAsync();
        await delegation.SignInAsync("fra", $"/mous/{mouId}/audit");
        await Expect(delegation.GetByTestId("error")).ToBeVisibleAsync();
        await Expect(delegation.GetByTestId("audit-record")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Revision_document_audit_and_home_pages_have_no_serious_accessibility_violations_and_fit_a_phone()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 2);
        await arrange.StartSilenceAsync(mouId, 2);
        var failures = new List<string>();
        foreach (var (user, paths) in new[]
        {
            ("fra", new[] { "/", $"/mous/{mouId}/revisions", $"/mous/{mouId}/documents", "/mous/un-model-mou/revisions" }),
            ("un-secretariat", new[] { "/", "/audit", $"/mous/{mouId}/audit", "/documents", $"/mous/{mouId}/revisions", $"/mous/{mouId}/documents" }),
        })
        {
            var page = await fixture.NewPageAsync(bypassCsp: true);
            await page.SignInAsync(user);
            foreach (var path in paths)
            {
                await page.GoAndWaitAsync(path);
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                if (path.EndsWith("/revisions", StringComparison.Ordinal) && path.Contains(mouId, StringComparison.Ordinal))
                {
                    await page.GetByTestId("compare").ClickAsync();
                    await Expect(page.GetByTestId("comparison")).ToBeVisibleAsync();
                }
                failures.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{user} {path}: {v}"));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-secretariat");
        foreach (var path in new[] { "/", $"/mous/{mouId}/revisions", $"/mous/{mouId}/documents", $"/mous/{mouId}/audit", "/audit" })
        {
            await phone.GoAndWaitAsync(path);
            await Expect(phone.Locator("h1")).ToBeVisibleAsync();
            await phone.ShotAsync(fixture, "phone" + path.Replace('/', '-'));
            Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), $"{path} scrolls sideways at 390 px");
        }
    }

    [Fact]
    public async Task A_delegate_sees_on_the_home_page_when_proposals_close_and_which_texts_take_none()
    {
        var (closingId, _, closingTitle) = await arrange.TextAsync(revisions: 0);
        var (closedId, _, closedTitle) = await arrange.TextAsync(revisions: 0);
        var sec = await arrange.SecretariatAsync();
        await (await sec.PutAsJsonAsync($"/api/mous/{closingId}/proposal-window",
            new { open = true, closesAt = DateTimeOffset.UtcNow.AddDays(2).ToString("O") })).JsonAsync(HttpStatusCode.OK);
        await (await sec.PutAsJsonAsync($"/api/mous/{closedId}/proposal-window", new { open = false })).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra");
        var windows = page.GetByTestId("proposal-windows");
        var closing = windows.Locator("li", new() { HasText = closingTitle });
        await Expect(closing).ToContainTextAsync("proposals close");
        await Expect(closing.GetByTestId("time-left")).ToHaveTextAsync(new Regex(@"[12] d \d+ h \d+ min \d+ s left"));
        await Expect(windows.Locator("li", new() { HasText = closedTitle })).ToContainTextAsync("proposals are closed");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(windows).ToBeVisibleAsync();
        await page.ShotAsync(fixture, "home-proposal-windows-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the home page scrolls sideways at 390 px");
    }
}
