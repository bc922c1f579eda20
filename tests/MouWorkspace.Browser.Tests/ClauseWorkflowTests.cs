using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 19.6: resolving a thread, "Take theirs" in an edit conflict, projecting a proposal; each checked through the API.</summary>
[Collection("browser")]
public sealed class ClauseWorkflowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_delegate_of_france_resolves_frances_thread_and_a_delegate_of_india_is_offered_no_resolve()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync("The Government shall exercise exclusive jurisdiction.");
        // The thread is started by a colleague in the French delegation.
        var paris = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France (Paris)");
        var commentId = (await (await paris.PostAsJsonAsync($"/api/mous/{mouId}/clauses/{clauseId}/comments", new { text = "France asks to delete 'exclusive'." }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var india = await fixture.NewPageAsync();
        await india.SignInAsync("ind", $"/mous/{mouId}/clauses/{clauseId}");
        var indiaThread = india.GetByTestId("comments").Locator("> li", new() { HasText = "France asks to delete" });
        await Expect(indiaThread.GetByTestId("reply")).ToBeVisibleAsync(); // the thread's form is there, without Resolve
        await Expect(indiaThread.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);

        var france = await fixture.NewPageAsync();
        await france.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        var thread = france.GetByTestId("comments").Locator("> li", new() { HasText = "France asks to delete" });
        await thread.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Expect(thread.GetByTestId("comment-item").First).ToContainTextAsync("resolved");
        await Expect(thread).ToHaveClassAsync("resolved");
        await Expect(thread.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        // The other delegation's open page follows, and still offers nothing to reopen it.
        await Expect(indiaThread.GetByTestId("comment-item").First).ToContainTextAsync("resolved");
        await Expect(indiaThread.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToHaveCountAsync(0);
        await france.ShotAsync(fixture, "workflow-thread-resolved");

        var comments = await (await staff.GetAsync($"/api/mous/{mouId}/clauses/{clauseId}/comments")).JsonAsync(HttpStatusCode.OK);
        var stored = comments.EnumerateArray().Single(c => c.GetProperty("id").GetString() == commentId);
        Assert.True(stored.GetProperty("resolved").GetBoolean());
        Assert.Equal("Delegate of France", stored.GetProperty("resolvedBy").GetString());
    }

    [Fact]
    public async Task Take_theirs_puts_their_text_in_the_box_and_saving_builds_on_their_draft()
    {
        const string original = "States shall train all personnel.";
        const string theirs = "States shall train and certify all personnel.";
        const string addition = " before deployment";
        var (mouId, clauseId, staff) = await NewClauseAsync(original);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/mous/{mouId}/clauses/{clauseId}");
        await page.GetByTestId("edit-toggle").ClickAsync();
        var box = page.GetByTestId("edit-text");
        await Expect(box).ToHaveValueAsync(original);
        await box.FillAsync("");
        await box.PressSequentiallyAsync("Member States shall train all personnel.", new() { Delay = 5 });

        // Someone else saves first, through the API.
        var other = await fixture.App.ClientAsync("LegalOfficer", name: "Other legal officer");
        await (await other.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", theirs, "\"1\"")).JsonAsync(HttpStatusCode.OK);

        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToContainTextAsync("Other legal officer saved version 2");
        await page.ShotAsync(fixture, "workflow-conflict");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take theirs" }).ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync(theirs);
        await Expect(page.GetByTestId("save")).ToHaveTextAsync("Save as version 3");
        Assert.Equal(2, (await DraftsAsync(staff, mouId, clauseId)).Count); // taking theirs saves nothing by itself

        // Their text, with words added before the full stop, typed.
        await box.PressAsync("End");
        await box.PressAsync("ArrowLeft");
        await box.PressSequentiallyAsync(addition, new() { Delay = 5 });
        await page.GetByTestId("save").ClickAsync();
        var expected = theirs[..^1] + addition + ".";
        await Expect(page.GetByTestId("current-text")).ToHaveTextAsync(expected);
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);

        var drafts = await DraftsAsync(staff, mouId, clauseId);
        Assert.Equal([original, theirs, expected], drafts.Select(d => d.GetProperty("text").GetString()));
        Assert.Equal([1, 2, 3], drafts.Select(d => d.GetProperty("version").GetInt32()));
        Assert.Equal(["Other legal officer", "DPKO Legal Officer"], drafts.Skip(1).Select(d => d.GetProperty("author").GetString()));

        // The page saves in-process, through the application service (issue 16.3): on record once, as the API operation it
        // is, with its target; the attempt refused as stale (412) not at all.
        var mine = (await (await staff.GetAsync($"/api/mous/{mouId}/audit")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() == "DPKO Legal Officer").ToList();
        var saved = Assert.Single(mine);
        Assert.Equal("PUT /api/mous/{mouId}/clauses/{clauseId}", saved.GetProperty("action").GetString());
        Assert.Equal(200, saved.GetProperty("status").GetInt32());
        Assert.Equal($"mouId={mouId}/clauseId={clauseId}", saved.GetProperty("target").GetString());
    }

    [Fact]
    public async Task The_secretariat_projects_a_proposal_and_the_room_screen_shows_it()
    {
        const string proposed = "Troop-contributing countries shall certify the training of all personnel.";
        var (mouId, clauseId, staff) = await NewClauseAsync("Troop-contributing countries should train personnel.");
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France (projection)");
        var proposalId = (await (await france.PostAsJsonAsync($"/api/mous/{mouId}/clauses/{clauseId}/proposals", new { text = proposed }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var screen = await fixture.NewPageAsync(1920, 1080);
        await screen.SignInAsync("ind", $"/mous/{mouId}/projection");
        await Expect(screen.GetByTestId("projection-waiting")).ToBeVisibleAsync();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/clauses/{clauseId}");
        var project = page.GetByTestId("project-" + proposalId);
        await Expect(project).ToHaveAccessibleNameAsync("Project the proposal of France (FRA) on the room screen");
        await project.ClickAsync();

        var shown = screen.GetByTestId("projection-clause");
        await Expect(shown).ToHaveAttributeAsync("data-clause-id", clauseId);
        await Expect(shown).ToHaveAttributeAsync("data-proposal-id", proposalId);
        await Expect(screen.GetByTestId("projection-proposal")).ToContainTextAsync("FRA");
        await Expect(screen.GetByTestId("projection-proposal").Locator("ins").First).ToContainTextAsync("shall");
        await screen.ShotAsync(fixture, "workflow-projected-proposal");

        var pointer = await (await staff.GetAsync($"/api/mous/{mouId}/now-discussing")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(clauseId, pointer.GetProperty("clauseId").GetString());
        Assert.Equal(proposalId, pointer.GetProperty("proposalId").GetString());
        Assert.Equal("C-34 Secretariat", pointer.GetProperty("setBy").GetString());
    }

    private async Task<(string MouId, string ClauseId, HttpClient Staff)> NewClauseAsync(string text)
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Workflow test secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        return (mou, await secretariat.AddClauseAsync(mou, text, "Jurisdiction"), secretariat);
    }

    private static async Task<List<JsonElement>> DraftsAsync(HttpClient client, string mou, string clause) =>
        (await (await client.GetAsync($"/api/mous/{mou}/clauses/{clause}/drafts")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
}
