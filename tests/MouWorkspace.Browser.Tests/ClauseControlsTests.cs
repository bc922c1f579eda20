using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 15.10: agreement status, moving, deleting and restoring an earlier draft from the clause page, each read back through the API.</summary>
[Collection("browser")]
public sealed class ClauseControlsTests(BrowserFixture fixture)
{
    private const string First = "States shall train all personnel before deployment.";
    private const string Bracketed = "States [shall][should] train personnel.";

    [Fact]
    public async Task A_legal_officer_restores_v1_sets_it_ad_ref_and_moves_the_clause_after_op3()
    {
        var (mouId, ids, staff) = await NewMouAsync();
        var clauseId = ids[1];
        await (await staff.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", Bracketed, "\"1\"", "brackets from the informals")).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/mous/{mouId}/clauses/{clauseId}");
        var controls = page.GetByTestId("clause-controls");
        await Expect(page.GetByTestId("current-text")).ToHaveTextAsync(Bracketed);

        // Bracketed text cannot be agreed: the refusal is said beside the control, and nothing is stored.
        await controls.GetByTestId("agreement-agreed").ClickAsync();
        await Expect(controls.GetByTestId("error")).ToContainTextAsync("brackets");
        await Expect(controls.GetByTestId("agreement-open")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("open", (await ClauseAsync(staff, mouId, clauseId)).GetProperty("agreement").GetString());

        // Restoring asks first, and Cancel leaves everything as it was.
        await page.GetByTestId("restore-1").ClickAsync();
        var confirm = page.GetByTestId("confirm-restore");
        await Expect(confirm).ToContainTextAsync("Save the text of v1 as version 3");
        await Expect(confirm).ToContainTextAsync("Restored from v1");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(2, (await DraftsAsync(staff, mouId, clauseId)).Count);

        await page.GetByTestId("restore-1").ClickAsync();
        await page.GetByTestId("confirm-restore-draft").ClickAsync();
        await Expect(page.GetByTestId("current-text")).ToHaveTextAsync(First);
        await Expect(page.GetByTestId("draft-3")).ToContainTextAsync("Restored from v1");
        var drafts = await DraftsAsync(staff, mouId, clauseId);
        Assert.Equal([First, Bracketed, First], drafts.Select(d => d.GetProperty("text").GetString()));
        Assert.Equal("Restored from v1", drafts[2].GetProperty("rationale").GetString());
        Assert.Equal("DPKO Legal Officer", drafts[2].GetProperty("author").GetString());

        // Clean again, so it can be agreed ad referendum.
        await controls.GetByTestId("agreement-ad-ref").ClickAsync();
        await Expect(controls.GetByTestId("agreement-ad-ref")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByTestId("status").First).ToHaveTextAsync("✓ ad ref");
        var clause = await ClauseAsync(staff, mouId, clauseId);
        Assert.Equal(3, clause.GetProperty("version").GetInt32());
        Assert.Equal(First, clause.GetProperty("text").GetString());
        Assert.Equal("ad-ref", clause.GetProperty("agreement").GetString());
        Assert.Equal("agreed-ad-ref", clause.GetProperty("status").GetString());
        await page.ShotAsync(fixture, "clause-controls-1280");

        // OP2 moves after OP3 and keeps its number.
        await page.GetByTestId("move-after").SelectOptionAsync(ids[2]);
        await page.GetByTestId("move").ClickAsync();
        await Expect(page.GetByTestId("move-done")).ToHaveTextAsync("Moved: OP2 now stands after OP3.");
        await Expect(page.GetByTestId("move")).ToBeDisabledAsync(); // it stands there now: nothing left to move
        var order = await OrderAsync(staff, mouId);
        Assert.Equal([ids[0], ids[2], ids[1]], order.Select(c => c.Id));
        Assert.Equal(["OP1", "OP3", "OP2"], order.Select(c => c.Number));
        await Expect(page.GetByTestId("move-after")).ToHaveValueAsync(ids[2]);

        // To the top.
        await page.GetByTestId("move-after").SelectOptionAsync(new SelectOptionValue { Label = "first" });
        await page.GetByTestId("move").ClickAsync();
        await Expect(page.GetByTestId("move-done")).ToHaveTextAsync("Moved: OP2 now stands first.");
        await Expect(page.GetByTestId("move")).ToBeDisabledAsync();
        Assert.Equal([ids[1], ids[0], ids[2]], (await OrderAsync(staff, mouId)).Select(c => c.Id));

        var phone = await fixture.NewPageAsync(390, 844, bypassCsp: true); // axe-core is injected as a script
        await phone.SignInAsync("un-legal", $"/mous/{mouId}/clauses/{clauseId}");
        await phone.GetByTestId("restore-2").ClickAsync();
        await Expect(phone.GetByTestId("confirm-restore")).ToBeVisibleAsync();
        var violations = await Accessibility.SeriousViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await phone.ShotAsync(fixture, "clause-controls-390");
    }

    [Fact]
    public async Task The_secretariat_deletes_a_clause_only_after_confirming_and_its_history_stays_readable()
    {
        var (mouId, ids, staff) = await NewMouAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/clauses/{ids[2]}");
        await page.GetByTestId("delete-clause").ClickAsync();
        var confirm = page.GetByTestId("confirm-delete");
        await Expect(confirm).ToContainTextAsync("Take OP3 out of the text?");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        Assert.Equal(ids, (await OrderAsync(staff, mouId)).Select(c => c.Id));

        await page.GetByTestId("delete-clause").ClickAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GetByTestId("confirm-delete-clause").ClickAsync();
        // The delete, its audit record and the page's move to the whole text: a generous bound on two shared cores.
        await page.WaitForURLAsync(url => url.EndsWith($"/mous/{mouId}", StringComparison.Ordinal), new() { Timeout = 60_000, WaitUntil = WaitUntilState.Commit });
        Console.WriteLine($"deleted and back on the whole text in {clock.ElapsedMilliseconds} ms");
        await Expect(page.GetByTestId("clauses").Locator("> li")).ToHaveCountAsync(2);
        Assert.Equal(ids[..2], (await OrderAsync(staff, mouId)).Select(c => c.Id));
        // Taken out of the text, not erased: its page and drafts still read, without controls for a clause that is gone.
        await (await staff.GetAsync($"/api/mous/{mouId}/clauses/{ids[2]}/drafts")).JsonAsync(HttpStatusCode.OK);
        await page.GoAndWaitAsync($"/mous/{mouId}/clauses/{ids[2]}");
        await Expect(page.GetByTestId("removed-note")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("clause-controls")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_draft_saved_while_the_restore_is_being_confirmed_is_not_replaced_unseen()
    {
        var (mouId, ids, staff) = await NewMouAsync();
        var clauseId = ids[1];
        await (await staff.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", Bracketed, "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/clauses/{clauseId}");
        await page.GetByTestId("restore-1").ClickAsync();
        await Expect(page.GetByTestId("confirm-restore")).ToContainTextAsync("as version 3");

        const string theirs = "States [shall][should] train and certify personnel.";
        var other = await fixture.App.ClientAsync("LegalOfficer", name: "Other legal officer");
        await (await other.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", theirs, "\"2\"")).JsonAsync(HttpStatusCode.OK);
        await Expect(page.GetByTestId("restore-outdated")).ToContainTextAsync("v3 was saved meanwhile by Other legal officer");
        await Expect(page.GetByTestId("confirm-restore-draft")).ToBeDisabledAsync();
        Assert.Equal(3, (await DraftsAsync(staff, mouId, clauseId)).Count);

        await page.GetByTestId("confirm-restore").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByTestId("restore-1").ClickAsync();
        await Expect(page.GetByTestId("confirm-restore")).ToContainTextAsync("as version 4");
        await page.GetByTestId("confirm-restore-draft").ClickAsync();
        await Expect(page.GetByTestId("current-text")).ToHaveTextAsync(First);
        var drafts = await DraftsAsync(staff, mouId, clauseId);
        Assert.Equal([First, Bracketed, theirs, First], drafts.Select(d => d.GetProperty("text").GetString()));
        Assert.Equal(["Other legal officer", "C-34 Secretariat"], drafts.Skip(2).Select(d => d.GetProperty("author").GetString()));
    }

    [Theory]
    [InlineData("fra")]
    [InlineData("un-observer")]
    public async Task A_delegate_or_an_observer_is_offered_none_of_these_controls(string user)
    {
        var (mouId, ids, staff) = await NewMouAsync();
        await (await staff.PutTextAsync($"/api/mous/{mouId}/clauses/{ids[0]}", Bracketed, "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user, $"/mous/{mouId}/clauses/{ids[0]}");
        await Expect(page.GetByTestId("draft-2")).ToBeVisibleAsync(); // the drafts are on screen, without a restore button
        await Expect(page.GetByTestId("restore-1")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("clause-controls")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("edit-toggle")).ToHaveCountAsync(0);
    }

    private async Task<(string MouId, string[] Ids, HttpClient Staff)> NewMouAsync()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Controls test secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        string[] ids =
        [
            await secretariat.AddClauseAsync(mou, "The Parties recall the Secretary-General's bulletin.", "Bulletin"),
            await secretariat.AddClauseAsync(mou, First, "Training"),
            await secretariat.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction"),
        ];
        return (mou, ids, secretariat);
    }

    private static async Task<JsonElement> ClauseAsync(HttpClient client, string mou, string clause) =>
        await (await client.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK);

    private static async Task<List<(string Id, string Number)>> OrderAsync(HttpClient client, string mou) =>
        (await (await client.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses").EnumerateArray()
            .Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("number").GetString()!)).ToList();

    private static async Task<List<JsonElement>> DraftsAsync(HttpClient client, string mou, string clause) =>
        (await (await client.GetAsync($"/api/mous/{mou}/clauses/{clause}/drafts")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
}
