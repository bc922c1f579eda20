using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 14.3 in the pages: an observer and a non-party delegate open a confidential round's reader and clause page
/// by its address and see a refusal, never its text; it is not on their home page or list; a party sees it all.
/// </summary>
[Collection("browser")]
public sealed class ConfidentialRoundPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Observers_and_non_parties_see_no_text_of_a_confidential_round_and_a_party_does()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Confidential pages secretariat");
        var marker = "Closed round " + Guid.NewGuid().ToString("N")[..6];
        var mou = (await (await secretariat.PostAsJsonAsync("/api/mous",
            new { organization = "un", title = marker, parties = new[] { "FRA", "IND" }, confidential = true })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var clause = await secretariat.AddClauseAsync(mou, "The Government shall waive immunity in the closed round.", "Immunity");

        foreach (var who in new[] { "un-observer", "npl" })
        {
            var page = await fixture.NewPageAsync();
            await page.SignInAsync(who, $"/mous/{mou}");
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByTestId("error")).ToContainTextAsync("confidential");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("waive immunity");
            await page.GoAndWaitAsync($"/mous/{mou}/clauses/{clause}");
            await Expect(page.GetByTestId("error")).ToContainTextAsync("confidential");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("waive immunity");
            await page.GoAndWaitAsync("/mous");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(marker);
            await page.GoAndWaitAsync("/");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(marker);
            await page.ShotAsync(fixture, $"confidential-refused-{who}");
        }

        var party = await fixture.NewPageAsync(width: 390, height: 844);
        await party.SignInAsync("fra", $"/mous/{mou}/clauses/{clause}");
        await party.WaitForInteractiveAsync();
        await Expect(party.GetByTestId("current-text")).ToContainTextAsync("waive immunity");
        await party.GoAndWaitAsync("/mous");
        await Expect(party.Locator("main")).ToContainTextAsync(marker);
        await party.ShotAsync(fixture, "confidential-party-390");
    }
}
