using System.Net.Http.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

[Collection("browser")]
public sealed class NotificationPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_delegate_follows_a_clause_and_sees_another_delegates_comment_in_the_count_and_the_feed()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        var clause = await secretariat.AddClauseAsync(mou, "The Government shall exercise exclusive jurisdiction.", "Jurisdiction");

        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.SignInAsync("fra", $"/mous/{mou}/clauses/{clause}");
        var toggle = page.GetByTestId("follow-toggle");
        await Expect(toggle).ToBeEnabledAsync();
        await Expect(toggle).ToHaveTextAsync("Follow this clause");
        await toggle.PressAsync("Enter");
        await Expect(toggle).ToHaveTextAsync("Unfollow this clause");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse(await page.GetByTestId("unread-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // India comments, in Arabic, through the API.
        var india = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India (browser)");
        (await india.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "تؤيد الهند هذه الفقرة." })).EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("notifications-link").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/notifications", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        var entry = page.GetByTestId("notification").Filter(new() { HasText = "تؤيد الهند هذه الفقرة." });
        await Expect(entry).ToContainTextAsync("Delegate of India (browser) commented on OP1 (Jurisdiction)");
        await Expect(entry.GetByTestId("thread-text")).ToHaveAttributeAsync("dir", "auto");
        // dir="auto" lays the Arabic text out right to left.
        Assert.Equal("rtl", await entry.GetByTestId("thread-text").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.ShotAsync(fixture, "notifications");
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await entry.GetByTestId("mark-read").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(entry.GetByTestId("mark-read")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
