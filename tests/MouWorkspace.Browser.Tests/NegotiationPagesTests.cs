using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

[Collection("browser")]
public sealed class NegotiationPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_delegate_signs_in_and_reads_the_demo_text_with_its_brackets_numbers_and_progress()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra");
        await Expect(page.GetByTestId("who")).ToContainTextAsync("Delegate of France");
        // The page cookie signs in pages only: the API never takes it, so no other site can act for this user.
        Assert.Equal(401, (await page.Context.APIRequest.GetAsync("/api/mous?organization=un")).Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Model MOU between the United Nations" }).First.ClickAsync();
        await page.WaitForInteractiveAsync();
        var clauses = page.GetByTestId("clauses");
        await Expect(clauses).ToContainTextAsync("PP1");
        await Expect(clauses).ToContainTextAsync("OP2");
        await Expect(clauses.Locator("mark.bracket").First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("alternatives"));
        await Expect(page.GetByTestId("clean-share")).ToContainTextAsync("% of clauses clean");
        await Expect(clauses.GetByTestId("status").First).ToContainTextAsync("agreed");
        await page.ShotAsync(fixture, "reader");
    }

    [Fact]
    public async Task The_secretariat_creates_a_text_adds_clauses_and_resolves_an_edit_conflict()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", "/mous");
        var title = "Browser test MOU " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("new-title").FillAsync(title);
        await page.GetByTestId("new-parties").FillAsync("FRA IND");
        await page.GetByTestId("create-mou").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();

        await page.GetByTestId("clause-heading").FillAsync("Training");
        await page.GetByTestId("clause-text").FillAsync("States [shall][should] train all personnel.");
        await page.GetByTestId("add-clause").ClickAsync();
        await Expect(page.GetByTestId("clauses")).ToContainTextAsync("OP1");
        await Expect(page.GetByTestId("clauses").GetByTestId("status")).ToContainTextAsync("bracketed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Training" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByText("Edit the text").ClickAsync();
        await page.GetByTestId("edit-text").FillAsync("States shall train all personnel before deployment.");

        // Someone else saves first, through the API.
        var mouId = page.Url.Split("/mous/")[1].Split('/')[0];
        var clauseId = page.Url.Split("/clauses/")[1];
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Other legal officer");
        await (await legal.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", "States shall train their personnel.", "\"1\"")).JsonAsync(System.Net.HttpStatusCode.OK);

        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToContainTextAsync("Other legal officer");
        await page.ShotAsync(fixture, "conflict");
        await page.GetByTestId("keep-mine").ClickAsync();
        await Expect(page.GetByTestId("current-text")).ToContainTextAsync("before deployment");
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);

        await page.GetByTestId("show-diff").ClickAsync();
        await Expect(page.GetByTestId("diff").Locator("ins")).ToContainTextAsync(["before deployment"]);
    }

    [Fact]
    public async Task A_comment_from_one_delegate_appears_on_another_delegates_open_page_without_reload()
    {
        var (mouId, clauseId) = await NewClauseAsync("The Government shall exercise exclusive jurisdiction.");
        var france = await fixture.NewPageAsync();
        await france.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        var india = await fixture.NewPageAsync();
        await india.SignInAsync("ind", $"/mous/{mouId}/clauses/{clauseId}");

        await india.GetByTestId("comment-text").FillAsync("India asks to keep 'exclusive'.");
        await india.GetByTestId("comment-quote").FillAsync("exclusive jurisdiction");
        var clock = Stopwatch.StartNew();
        await india.GetByTestId("comment").ClickAsync();

        await Expect(france.GetByTestId("comments")).ToContainTextAsync("India asks to keep", new() { Timeout = 5_000 });
        Console.WriteLine($"live update reached the other page in {clock.ElapsedMilliseconds} ms");
        await france.GetByRole(AriaRole.Button, new() { Name = "Show “exclusive jurisdiction” in the text" }).ClickAsync();
        await Expect(france.GetByTestId("current-text").Locator("mark.quote")).ToHaveTextAsync("exclusive jurisdiction");
        await france.ShotAsync(fixture, "live-comment");
    }

    [Fact]
    public async Task A_delegate_proposes_wording_on_behalf_of_a_group_and_replies_with_the_keyboard()
    {
        var (mouId, clauseId) = await NewClauseAsync("Troop-contributing countries should train personnel.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("ind", $"/mous/{mouId}/clauses/{clauseId}");

        await page.GetByTestId("proposal-text").FillAsync("Troop-contributing countries shall certify the training of personnel.");
        await page.GetByTestId("proposal-behalf").SelectOptionAsync("NAM");
        await page.GetByTestId("propose").ClickAsync();
        await Expect(page.GetByTestId("proposals")).ToContainTextAsync("Non-Aligned Movement (IND)");
        await Expect(page.GetByTestId("proposals").Locator("ins").First).ToContainTextAsync("shall");

        await page.GetByTestId("comment-text").FillAsync("See our proposal.");
        await page.GetByTestId("comment").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("See our proposal.");
        await page.GetByTestId("reply-input").FillAsync("Thank you.");
        await page.GetByTestId("reply-input").PressAsync("Enter");
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("Thank you.");
    }

    [Fact]
    public async Task Script_in_user_text_is_shown_as_text_and_never_runs()
    {
        const string hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> [alt][other]";
        var (mouId, clauseId) = await NewClauseAsync(hostile);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        await page.GetByTestId("comment-text").FillAsync(hostile);
        await page.GetByTestId("comment").ClickAsync();
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("<script>window.pwned=2</script>");

        await Expect(page.GetByTestId("current-text")).ToContainTextAsync("<img src=x");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.pwned === 'undefined'"));
        await page.GoAndWaitAsync($"/mous/{mouId}");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.pwned === 'undefined'"));
    }

    [Fact]
    public async Task Pages_have_no_serious_accessibility_violations_and_fit_a_phone()
    {
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.SignInAsync("fra");
        var model = await (await fixture.App.ClientAsync("Observer", "NPL")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/mous/un-model-mou");
        var clauseId = model.GetProperty("clauses")[4].GetProperty("id").GetString();
        string[] paths = ["/", "/mous", "/mous/un-model-mou", $"/mous/un-model-mou/clauses/{clauseId}"];
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GoAndWaitAsync(path);
            failures.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        var signIn = await fixture.NewPageAsync(bypassCsp: true);
        await signIn.GotoAsync("/signin");
        failures.AddRange((await Accessibility.SeriousViolationsAsync(signIn)).Select(v => $"/signin: {v}"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("fra", "/mous/un-model-mou");
        await phone.ShotAsync(fixture, "reader-phone");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the reader scrolls sideways at 390 px");
    }

    private async Task<(string MouId, string ClauseId)> NewClauseAsync(string text)
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        return (mou, await secretariat.AddClauseAsync(mou, text, "Jurisdiction"));
    }
}
