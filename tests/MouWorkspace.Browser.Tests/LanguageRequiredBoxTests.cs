using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The languages page's "required" box says what is stored for the chosen language (it was ticked on load for an optional version).</summary>
[Collection("browser")]
public sealed class LanguageRequiredBoxTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_required_box_shows_an_optional_version_unticked_and_saving_it_ticked_makes_it_required()
    {
        var arrange = new TextArrangement(fixture);
        var (mouId, _, _) = await arrange.TextAsync(revisions: 0);
        var staff = await arrange.SecretariatAsync();
        await (await staff.PutAsJsonAsync($"/api/mous/{mouId}/languages/fr", new { required = false })).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/languages");
        await Expect(page.GetByTestId("language-fr")).ToBeVisibleAsync();
        var code = page.GetByTestId("add-language-code");
        var required = page.GetByTestId("add-language-required");
        await Expect(code).ToHaveValueAsync("fr");
        await Expect(required).Not.ToBeCheckedAsync();
        // A language without a version yet: required by default.
        await code.SelectOptionAsync("es");
        await Expect(required).ToBeCheckedAsync();
        await code.SelectOptionAsync("fr");
        await Expect(required).Not.ToBeCheckedAsync();
        await page.ShotAsync(fixture, "languages-optional-1280");

        await required.CheckAsync();
        await page.GetByTestId("add-language-save").ClickAsync();
        await Expect(page.GetByTestId("language-fr")).ToContainTextAsync("required");
        var stored = await (await staff.GetAsync($"/api/mous/{mouId}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.True(stored.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "fr").GetProperty("required").GetBoolean());
        await Expect(required).ToBeCheckedAsync();

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-secretariat", $"/mous/{mouId}/languages");
        await Expect(phone.GetByTestId("add-language-required")).ToBeCheckedAsync();
        await phone.ShotAsync(fixture, "languages-390");
    }
}
