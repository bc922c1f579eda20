using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The search box in the top bar and the /search page: marked results, safe text, right-to-left text, bad queries.</summary>
[Collection("browser")]
public sealed class SearchPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_top_bar_search_finds_clauses_with_marked_words_script_stays_text_and_bad_queries_are_explained()
    {
        var word = "srch" + Guid.NewGuid().ToString("N")[..8];
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Search page secretariat");
        var mou = await secretariat.CreateMouAsync("un");
        var unsafeClause = await secretariat.AddClauseAsync(mou, $"States shall <img src=x onerror=alert(1)> {word} report.", heading: "Reporting");
        await secretariat.AddClauseAsync(mou, $"تحقق البلدان المساهمة بقوات في ادعاءات الاستغلال {word}.", heading: "التحقيق");
        // The index follows within seconds; wait for it through the API rather than racing the page.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await (await secretariat.GetAsync($"/api/search?q={word}")).JsonAsync(HttpStatusCode.OK)).GetProperty("hits").GetArrayLength() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the clauses were not indexed within 30 s");
            await Task.Delay(200);
        }

        // Without the app's Content-Security-Policy: the encoding alone must keep the script inert (and axe needs it off).
        var page = await fixture.NewPageAsync(bypassCsp: true);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.SignInAsync("un-secretariat");
        // Keyboard only: the labelled search box in the top bar, then Enter.
        var box = page.GetByRole(AriaRole.Search).GetByLabel("Search texts, comments, proposals and reform items");
        // Keys go to the box itself (the locator finds it again if the layout re-rendered since), then Enter; the
        // search page is waited for by its URL and its own readiness, not by the load event of a loaded machine.
        await box.PressSequentiallyAsync(word);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q=" + word), new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await page.WaitForInteractiveAsync();

        var hits = page.GetByTestId("results-clause").GetByTestId("search-hit");
        await Expect(hits).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("search-kinds")).ToContainTextAsync("Clauses and drafts (2)");
        await Expect(page.Locator("[data-testid=search-hit] mark", new() { HasText = word })).ToHaveCountAsync(2);
        // The script is shown as text: no image element, no dialog.
        await Expect(page.Locator("[data-testid=search-hit] img")).ToHaveCountAsync(0);
        await Expect(hits.Filter(new() { HasText = "<img src=x onerror=alert(1)>" })).ToHaveCountAsync(1);
        Assert.Equal(0, dialogs);
        // Arabic text reads right to left: every passage lets the browser choose the direction.
        var arabic = hits.Filter(new() { HasText = "ادعاءات" }).GetByTestId("search-hit-passage");
        await Expect(arabic).ToHaveAttributeAsync("dir", "auto");
        Assert.Equal("rtl", await arabic.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.ShotAsync(fixture, "search-results");

        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // A query that cannot run is explained on the page (an unbalanced quote is now read as plain words).
        await page.GetByTestId("search-q").FillAsync("*unbalanced");
        await page.GetByTestId("search-submit").ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync("cannot be read");
        await Expect(page.GetByTestId("search-hit")).ToHaveCountAsync(0);

        // The link leads to the clause.
        await page.GetByTestId("search-q").FillAsync(word + " report");
        await page.GetByTestId("search-submit").ClickAsync();
        await page.GetByTestId("search-hit-link").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/mous/{mou}/clauses/{unsafeClause}$"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Expect(page.GetByTestId("current-text")).ToContainTextAsync(word);
    }
}
