using System.Net;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 15.13: the side-by-side choice says what the table shows, before and after versions are added.</summary>
[Collection("browser")]
public sealed class LanguageSelectsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_language_choices_match_the_table_after_versions_are_added_and_a_single_language_is_not_paired_with_itself()
    {
        var arrange = new TextArrangement(fixture);
        var (mouId, _, _) = await arrange.TextAsync(revisions: 0);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/languages");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("parallel-none")).ToContainTextAsync("only its English original");
        await Expect(page.GetByTestId("parallel")).ToHaveCountAsync(0);

        foreach (var code in new[] { "ar", "zh" })
        {
            await page.GetByTestId("add-language-code").SelectOptionAsync(code);
            await page.GetByTestId("add-language-save").ClickAsync();
            await Expect(page.GetByTestId("language-" + code)).ToBeVisibleAsync();
        }
        var staff = await arrange.SecretariatAsync();
        var stored = await (await staff.GetAsync($"/api/mous/{mouId}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["ar", "en", "zh"], stored.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("code").GetString()!).Order());

        var table = page.GetByTestId("parallel");
        var left = page.GetByTestId("parallel-left-language");
        var right = page.GetByTestId("parallel-right-language");
        // What each select shows is what its column holds.
        await Expect(left).ToHaveValueAsync("en");
        await Expect(table.Locator("thead th").Nth(1)).ToHaveTextAsync(await left.Locator("option:checked").InnerTextAsync());
        await Expect(table.Locator("thead th").Nth(2)).ToHaveTextAsync(await right.Locator("option:checked").InnerTextAsync());
        Assert.NotEqual(await left.InputValueAsync(), await right.InputValueAsync());

        await right.SelectOptionAsync("zh");
        await Expect(table.Locator("thead th").Nth(2)).ToHaveTextAsync(await right.Locator("option:checked").InnerTextAsync());
        await Expect(right).ToHaveValueAsync("zh");
        await page.ShotAsync(fixture, "languages-selects");
    }
}
