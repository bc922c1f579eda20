using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 17.1, 17.6 and the room screen of 17.7: new paragraphs, deletions and moves proposed in the clause page; a
/// facilitator's bridging text written and answered in it; the projected clause's open proposals on the room screen.
/// </summary>
[Collection("browser")]
public sealed class AmendmentStructurePagesTests(BrowserFixture fixture)
{
    private const string Training = "Each troop-contributing country shall train its personnel before deployment.";
    private const string Costs = "The United Nations shall reimburse the costs of training.";
    private const string Reporting = "Troop-contributing countries shall report on training every year.";

    [Fact]
    public async Task A_delegate_proposes_a_new_paragraph_and_a_deletion_in_the_page_and_the_legal_officer_accepts_the_new_paragraph()
    {
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mouId = await staff.CreateMouAsync("un", "FRA", "IND", "PAK");
        var training = await staff.AddClauseAsync(mouId, Training, "Training");
        await staff.AddClauseAsync(mouId, Costs, "Costs");
        var clausePath = $"/mous/{mouId}/clauses/{training}";

        var india = await fixture.NewPageAsync();
        await india.SignInAsync("ind", clausePath);
        var structure = india.GetByTestId("structure-proposals");
        await Expect(structure).ToBeVisibleAsync();

        // A new paragraph after OP1.
        await india.GetByTestId("structure-insert-toggle").ClickAsync();
        await india.GetByTestId("insert-heading").FillAsync("Reporting");
        await india.GetByTestId("insert-text").FillAsync(Reporting);
        await india.GetByTestId("insert-kind").SelectOptionAsync("operative");
        await india.ShotAsync(fixture, "structure-insert-form");
        await india.GetByTestId("insert-submit").ClickAsync();
        await Expect(india.GetByTestId("structure-sent")).ToContainTextAsync("Your new paragraph was proposed.");
        var inserted = india.GetByTestId("proposal").Filter(new() { HasText = "Reporting" });
        await Expect(inserted.GetByTestId("proposal-change")).ToHaveTextAsync("Proposes a new paragraph “Reporting”:");
        await Expect(inserted.GetByTestId("proposal-sponsor")).ToHaveTextAsync("India (IND)");

        // A move that would leave OP1 where it stands is refused in the form.
        await india.GetByTestId("structure-move-toggle").ClickAsync();
        await india.GetByTestId("move-after").SelectOptionAsync("");
        await india.GetByTestId("move-submit").ClickAsync();
        await Expect(india.GetByTestId("structure-move").GetByTestId("error")).ToBeVisibleAsync();
        await india.ShotAsync(fixture, "structure-move-refused");

        // A deletion, clicked twice: one proposal.
        await india.GetByTestId("structure-delete-toggle").ClickAsync();
        await india.GetByTestId("delete-submit").DblClickAsync();
        await Expect(india.GetByTestId("structure-sent")).ToContainTextAsync("Your deletion was proposed.");
        await Expect(india.GetByTestId("proposal").Filter(new() { HasText = "Proposes deleting this paragraph." })).ToHaveCountAsync(1);
        await Expect(india.GetByTestId("proposal")).ToHaveCountAsync(2);
        await india.ShotAsync(fixture, "structure-proposed");

        // The legal officer accepts the new paragraph in the page, after the page asks.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("un-legal", clausePath);
        await Expect(legal.GetByTestId("structure-proposals")).ToHaveCountAsync(0);
        var toAccept = legal.GetByTestId("proposal").Filter(new() { HasText = "Reporting" });
        await toAccept.GetByTestId("accept").ClickAsync();
        await Expect(toAccept.GetByTestId("confirm-decision")).ToContainTextAsync("It changes the paragraphs of the text.");
        await toAccept.GetByTestId("confirm-accepted").ClickAsync();
        await Expect(legal.GetByTestId("proposal")).ToHaveCountAsync(1);
        await Expect(legal.GetByTestId("decided-proposals").Locator("summary")).ToHaveTextAsync("Decided proposals (1)");

        var mou = await (await staff.GetAsync($"/api/mous/{mouId}")).JsonAsync(HttpStatusCode.OK);
        var clauses = mou.GetProperty("clauses").EnumerateArray()
            .Select(c => (Number: c.GetProperty("number").GetString(), Text: c.GetProperty("text").GetString())).ToList();
        Assert.Contains(("OP1 bis", Reporting), clauses);
        var stored = (await (await staff.GetAsync($"/api/mous/{mouId}/proposals?clauseId={training}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal("accepted", stored.Single(p => p.GetProperty("kind").GetString() == "insert").GetProperty("status").GetString());
        Assert.Equal("open", stored.Single(p => p.GetProperty("kind").GetString() == "delete").GetProperty("status").GetString());

        await AssertPhoneAndAccessibleAsync("ind", clausePath, "structure-clause-phone", "structure-insert-toggle");
    }

    [Fact]
    public async Task The_legal_officer_writes_a_bridging_text_over_two_clashing_proposals_and_their_sponsors_answer_it_in_the_page()
    {
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mouId = await staff.CreateMouAsync("un", "FRA", "IND", "PAK");
        var costs = await staff.AddClauseAsync(mouId, Costs, "Costs");
        var pakistan = await ProposeAsync(await fixture.App.ClientAsync("Delegate", "PAK", name: "Delegate of Pakistan"), mouId, costs,
            "The United Nations shall reimburse the full costs of training.");
        var india = await ProposeAsync(await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India (Delhi)"), mouId, costs,
            "The United Nations shall reimburse the reasonable costs of training.");
        var clausePath = $"/mous/{mouId}/clauses/{costs}";

        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("un-legal", clausePath);
        await Expect(legal.GetByTestId("proposal-clash")).ToHaveCountAsync(2);
        await legal.GetByTestId("bridging-open").ClickAsync();
        var form = legal.GetByTestId("bridging-form");
        await Expect(form.GetByTestId("bridging-text")).ToHaveValueAsync(Costs);
        await Expect(form.GetByTestId("bridging-choose")).ToHaveCountAsync(2);
        // None chosen: refused before anything is sent.
        foreach (var box in await form.GetByTestId("bridging-choose").AllAsync())
            await box.UncheckAsync();
        await form.GetByTestId("bridging-submit").ClickAsync();
        await Expect(form.GetByTestId("error")).ToContainTextAsync("Nothing to bridge");
        foreach (var box in await form.GetByTestId("bridging-choose").AllAsync())
            await box.CheckAsync();
        await form.GetByTestId("bridging-text").FillAsync("The United Nations shall reimburse the agreed costs of training.");
        await form.GetByTestId("bridging-note").FillAsync("After the informal of 4 May.");
        await legal.ShotAsync(fixture, "bridging-form");
        await form.GetByTestId("bridging-submit").ClickAsync();

        var bridging = ProposalOf(legal, "Facilitator");
        await Expect(bridging.GetByTestId("bridging-replaces")).ToContainTextAsync("Replaces the proposals of ");
        await Expect(bridging.GetByTestId("bridging-replaces")).ToContainTextAsync("Pakistan (PAK)");
        await Expect(bridging.GetByTestId("bridging-replaces")).ToContainTextAsync("India (IND)");
        await Expect(bridging.Locator("ins")).ToContainTextAsync(["agreed"]);
        await Expect(bridging.GetByTestId("bridging-note")).ToContainTextAsync("After the informal of 4 May.");
        await Expect(bridging.GetByTestId("bridging-no-answers")).ToBeVisibleAsync();
        await Expect(legal.GetByTestId("proposal")).ToHaveCountAsync(1);

        // India can accept it; Pakistan cannot, with a note; France, which made neither, is not asked.
        var delhi = await fixture.NewPageAsync();
        await delhi.SignInAsync("ind", clausePath);
        await AnswerAsync(delhi, "can-accept", null);
        await Expect(ProposalOf(delhi, "Facilitator").GetByTestId("bridging-response")).ToHaveTextAsync(["India: can accept"]);

        var islamabad = await fixture.NewPageAsync();
        await islamabad.SignInAsync("pak", clausePath);
        await AnswerAsync(islamabad, "cannot-accept", "Agreed costs are not defined.", () => islamabad.ShotAsync(fixture, "bridging-answer-confirm"));
        var responses = ProposalOf(islamabad, "Facilitator").GetByTestId("bridging-response");
        await Expect(responses).ToHaveCountAsync(2);
        await Expect(responses.Nth(1)).ToContainTextAsync("Pakistan: cannot accept — ");
        await Expect(responses.Nth(1)).ToContainTextAsync("Agreed costs are not defined.");
        // An answer publishes no change event (the grain's RespondToBridgingTextAsync): the legal officer's page shows it on reload.
        await legal.GoAndWaitAsync(clausePath);
        await Expect(ProposalOf(legal, "Facilitator").GetByTestId("bridging-response")).ToHaveCountAsync(2);

        var paris = await fixture.NewPageAsync();
        await paris.SignInAsync("fra", clausePath);
        await Expect(ProposalOf(paris, "Facilitator")).ToHaveCountAsync(1);
        await Expect(paris.GetByTestId("can-accept")).ToHaveCountAsync(0);

        // The superseded proposals in the decided section.
        var decided = legal.GetByTestId("decided-proposals");
        await decided.Locator("summary").ClickAsync();
        await Expect(decided.GetByTestId("proposal-superseded")).ToHaveTextAsync(
            ["superseded by the facilitator's bridging text", "superseded by the facilitator's bridging text"]);
        await legal.ShotAsync(fixture, "bridging-answered");

        var stored = (await (await staff.GetAsync($"/api/mous/{mouId}/proposals?clauseId={costs}")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var bridgingId = stored.Values.Single(p => p.GetProperty("sponsor").GetString() == "Facilitator").GetProperty("id").GetString()!;
        foreach (var superseded in new[] { pakistan, india })
        {
            Assert.Equal("superseded", stored[superseded].GetProperty("status").GetString());
            Assert.Equal(bridgingId, stored[superseded].GetProperty("supersededBy").GetString());
        }
        Assert.Equal(new[] { pakistan, india }.Order(), stored[bridgingId].GetProperty("supersedes").EnumerateArray().Select(s => s.GetString()!).Order());
        var answers = stored[bridgingId].GetProperty("responses").EnumerateArray()
            .ToDictionary(r => r.GetProperty("memberState").GetString()!, r => (r.GetProperty("canAccept").GetBoolean(), r.GetProperty("note").GetString()));
        Assert.Equal((true, ""), answers["IND"]);
        Assert.Equal((false, "Agreed costs are not defined."), answers["PAK"]);

        await AssertPhoneAndAccessibleAsync("pak", clausePath, "bridging-clause-phone", null);
    }

    [Fact]
    public async Task The_room_screen_shows_the_projected_clauses_open_proposals_under_its_text()
    {
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mouId = await staff.CreateMouAsync("un", "FRA", "IND", "PAK");
        var training = await staff.AddClauseAsync(mouId, Training, "Training");
        await ProposeAsync(await fixture.App.ClientAsync("Delegate", "PAK", name: "Delegate of Pakistan"), mouId, training,
            "Each troop-contributing country shall train and certify its personnel before deployment.");
        var delhi = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India (Delhi)");
        var newParagraph = await (await delhi.PostAsJsonAsync($"/api/mous/{mouId}/proposals", new
        {
            kind = "insert", after = training, heading = "Reporting", text = Reporting, clauseKind = "operative",
        })).JsonAsync(HttpStatusCode.Created);
        await (await (await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France (Paris)"))
            .PutAsJsonAsync($"/api/mous/{mouId}/proposals/{newParagraph.GetProperty("id").GetString()}/cosponsors/FRA", new { })).JsonAsync(HttpStatusCode.OK);

        var current = await (await staff.GetAsync($"/api/mous/{mouId}/now-discussing")).JsonAsync(HttpStatusCode.OK);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mouId}/now-discussing") { Content = JsonContent.Create(new { clauseId = training }) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{current.GetProperty("version").GetInt32()}\"");
        await (await staff.SendAsync(put)).JsonAsync(HttpStatusCode.OK);

        foreach (var (width, height, shot) in new[] { (1280, 800, "room-screen-open-proposals"), (390, 844, "room-screen-open-proposals-phone") })
        {
            var screen = await fixture.NewPageAsync(width, height);
            await screen.SignInAsync("ind", $"/mous/{mouId}/projection");
            var open = screen.GetByTestId("projection-open-proposal");
            await Expect(open).ToHaveCountAsync(2);
            await Expect(open.GetByTestId("projection-open-sponsor")).ToHaveTextAsync(["Pakistan (PAK)", "India (IND)"]);
            await Expect(open.Nth(0).Locator("ins")).ToContainTextAsync(["and certify"]);
            await Expect(open.Nth(1)).ToContainTextAsync("supported by FRA");
            await Expect(open.Nth(1)).ToContainTextAsync(Reporting);
            await screen.ShotAsync(fixture, shot);
            Assert.True(await screen.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), $"the room screen scrolls sideways at {width} px");
        }
    }

    private static async Task<string> ProposeAsync(HttpClient delegateClient, string mouId, string clauseId, string text) =>
        (await (await delegateClient.PostAsJsonAsync($"/api/mous/{mouId}/clauses/{clauseId}/proposals", new { text })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

    private static ILocator ProposalOf(IPage page, string sponsor, string testId = "proposal") =>
        page.GetByTestId(testId).Filter(new() { Has = page.GetByTestId("proposal-sponsor").GetByText(sponsor, new() { Exact = true }) });

    /// <summary>The delegate's answer to the bridging text: the button, then the page's own question with an optional note.</summary>
    private static async Task AnswerAsync(IPage page, string answer, string? note, Func<Task>? beforeConfirming = null)
    {
        var bridging = ProposalOf(page, "Facilitator");
        await bridging.GetByTestId(answer).ClickAsync();
        var confirm = bridging.GetByTestId("confirm-decision");
        await Expect(confirm).ToContainTextAsync("Tell the facilitator");
        if (note is not null)
            await confirm.GetByTestId("decision-note").FillAsync(note);
        if (beforeConfirming is not null)
            await beforeConfirming();
        await confirm.GetByTestId("confirm-" + answer).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
    }

    /// <summary>At 390 px nothing scrolls sideways (with <paramref name="toggle"/> opened); axe finds no serious violation at 1280 px.</summary>
    private async Task AssertPhoneAndAccessibleAsync(string user, string path, string shot, string? toggle)
    {
        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync(user, path);
        await Expect(phone.GetByTestId("proposals")).ToBeVisibleAsync();
        if (toggle is not null)
            await phone.GetByTestId(toggle).ClickAsync();
        await phone.ShotAsync(fixture, shot);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), $"{path} scrolls sideways at 390 px");

        var scanned = await fixture.NewPageAsync(bypassCsp: true);
        await scanned.SignInAsync(user, path);
        await Expect(scanned.GetByTestId("proposals")).ToBeVisibleAsync();
        if (toggle is not null)
            await scanned.GetByTestId(toggle).ClickAsync();
        var violations = await Accessibility.SeriousViolationsAsync(scanned);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
