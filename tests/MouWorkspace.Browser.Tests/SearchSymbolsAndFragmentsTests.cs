using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 15.4 on the page: a document symbol typed in the top bar finds its text; a comment hit opens the clause at that comment.</summary>
[Collection("browser")]
public sealed class SearchSymbolsAndFragmentsTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_symbol_typed_in_the_top_bar_is_found_and_a_comment_hit_opens_the_clause_scrolled_to_that_comment()
    {
        var word = "frag" + Guid.NewGuid().ToString("N")[..8];
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Fragment secretariat");
        var mou = await secretariat.CreateMouAsync("un");
        var clause = await secretariat.AddClauseAsync(mou, $"Recalling the Secretary-General's bulletin ST/SGB/2003/13 on special measures, {word}.", heading: "Bulletin");
        // Enough comments that the last one is far below the first screen.
        for (var i = 0; i < 30; i++)
            (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = $"Comment {i} on the preamble wording." })).EnsureSuccessStatusCode();
        (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = $"As ST/SGB/2003/13 says, {word} applies to contractors." })).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await (await secretariat.GetAsync($"/api/search?q={word}&mou={mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("hits").GetArrayLength() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the clause and its comment were not indexed within 30 s");
            await Task.Delay(200);
        }

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat");
        var box = page.GetByRole(AriaRole.Search).GetByLabel("Search texts, comments, proposals and reform items");
        await box.PressSequentiallyAsync("ST/SGB/2003/13");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q=ST"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        var hit = page.GetByTestId("search-hit").Filter(new() { HasText = word });
        await Expect(hit).ToHaveCountAsync(2);
        // Each of the two hits marks the symbol whole (one <mark>, not four); what the page held is printed for a failure.
        foreach (var html in await hit.EvaluateAllAsync<string[]>("hits => hits.map(h => h.innerHTML)"))
            output.WriteLine(html);
        output.WriteLine("address: " + page.Url);
        for (var i = 0; i < 2; i++)
            await Expect(hit.Nth(i).Locator("mark", new() { HasText = "ST/SGB/2003/13" })).ToHaveCountAsync(1);
        await page.ShotAsync(fixture, "search-symbol-1280");
        await page.SetViewportSizeAsync(390, 844);
        await page.ShotAsync(fixture, "search-symbol-390");
        await page.SetViewportSizeAsync(1280, 900);

        var commentHit = page.GetByTestId("results-comment").GetByTestId("search-hit").Filter(new() { HasText = word });
        var href = await commentHit.GetByTestId("search-hit-link").GetAttributeAsync("href");
        var commentId = Regex.Match(href!, "#comment-(.+)$").Groups[1].Value;
        Assert.NotEmpty(commentId);
        var target = page.Locator($"[id='comment-{commentId}']");

        // Without the fragment the comment is below the first screen (so the checks below can fail).
        await page.GoAndWaitAsync($"/mous/{mou}/clauses/{clause}");
        await Expect(target).ToHaveCountAsync(1);
        await Expect(target).Not.ToBeInViewportAsync();

        // Loading the address afresh (a shared link) lands at the comment.
        await page.GoAndWaitAsync($"/mous/{mou}/clauses/{clause}#comment-{commentId}");
        await Expect(target).ToBeInViewportAsync();
        await Expect(target).ToBeFocusedAsync();

        // So does following the hit from the results, within the app.
        await page.GoAndWaitAsync("/search?q=" + Uri.EscapeDataString("ST/SGB/2003/13 " + word));
        await page.GetByTestId("results-comment").GetByTestId("search-hit").Filter(new() { HasText = word }).GetByTestId("search-hit-link").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/mous/{mou}/clauses/{clause}#comment-{commentId}$"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Expect(target).ToContainTextAsync("applies to contractors");
        await Expect(target).ToBeInViewportAsync();
        await Expect(target).ToBeFocusedAsync();
        await page.ShotAsync(fixture, "search-comment-target");
    }
}
