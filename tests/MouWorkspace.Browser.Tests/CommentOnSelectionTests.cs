using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 15.11: a delegate selects words in the clause text and comments on them; a quote a later draft removed is said so.</summary>
[Collection("browser")]
public sealed class CommentOnSelectionTests(BrowserFixture fixture)
{
    // A line break and a double space, which the page shows as single spaces: the quote must be the stored characters.
    private const string Text = "The Government shall exercise\nexclusive  jurisdiction over its personnel.";

    [Fact]
    public async Task A_delegate_drags_over_words_and_the_stored_comment_quotes_them_as_they_stand_in_the_text()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        var text = page.GetByTestId("current-text");
        await Expect(text).ToContainTextAsync("exclusive jurisdiction");
        await Expect(page.GetByTestId("comment-on-selection")).ToHaveCountAsync(0);

        await DragOverAsync(page, "exercise exclusive jurisdiction");
        await Expect(page.GetByTestId("selected-words")).ToHaveTextAsync("exercise exclusive jurisdiction"); // as shown
        await page.ShotAsync(fixture, "comment-selection-1280");
        await page.GetByTestId("comment-on-selection").ClickAsync();
        await Expect(page.GetByTestId("comment-quote")).ToHaveValueAsync("exercise\nexclusive  jurisdiction"); // as stored
        await Expect(page.GetByTestId("comment-text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("France asks for shared jurisdiction.", new() { Delay = 5 });
        await page.GetByTestId("comment").ClickAsync();
        var thread = page.GetByTestId("comments").Locator("> li", new() { HasText = "France asks for shared jurisdiction." });
        await Expect(thread).ToBeVisibleAsync();
        await Expect(page.GetByTestId("comment-quote")).ToHaveValueAsync("");

        var stored = (await CommentsAsync(staff, mouId, clauseId)).Single();
        Assert.Equal("exercise\nexclusive  jurisdiction", stored.GetProperty("quote").GetString());
        Assert.Equal("France asks for shared jurisdiction.", stored.GetProperty("text").GetString());
        Assert.Equal("FRA", stored.GetProperty("memberState").GetString());
        Assert.Equal(1, stored.GetProperty("draftVersion").GetInt32());
        await Expect(thread.GetByTestId("quote-gone")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Words_selected_outside_the_clause_text_are_not_offered_and_a_typed_quote_not_in_the_text_is_refused()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("ind", $"/mous/{mouId}/clauses/{clauseId}");
        await Expect(page.GetByTestId("current-text")).ToContainTextAsync("jurisdiction");
        await DragOverAsync(page, "exclusive jurisdiction");
        await Expect(page.GetByTestId("comment-on-selection")).ToBeVisibleAsync();
        // Then the heading, selected as a person would: by a triple click. Those words are not the clause text.
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync(new() { ClickCount = 3 });
        await Expect(page.GetByTestId("quote-selection")).ToContainTextAsync("Select words in the text");
        await Expect(page.GetByTestId("comment-on-selection")).ToHaveCountAsync(0);

        await page.GetByTestId("comment-text").FillAsync("India objects.");
        await page.GetByTestId("comment-quote").FillAsync("shared jurisdiction");
        await page.GetByTestId("comment").ClickAsync();
        await Expect(page.Locator("form", new() { Has = page.GetByTestId("comment-text") }).GetByTestId("error"))
            .ToContainTextAsync("not in the current text");
        Assert.Empty(await CommentsAsync(staff, mouId, clauseId));
    }

    [Fact]
    public async Task A_comment_whose_words_a_later_draft_removed_says_so_beside_it()
    {
        var (mouId, clauseId, staff) = await NewClauseAsync();
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France (quotes)");
        foreach (var (quote, said) in new[] { ("exclusive", "Delete 'exclusive'."), ("its personnel", "Which personnel?") })
            await (await france.PostAsJsonAsync($"/api/mous/{mouId}/clauses/{clauseId}/comments", new { text = said, quote })).JsonAsync(HttpStatusCode.Created);
        await (await staff.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", "The Government shall exercise jurisdiction over its personnel.", "\"1\""))
            .JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        var gone = page.GetByTestId("comments").Locator("> li", new() { HasText = "Delete 'exclusive'." });
        var kept = page.GetByTestId("comments").Locator("> li", new() { HasText = "Which personnel?" });
        await Expect(gone.GetByTestId("quote-gone")).ToHaveTextAsync("The words are no longer in the current text (quoted from v1).");
        await Expect(gone.GetByRole(AriaRole.Button, new() { NameRegex = new("^Show") })).ToHaveCountAsync(0);
        await Expect(kept.GetByTestId("quote-gone")).ToHaveCountAsync(0);
        await kept.GetByRole(AriaRole.Button, new() { Name = "Show “its personnel” in the text" }).ClickAsync();
        await Expect(page.GetByTestId("current-text").Locator("mark.quote")).ToHaveTextAsync("its personnel");
        await page.ShotAsync(fixture, "comment-quote-gone-1280");

        var phone = await fixture.NewPageAsync(390, 844, bypassCsp: true); // axe-core is injected as a script
        await phone.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}");
        await Expect(phone.GetByTestId("quote-gone")).ToBeVisibleAsync();
        await DragOverAsync(phone, "jurisdiction over its personnel");
        await Expect(phone.GetByTestId("selected-words")).ToHaveTextAsync("jurisdiction over its personnel");
        await phone.ShotAsync(fixture, "comment-selection-390");
        var violations = await Accessibility.SeriousViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // What the page said is what is stored: the old quote is kept as it was written, on the draft it was written on.
        var stored = (await CommentsAsync(staff, mouId, clauseId)).Single(c => c.GetProperty("text").GetString() == "Delete 'exclusive'.");
        Assert.Equal("exclusive", stored.GetProperty("quote").GetString());
        Assert.Equal(1, stored.GetProperty("draftVersion").GetInt32());
    }

    [Fact]
    public async Task On_a_language_version_the_selected_words_of_that_translation_are_quoted()
    {
        const string french = "Le Gouvernement exerce une compétence exclusive sur son personnel.";
        var (mouId, clauseId, staff) = await NewClauseAsync();
        await (await staff.PutAsJsonAsync($"/api/mous/{mouId}/languages/fr", new { required = true })).JsonAsync(HttpStatusCode.OK);
        var translate = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mouId}/clauses/{clauseId}/languages/fr")
        {
            Content = JsonContent.Create(new { text = french, heading = "Compétence", rationale = "traduction" }),
        };
        translate.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await staff.SendAsync(translate)).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/clauses/{clauseId}/languages/fr");
        await Expect(page.GetByTestId("language-text")).ToContainTextAsync("compétence exclusive");
        await DragOverAsync(page, "compétence exclusive", "[data-testid=language-text]");
        await page.GetByTestId("comment-on-selection").ClickAsync();
        await Expect(page.GetByTestId("comment-quote")).ToHaveValueAsync("compétence exclusive");
        await Expect(page.GetByTestId("comment-text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("La France demande « partagée ».", new() { Delay = 5 });
        await page.GetByTestId("comment").ClickAsync();
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("La France demande « partagée ».");

        var stored = (await CommentsAsync(staff, mouId, clauseId, "/languages/fr")).Single();
        Assert.Equal("compétence exclusive", stored.GetProperty("quote").GetString());
        Assert.Empty(await CommentsAsync(staff, mouId, clauseId)); // on the French version, not the original
    }

    /// <summary>
    /// Presses the mouse at the first letter of <paramref name="words"/> in the clause text and lets go at the last, as a
    /// person drags. The letters' places come from the browser's own layout (a Range over the rendered text).
    /// </summary>
    private static async Task DragOverAsync(IPage page, string words, string within = "[data-testid=current-text]")
    {
        // The page listens for selections once its script module is loaded: it says so on the hint.
        await page.Locator("[data-testid=quote-selection][data-watching=true]").WaitForAsync();
        var box = await page.EvaluateAsync<JsonElement>("""
            ([words, within]) => {
                const root = document.querySelector(within);
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                let all = '', nodes = [];
                for (let n; (n = walker.nextNode());) { nodes.push([n, all.length]); all += n.data; }
                const shown = all.replace(/\s+/g, ' ');
                // Map the shown (collapsed) offset back to the stored one.
                const map = []; let s = 0;
                for (let i = 0; i < all.length; i++) { if (/\s/.test(all[i]) && i > 0 && /\s/.test(all[i - 1])) continue; map[s++] = i; }
                const at = shown.indexOf(words);
                const point = offset => { const [n, o] = nodes.filter(([, start]) => start <= offset).pop(); return [n, offset - o]; };
                const rect = (from, to) => { const r = document.createRange(); r.setStart(...point(from)); r.setEnd(...point(to)); return r.getClientRects(); };
                const first = rect(map[at], map[at] + 1)[0];
                const last = [...rect(map[at + words.length - 1], map[at + words.length - 1] + 1)].pop();
                return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
            }
            """, new[] { words, within });
        await page.Mouse.MoveAsync(box.GetProperty("x1").GetSingle(), box.GetProperty("y1").GetSingle());
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.GetProperty("x2").GetSingle(), box.GetProperty("y2").GetSingle(), new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    private async Task<(string MouId, string ClauseId, HttpClient Staff)> NewClauseAsync()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Quote test secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        return (mou, await secretariat.AddClauseAsync(mou, Text, "Jurisdiction"), secretariat);
    }

    private static async Task<List<JsonElement>> CommentsAsync(HttpClient client, string mou, string clause, string language = "") =>
        (await (await client.GetAsync($"/api/mous/{mou}/clauses/{clause}{language}/comments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
}
