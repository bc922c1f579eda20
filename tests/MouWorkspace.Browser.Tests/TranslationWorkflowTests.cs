using System.Net;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 19.6: a language version added and a clause translated, as the secretariat and a legal officer do it on the
/// pages; what was stored is read back through the API.
/// </summary>
[Collection("browser")]
public sealed class TranslationWorkflowTests(BrowserFixture fixture)
{
    private const string French = "Le Gouvernement exerce sa juridiction sur les membres de son personnel, à l’égard de tout acte.";
    private const string FrenchHeading = "Juridiction";

    [Fact]
    public async Task The_secretariat_adds_french_and_a_legal_officer_translates_a_clause_into_it()
    {
        var arrange = new TextArrangement(fixture);
        var (mouId, clauseId, _) = await arrange.TextAsync(revisions: 0);
        var staff = await arrange.SecretariatAsync();

        var secretariat = await fixture.NewPageAsync();
        await secretariat.SignInAsync("un-secretariat", $"/mous/{mouId}/languages");
        await Expect(secretariat.GetByTestId("languages-complete")).ToBeVisibleAsync();
        await Expect(secretariat.GetByTestId("language-fr")).ToHaveCountAsync(0);
        await secretariat.GetByTestId("add-language-code").SelectOptionAsync("fr");
        await secretariat.GetByTestId("add-language-required").UncheckAsync(); // the form's default is "required"
        await secretariat.GetByTestId("add-language-save").ClickAsync();
        await Expect(secretariat.GetByTestId("language-fr")).ToContainTextAsync("optional");
        await Expect(secretariat.GetByTestId("language-fr")).ToContainTextAsync("0 of 1");
        await Expect(secretariat.GetByTestId("parallel-cell-fr")).ToContainTextAsync("not yet translated"); // French beside the original
        await secretariat.ShotAsync(fixture, "workflow-languages-added");

        var languages = await (await staff.GetAsync($"/api/mous/{mouId}/languages")).JsonAsync(HttpStatusCode.OK);
        var french = languages.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "fr");
        Assert.False(french.GetProperty("required").GetBoolean());
        Assert.False(french.GetProperty("original").GetBoolean());

        // The legal officer goes from the side-by-side table to OP1 in French and translates it, typing.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("un-legal", $"/mous/{mouId}/languages");
        await legal.GetByTestId("parallel-right-language").SelectOptionAsync("fr");
        await legal.GetByTestId("parallel-cell-fr").GetByRole(AriaRole.Link, new() { Name = "OP1 in French" }).ClickAsync();
        await legal.WaitForURLAsync($"**/mous/{mouId}/clauses/{clauseId}/languages/fr");
        await legal.WaitForInteractiveAsync();
        await Expect(legal.GetByTestId("language-text")).ToContainTextAsync("not yet translated");
        await legal.GetByTestId("translate-toggle").ClickAsync();
        var heading = legal.GetByTestId("translation-heading");
        await heading.FillAsync("");
        await heading.PressSequentiallyAsync(FrenchHeading, new() { Delay = 5 });
        await legal.GetByTestId("translation-text").PressSequentiallyAsync(French, new() { Delay = 5 });
        await legal.GetByTestId("translation-save").DblClickAsync(); // a double click saves once
        await Expect(legal.GetByTestId("language-text")).ToHaveTextAsync(French);
        await Expect(legal.GetByTestId("language-drafts").Locator("li")).ToHaveCountAsync(1);
        await legal.ShotAsync(fixture, "workflow-translated-clause");

        var stored = await (await staff.GetAsync($"/api/mous/{mouId}/clauses/{clauseId}/languages/fr")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(French, stored.GetProperty("text").GetString());
        Assert.Equal(FrenchHeading, stored.GetProperty("heading").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        Assert.Equal(1, stored.GetProperty("translatesDraft").GetInt32());
        var drafts = await (await staff.GetAsync($"/api/mous/{mouId}/clauses/{clauseId}/languages/fr/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, drafts.GetArrayLength());

        // The languages page, now with French up to date, on a phone.
        var phone = await fixture.NewPageAsync(width: 390, height: 844);
        await phone.SignInAsync("un-secretariat", $"/mous/{mouId}/languages");
        await Expect(phone.GetByTestId("language-fr")).ToContainTextAsync("1 of 1");
        await Expect(phone.GetByTestId("parallel-cell-fr")).ToContainTextAsync(French);
        await phone.ShotAsync(fixture, "workflow-languages-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the languages page scrolls sideways at 390 px");
    }
}
