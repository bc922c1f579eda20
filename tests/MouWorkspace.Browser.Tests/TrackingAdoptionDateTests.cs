using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 15.17 and 15.20 on the tracking pages: an adoption dated before its revision was published is refused beside
/// the form (nothing stored), a success is said beside the form used; the matrix fits 1280 px and scrolls in its own
/// region on a phone.
/// </summary>
[Collection("browser")]
public sealed class TrackingAdoptionDateTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_adoption_dated_before_the_revision_was_published_is_refused_beside_the_form_and_not_stored()
    {
        const string code = "SLE";
        var title = "Adoption date test " + Guid.NewGuid().ToString("N")[..6];
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Adoption date secretariat");
        var created = await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title, parties = new[] { "FRA", "IND" } });
        var mou = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await sec.AddClauseAsync(mou, "Personnel shall comply with the standards of conduct.", "Conduct");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = "2007-06-01" })).JsonAsync(HttpStatusCode.Created);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/tracking/{code}");
        await page.GetByTestId("adopt-mou").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = title });
        var on = page.GetByTestId("adopt-on");
        await on.FocusAsync();
        await on.PressSequentiallyAsync("03012007", new() { Delay = 30 }); // Chromium's en-US fields: month, day, year
        await Expect(on).ToHaveValueAsync("2007-03-01");
        await page.GetByTestId("adopt-note").FillAsync("Note verbale dated before the text existed");
        await page.GetByTestId("adopt").ClickAsync();
        var form = page.Locator("section[aria-labelledby=adopt-title]");
        await Expect(form.GetByTestId("error")).ToContainTextAsync($"{code} cannot have adopted Rev.1 on 2007-03-01: Rev.1 was published on 2007-06-01.");
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(1);
        await page.ShotAsync(fixture, "tracking-adoption-refused-1280");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Adoption date reader");
        var stored = await (await legal.GetAsync($"/api/tccs/{code}")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(stored.GetProperty("adoptionHistory").EnumerateArray(), a => a.GetProperty("mouId").GetString() == mou);

        // A date after the publication: recorded, and said beside the form.
        await on.FillAsync("2007-07-02");
        await page.GetByTestId("adopt").ClickAsync();
        await Expect(form.GetByTestId("notice")).ToHaveTextAsync($"Adoption of Rev.1 of “{title}” recorded.");
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        Assert.True(await form.GetByTestId("notice").EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"),
            "the success message is not in view where the form was used");
        stored = await (await legal.GetAsync($"/api/tccs/{code}")).JsonAsync(HttpStatusCode.OK);
        var adoption = Assert.Single(stored.GetProperty("adoptions").EnumerateArray(), a => a.GetProperty("mouId").GetString() == mou);
        Assert.Equal("2007-07-02", adoption.GetProperty("adoptedOn").GetString());
        Assert.Equal("DPKO Legal Officer", adoption.GetProperty("recordedBy").GetString());

        // The training form's word stays by the training form.
        await page.GetByTestId("certify").ClickAsync();
        await Expect(page.Locator("section[aria-labelledby=training-title]").GetByTestId("notice")).ToHaveTextAsync("Training certification recorded.");
        await Expect(form.GetByTestId("notice")).ToHaveCountAsync(0);
        await page.ShotAsync(fixture, "tracking-country-1280");

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-legal", $"/tracking/{code}");
        await Expect(phone.GetByTestId("adoptions")).ToContainTextAsync(title);
        await phone.ShotAsync(fixture, "tracking-country-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the country page scrolls sideways at 390 px");
    }

    [Fact]
    public async Task The_matrix_fits_1280_px_and_scrolls_in_its_own_region_on_a_phone()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/tracking");
        await page.GetByTestId("matrix-mou").SelectOptionAsync("un-model-mou");
        await Expect(page.GetByTestId("matrix-count")).ToHaveTextAsync("193 countries shown");
        await page.ShotAsync(fixture, "tracking-matrix-1280");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the tracking page scrolls sideways at 1280 px");
        // One text: its columns fit the region, nothing to scroll sideways.
        var widths = await page.GetByTestId("matrix-region").EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"the matrix of one text overflows its region at 1280 px: {widths[0]} px in {widths[1]} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ArtifactsPath, "tracking-matrix-1280-top.png") });

        var phone = await fixture.NewPageAsync(390, 844, bypassCsp: true);
        await phone.SignInAsync("un-legal", "/tracking");
        await Expect(phone.GetByTestId("matrix-row").First).ToBeVisibleAsync();
        var region = phone.GetByTestId("matrix-region");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the tracking page scrolls sideways at 390 px");
        // The region, not the page, holds the 193 rows; scrolled by a person's wheel, the country names stay in view.
        Assert.True(await region.EvaluateAsync<bool>("e => e.scrollHeight > e.clientHeight && e.clientHeight < window.innerHeight"), "the matrix does not scroll in its own region on a phone");
        await region.HoverAsync();
        await phone.Mouse.WheelAsync(300, 400);
        await phone.WaitForFunctionAsync("() => { const e = document.querySelector('[data-testid=matrix-region]'); return e.scrollTop > 0 && e.scrollLeft > 0; }");
        var name = phone.GetByTestId("matrix-row").Nth(10).Locator("th");
        Assert.True(await name.EvaluateAsync<bool>("(e) => { const r = e.getBoundingClientRect(), g = e.closest('[data-testid=matrix-region]').getBoundingClientRect(); return r.left >= g.left - 1 && r.left < g.left + 20; }"),
            "the country names scroll out of view with the columns");
        await phone.ShotAsync(fixture, "tracking-matrix-390");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(fixture.ArtifactsPath, "tracking-matrix-390-top.png") });
        var violations = await Accessibility.SeriousViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
