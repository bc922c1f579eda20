using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 15.20: a resolved thread's buttons keep their contrast (the thread was faded with opacity, its buttons with it).</summary>
[Collection("browser")]
public sealed class ResolvedThreadContrastTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_resolved_threads_buttons_pass_the_colour_contrast_check()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Contrast secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "Troop-contributing countries [shall][should] train all personnel.", "Training");
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var comment = (await (await france.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "France prefers shall.", quote = "[shall][should]" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.SignInAsync("fra", $"/mous/{mou}/clauses/{clause}");
        var thread = page.Locator($"#comment-{comment}");
        await thread.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Expect(thread).ToHaveClassAsync("resolved");
        var stored = await (await france.GetAsync($"/api/mous/{mou}/clauses/{clause}/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.True(stored.EnumerateArray().Single(c => c.GetProperty("id").GetString() == comment).GetProperty("resolved").GetBoolean());

        await Expect(thread.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.ShotAsync(fixture, "clause-resolved-thread-1280");
    }
}
