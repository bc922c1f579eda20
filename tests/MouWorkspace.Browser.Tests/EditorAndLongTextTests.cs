using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 15.1 and 15.2 as a person does them: typing into the clause editor, saving twice in a row, typing after a save,
/// pasting a statement longer than the limit, clicking twice. Each checks what was stored, through the API.
/// </summary>
[Collection("browser")]
public sealed class EditorAndLongTextTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_legal_officer_saves_twice_in_a_row_and_each_draft_is_what_was_typed()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync("The Government shall exercise jurisdiction.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/mous/{mouId}/clauses/{clauseId}");
        await page.WaitForInteractiveAsync();

        var texts = new[] { "The Government shall exercise exclusive jurisdiction.", "The Government shall exercise exclusive criminal jurisdiction." };
        var rationales = new[] { "Reflects the NAM proposal", "Adds criminal, as agreed in informals" };
        for (var i = 0; i < texts.Length; i++)
        {
            await page.GetByTestId("edit-toggle").ClickAsync();
            var box = page.GetByTestId("edit-text");
            await box.FillAsync("");
            await box.PressSequentiallyAsync(texts[i], new() { Delay = 5 }); // typed key by key, as a person types
            await page.GetByTestId("edit-rationale").PressSequentiallyAsync(rationales[i], new() { Delay = 5 });
            await page.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("current-text")).ToHaveTextAsync(texts[i]);
            // After a save the panel stays closed: it does not open and close by itself.
            await Expect(page.GetByTestId("edit-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        }
        // A second of quiet: a looping panel would have saved or re-rendered meanwhile.
        var before = await DraftsAsync(staff, mouId, clauseId);
        await page.WaitForTimeoutAsync(1000);
        await Expect(page.GetByTestId("edit-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        var drafts = await DraftsAsync(staff, mouId, clauseId);
        Assert.Equal(before.Count, drafts.Count);
        Assert.Equal(3, drafts.Count);
        Assert.Equal(texts, drafts.Skip(1).Select(d => d.GetProperty("text").GetString()));
        Assert.Equal(rationales, drafts.Skip(1).Select(d => d.GetProperty("rationale").GetString()));

        // Typing after a save: the box opens with the stored text, and what is typed is what is saved.
        await page.GetByTestId("edit-toggle").ClickAsync();
        await Expect(page.GetByTestId("edit-text")).ToHaveValueAsync(texts[1]);
        await page.GetByTestId("edit-text").PressAsync("End");
        await page.GetByTestId("edit-text").PressSequentiallyAsync(" It shall inform the Secretary-General.", new() { Delay = 5 });
        await page.GetByTestId("save").DblClickAsync(); // a double click saves once
        await Expect(page.GetByTestId("current-text")).ToContainTextAsync("inform the Secretary-General");
        drafts = await DraftsAsync(staff, mouId, clauseId);
        Assert.Equal(4, drafts.Count);
        Assert.Equal(texts[1] + " It shall inform the Secretary-General.", drafts[^1].GetProperty("text").GetString());
        await page.ShotAsync(fixture, "editor-after-saves");
    }

    [Fact]
    public async Task A_pasted_statement_over_the_limit_is_refused_with_the_limit_and_nothing_else_is_published()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync("Troop-contributing countries shall train personnel.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        await page.WaitForInteractiveAsync();

        var box = page.GetByTestId("comment-text");
        await box.PressSequentiallyAsync("Short remark.", new() { Delay = 5 });
        await box.BlurAsync();
        var statement = string.Concat(Enumerable.Repeat("France recalls its statement of 4 December on victim assistance. ", 340)); // ~22,000
        Assert.True(statement.Length > TextLimits.Comment);
        await box.FillAsync(statement); // the whole statement replaces the short remark, as a paste does
        await page.GetByTestId("comment").ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync($"at most {TextLimits.Comment:N0}");
        await Expect(page.GetByTestId("error")).ToContainTextAsync($"{statement.Length:N0} characters");
        Assert.Empty(await CommentsAsync(staff, mouId, clauseId)); // neither the long text nor the short one

        // Shortened to fit, with Arabic in it: stored whole, character for character.
        var fits = statement[..(TextLimits.Comment - 200)] + " تؤكد فرنسا موقفها.";
        await box.FillAsync(fits);
        await page.GetByTestId("comment").ClickAsync();
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("تؤكد فرنسا موقفها");
        var stored = await CommentsAsync(staff, mouId, clauseId);
        Assert.Equal(fits, Assert.Single(stored).GetProperty("text").GetString());
        // The live connection survived: the page still answers a click.
        await page.GetByTestId("proposal-text").FillAsync("Troop-contributing countries shall certify the training of personnel.");
        await page.GetByTestId("propose").ClickAsync();
        await Expect(page.GetByTestId("proposals")).ToContainTextAsync("FRA");
    }

    [Fact]
    public async Task A_long_clause_text_is_saved_whole()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync("The Parties shall cooperate.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/mous/{mouId}/clauses/{clauseId}");
        await page.WaitForInteractiveAsync();
        var text = string.Concat(Enumerable.Range(1, 900).Select(i => $"({i}) The Parties shall cooperate on matter {i}; ")).Trim(); // ~45,000
        await page.GetByTestId("edit-toggle").ClickAsync();
        await page.GetByTestId("edit-text").FillAsync(text);
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("current-text")).ToContainTextAsync("matter 900;");
        var drafts = await DraftsAsync(staff, mouId, clauseId);
        Assert.Equal(text, drafts[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_unclosed_bracket_is_pointed_out_before_it_is_saved_and_on_the_text_after()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync("The Government shall exercise jurisdiction.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/mous/{mouId}/clauses/{clauseId}");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("bracket-warning")).ToHaveCountAsync(0);
        await page.GetByTestId("edit-toggle").ClickAsync();
        var unclosed = "The Government shall [exercise][assert jurisdiction.";
        await page.GetByTestId("edit-text").FillAsync("");
        await page.GetByTestId("edit-text").PressSequentiallyAsync(unclosed, new() { Delay = 5 });
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("unbalanced-warning")).ToContainTextAsync("never closed");
        Assert.Single(await DraftsAsync(staff, mouId, clauseId)); // nothing saved on the first click
        await Expect(page.GetByTestId("save")).ToHaveTextAsync("Save anyway");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("current-text")).ToContainTextAsync("[assert jurisdiction.");
        await Expect(page.GetByTestId("bracket-warning")).ToContainTextAsync("never closed");
        Assert.Equal(unclosed, (await DraftsAsync(staff, mouId, clauseId))[^1].GetProperty("text").GetString());
    }

    private async Task<(string MouId, string ClauseId, HttpClient Staff)> NewClauseAsync(string text)
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Editor test secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        return (mou, await secretariat.AddClauseAsync(mou, text, "Jurisdiction"), secretariat);
    }

    private static async Task<List<JsonElement>> DraftsAsync(HttpClient client, string mou, string clause) =>
        (await (await client.GetAsync($"/api/mous/{mou}/clauses/{clause}/drafts")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

    private static async Task<List<JsonElement>> CommentsAsync(HttpClient client, string mou, string clause) =>
        (await (await client.GetAsync($"/api/mous/{mou}/clauses/{clause}/comments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
}
