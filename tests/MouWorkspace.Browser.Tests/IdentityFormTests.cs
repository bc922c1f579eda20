using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 18.8 on the text's page: staff type the document identity into its form and save it; the API gives back what
/// was typed; a symbol with a Rev. part is refused beside the form; a delegate sees no form. Fits 1280 and 390 px.
/// </summary>
[Collection("browser")]
public sealed class IdentityFormTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_type_the_identity_save_it_and_the_api_reads_it_back()
    {
        var title = "Identity form test " + Guid.NewGuid().ToString("N")[..6];
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Identity form secretariat");
        var mou = (await (await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title, parties = new[] { "FRA", "IND" } }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await sec.AddClauseAsync(mou, "Personnel shall comply with the standards of conduct.", "Conduct");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/mous/{mou}");
        var form = page.GetByTestId("identity-form");
        await Expect(form.GetByTestId("identity-summary")).ToContainTextAsync("No document symbol yet");
        var symbol = form.GetByTestId("identity-symbol");
        await symbol.PressSequentiallyAsync("A/AC.121/2026/L.2/Rev.2");
        await form.GetByTestId("identity-save").ClickAsync();
        await Expect(form.GetByTestId("error")).ToContainTextAsync("without its Rev./Add./Corr. part");

        await symbol.FillAsync("");
        await symbol.PressSequentiallyAsync("A/AC.121/2026/L.2");
        await form.GetByTestId("identity-distribution").SelectOptionAsync("limited");
        var date = form.GetByTestId("identity-date");
        await date.FocusAsync();
        await date.PressSequentiallyAsync("02172026", new() { Delay = 30 }); // Chromium's en-US fields: month, day, year
        await Expect(date).ToHaveValueAsync("2026-02-17");
        await form.GetByTestId("identity-session").PressSequentiallyAsync("2026 substantive session");
        await form.GetByTestId("identity-agenda-item").PressSequentiallyAsync("4");
        await form.GetByTestId("identity-save").ClickAsync();
        await Expect(form.GetByTestId("notice")).ToHaveTextAsync("Saved: revisions are now A/AC.121/2026/L.2/Rev.n.");
        await Expect(form.GetByTestId("error")).ToHaveCountAsync(0);
        await Expect(form.GetByTestId("identity-summary")).ToHaveTextAsync("A/AC.121/2026/L.2 · Distr.: Limited · Original: English");

        var stored = await (await sec.GetAsync($"/api/mous/{mou}/identity")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("A/AC.121/2026/L.2", "limited", "2026-02-17", "2026 substantive session", "4", "DPKO Legal Officer"),
            (stored.GetProperty("symbol").GetString(), stored.GetProperty("distribution").GetString(), stored.GetProperty("date").GetString(),
             stored.GetProperty("session").GetString(), stored.GetProperty("agendaItem").GetString(), stored.GetProperty("setBy").GetString()));
        await form.ScrollIntoViewIfNeededAsync();
        await page.ShotAsync(fixture, "identity-form-1280");
        await form.ScreenshotAsync(new() { Path = Path.Combine(fixture.ArtifactsPath, "identity-form-1280-section.png") });

        var phone = await fixture.NewPageAsync(390, 844, bypassCsp: true); // axe-core is injected as a script
        await phone.SignInAsync("un-legal", $"/mous/{mou}");
        var small = phone.GetByTestId("identity-form");
        await Expect(small.GetByTestId("identity-symbol")).ToHaveValueAsync("A/AC.121/2026/L.2");
        await Expect(small.GetByTestId("identity-session")).ToHaveValueAsync("2026 substantive session");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the text's page scrolls sideways at 390 px");
        await small.ScrollIntoViewIfNeededAsync();
        await phone.ShotAsync(fixture, "identity-form-390");
        await small.ScreenshotAsync(new() { Path = Path.Combine(fixture.ArtifactsPath, "identity-form-390-section.png") });
        var violations = await Accessibility.SeriousViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        var delegatePage = await fixture.NewPageAsync();
        await delegatePage.SignInAsync("fra", $"/mous/{mou}");
        await Expect(delegatePage.GetByTestId("clauses")).ToBeVisibleAsync();
        await Expect(delegatePage.GetByTestId("identity-form")).ToHaveCountAsync(0);
    }
}
