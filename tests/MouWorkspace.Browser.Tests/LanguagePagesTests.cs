using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 9: two languages side by side, aligned by clause number, Arabic right to left, an out-of-date translation marked.</summary>
[Collection("browser")]
public sealed class LanguagePagesTests(BrowserFixture fixture)
{
    private const string Arabic = "تمارس الحكومة الولاية القضائية على أفرادها.";

    [Fact]
    public async Task A_delegate_reads_english_and_arabic_side_by_side_and_follows_an_outdated_translation_by_keyboard()
    {
        var arrange = new TextArrangement(fixture);
        var (mouId, clauseId, _) = await arrange.TextAsync(revisions: 0);
        var sec = await arrange.SecretariatAsync();
        await sec.AddClauseAsync(mouId, "Troop-contributing countries shall train all personnel.", "Training");
        await (await sec.PutAsJsonAsync($"/api/mous/{mouId}/languages/ar", new { required = true })).JsonAsync(HttpStatusCode.OK);
        var translate = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mouId}/clauses/{clauseId}/languages/ar")
        {
            Content = JsonContent.Create(new { text = Arabic, heading = "الولاية القضائية", rationale = "translation" }),
        };
        translate.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await sec.SendAsync(translate)).JsonAsync(HttpStatusCode.OK);
        // the original moves on: the Arabic translation of OP1 is now out of date
        await (await sec.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", TextArrangement.SecondText, "\"1\"")).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.SignInAsync("fra", $"/mous/{mouId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Languages (side by side)" }).ClickAsync();
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("languages-complete")).ToContainTextAsync("Incomplete");
        await Expect(page.GetByTestId("language-ar")).ToContainTextAsync("OP1");
        var rows = page.GetByTestId("parallel-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Locator("th")).ToHaveTextAsync(["OP1", "OP2"]);

        var arabic = rows.Nth(0).GetByTestId("parallel-cell-ar");
        await Expect(arabic).ToHaveAttributeAsync("lang", "ar");
        await Expect(arabic).ToHaveAttributeAsync("dir", "rtl");
        await Expect(arabic).ToContainTextAsync(Arabic);
        Assert.Equal("rtl", await arabic.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        var english = rows.Nth(0).GetByTestId("parallel-cell-en");
        await Expect(english).ToHaveAttributeAsync("dir", "ltr");
        await Expect(english).ToContainTextAsync(TextArrangement.SecondText);
        Assert.Equal("ltr", await english.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        // the Arabic column starts at the right: its text's right edge is near the cell's right edge
        var edges = await arabic.EvaluateAsync<double[]>(
            "e => { const t = e.querySelector('.clause-text').getBoundingClientRect(); const c = e.getBoundingClientRect(); return [c.right, t.right, c.left, t.left]; }");
        Assert.True(edges[0] - edges[1] < 20 && edges[3] - edges[2] > 20, $"Arabic text should sit at the right of its cell: {string.Join(", ", edges)}");
        await Expect(arabic.GetByTestId("translation-state")).ToContainTextAsync("out of date");
        await Expect(rows.Nth(1).GetByTestId("parallel-cell-ar")).ToContainTextAsync("not yet translated");
        await page.ShotAsync(fixture, "languages-side-by-side");

        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // by keyboard: focus the Arabic OP1 link and press Enter; the clause page shows what changed in the original
        var link = arabic.GetByRole(AriaRole.Link);
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/mous/{mouId}/clauses/{clauseId}/languages/ar");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("language-text")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByTestId("original-changes").Locator("ins")).ToContainTextAsync(["exclusive"]);

        // a comment in Arabic, quoting the Arabic words
        await page.GetByTestId("comment-text").FillAsync("ملاحظة");
        await page.GetByTestId("comment-quote").FillAsync("الولاية القضائية");
        await page.GetByTestId("comment").ClickAsync();
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("ملاحظة");
        var clauseViolations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(clauseViolations.Count == 0, string.Join("\n", clauseViolations));
        await page.ShotAsync(fixture, "languages-clause-arabic");
    }
}
