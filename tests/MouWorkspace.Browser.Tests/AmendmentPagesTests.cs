using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 17.7 and 17.9: proposals proposed, co-sponsored and decided in the clause page; the compilation page.</summary>
[Collection("browser")]
public sealed class AmendmentPagesTests(BrowserFixture fixture)
{
    private const string Training = "Each troop-contributing country shall train its personnel before deployment.";
    private const string Costs = "The United Nations shall reimburse the costs of training.";

    [Fact]
    public async Task Proposals_are_proposed_cosponsored_and_decided_in_the_clause_page_and_the_compilation_shows_the_open_ones()
    {
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mouId = await staff.CreateMouAsync("un", "FRA", "IND", "PAK");
        var training = await staff.AddClauseAsync(mouId, Training, "Training");
        var costs = await staff.AddClauseAsync(mouId, Costs, "Costs");
        var clausePath = $"/mous/{mouId}/clauses/{training}";

        // India proposes in the page; the unchanged wording the box starts with is refused before anything is sent.
        var india = await fixture.NewPageAsync();
        await india.SignInAsync("ind", clausePath);
        await Expect(india.GetByTestId("proposal-text")).ToHaveValueAsync(Training);
        await india.GetByTestId("propose").ClickAsync();
        await Expect(india.GetByTestId("error")).ToContainTextAsync("Nothing to propose");
        await india.GetByTestId("proposal-text").FillAsync("Each troop-contributing country shall train and certify its personnel before deployment.");
        await india.GetByTestId("propose").ClickAsync();
        var indiaProposal = ProposalOf(india, "India (IND)");
        await Expect(indiaProposal.Locator("ins")).ToContainTextAsync(["and certify"]);
        // Its own delegation withdraws it; it does not co-sponsor it.
        await Expect(indiaProposal.GetByTestId("withdraw")).ToBeVisibleAsync();
        await Expect(indiaProposal.GetByTestId("cosponsor")).ToHaveCountAsync(0);

        // France co-sponsors it in the page; India's open page follows.
        var france = await fixture.NewPageAsync();
        await france.SignInAsync("fra", clausePath);
        var seenByFrance = ProposalOf(france, "India (IND)");
        await Expect(seenByFrance.GetByTestId("accept")).ToHaveCountAsync(0);
        await seenByFrance.GetByTestId("cosponsor").ClickAsync();
        await Expect(seenByFrance.GetByTestId("proposal-cosponsors")).ToHaveTextAsync("supported by FRA");
        await Expect(seenByFrance.GetByTestId("leave")).ToBeVisibleAsync();
        await Expect(indiaProposal.GetByTestId("proposal-cosponsors")).ToHaveTextAsync("supported by FRA");

        // Two more on the clause, and the proposals that stay open on the other clause, through the API.
        var paris = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France (Paris)");
        var islamabad = await fixture.App.ClientAsync("Delegate", "PAK", name: "Delegate of Pakistan");
        var delhi = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India (Delhi)");
        await ProposeAsync(paris, mouId, training, "Each troop-contributing country shall train its personnel before each deployment.");
        await ProposeAsync(islamabad, mouId, training, "Every troop-contributing country shall train its personnel before deployment.");
        await ProposeAsync(islamabad, mouId, costs, "The United Nations shall reimburse the full costs of training.");
        await ProposeAsync(paris, mouId, costs, "The United Nations shall reimburse the reasonable costs of training.");
        await (await delhi.PostAsJsonAsync($"/api/mous/{mouId}/proposals", new
        {
            kind = "insert", after = training, heading = "Reporting", text = "Troop-contributing countries shall report on training every year.", clauseKind = "operative",
        })).JsonAsync(HttpStatusCode.Created);

        // The legal officer accepts India's and France's and rejects Pakistan's, each after the page asks.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("un-legal", clausePath);
        // India's new paragraph after this one is offered here too.
        await Expect(legal.GetByTestId("proposal")).ToHaveCountAsync(4);
        await Expect(legal.GetByTestId("proposal").Filter(new() { HasText = "Reporting" }).GetByTestId("proposal-change"))
            .ToHaveTextAsync("Proposes a new paragraph “Reporting”:");
        await Expect(legal.GetByTestId("withdraw")).ToHaveCountAsync(0);
        await DecideAsync(legal, "India (IND)", "accepted", "Agreed in the informal of 3 May.");
        await Expect(legal.GetByTestId("current-text")).ToContainTextAsync("train and certify its personnel");
        // France's, made on the first draft, shows what it would change now: one word added, India's words kept.
        var franceProposal = ProposalOf(legal, "France (FRA)");
        await Expect(franceProposal.Locator("ins")).ToContainTextAsync(["each"]);
        await Expect(franceProposal.Locator("del")).ToHaveCountAsync(0);
        await DecideAsync(legal, "France (FRA)", "accepted", null);
        await Expect(legal.GetByTestId("current-text")).ToContainTextAsync("before each deployment");
        await DecideAsync(legal, "Pakistan (PAK)", "rejected", "No support in the room.", () => legal.ShotAsync(fixture, "amendments-confirm-reject"));
        await Expect(legal.GetByTestId("proposal")).ToHaveCountAsync(1);
        var decided = legal.GetByTestId("decided-proposals");
        await Expect(decided.Locator("summary")).ToHaveTextAsync("Decided proposals (3)");
        await decided.Locator("summary").ClickAsync();
        await Expect(ProposalOf(legal, "Pakistan (PAK)", "decided-proposal").GetByTestId("proposal-decision"))
            .ToContainTextAsync("rejected by DPKO Legal Officer");
        await legal.ShotAsync(fixture, "amendments-clause");

        // What is stored: the statuses, the note, the co-sponsor and the clause's new draft with both accepted changes.
        var stored = (await (await staff.GetAsync($"/api/mous/{mouId}/proposals?clauseId={training}")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "replace").ToDictionary(p => p.GetProperty("onBehalfOf").GetString()!);
        Assert.Equal("accepted", stored["IND"].GetProperty("status").GetString());
        Assert.Equal(["FRA"], stored["IND"].GetProperty("cosponsors").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Agreed in the informal of 3 May.", stored["IND"].GetProperty("note").GetString());
        Assert.Equal("accepted", stored["FRA"].GetProperty("status").GetString());
        Assert.Equal("rejected", stored["PAK"].GetProperty("status").GetString());
        Assert.Equal("DPKO Legal Officer", stored["PAK"].GetProperty("decidedBy").GetString());
        var clause = await (await staff.GetAsync($"/api/mous/{mouId}/clauses/{training}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Each troop-contributing country shall train and certify its personnel before each deployment.", clause.GetProperty("text").GetString());
        Assert.Equal(3, clause.GetProperty("version").GetInt32());

        // The compilation, as a delegate: the open proposals where they stand, with their sponsors and their clash.
        var reader = await fixture.NewPageAsync();
        await reader.SignInAsync("ury", $"/mous/{mouId}");
        await reader.GetByTestId("compilation-link").ClickAsync();
        // The app routes in the page (no load event to wait for): the address is what changes.
        await Expect(reader).ToHaveURLAsync(new Regex($"/mous/{mouId}/compilation$"));
        var entries = reader.GetByTestId("compilation-entry");
        await Expect(entries).ToHaveCountAsync(3);
        await Expect(reader.GetByTestId("open-count")).ToContainTextAsync("3 open proposals");
        await Expect(entries.Nth(0)).ToContainTextAsync("No open proposals.");
        await Expect(entries.Nth(1).GetByTestId("new-paragraph")).ToHaveTextAsync("Proposed new paragraph (would be OP1 bis)");
        await Expect(entries.Nth(1).GetByTestId("proposal-sponsor")).ToHaveTextAsync("India (IND)");
        await Expect(entries.Nth(2).GetByTestId("proposal-sponsor")).ToHaveTextAsync(["Pakistan (PAK)", "France (FRA)"]);
        await Expect(entries.Nth(2).GetByTestId("proposal-clash").First).ToContainTextAsync("Clashes with: France (FRA)");
        await reader.ShotAsync(fixture, "amendments-compilation");

        // Pakistan's view: its proposal only, the clash with one it does not see still said.
        await reader.GetByTestId("filter-state").SelectOptionAsync("PAK");
        await Expect(reader).ToHaveURLAsync(new Regex("[?&]state=PAK"));
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(entries.GetByTestId("proposal-sponsor")).ToHaveTextAsync(["Pakistan (PAK)"]);
        await Expect(entries.GetByTestId("proposal-clash")).ToContainTextAsync("a proposal not shown here");
        await reader.GetByTestId("filter-status").SelectOptionAsync("agreed");
        await Expect(reader.GetByTestId("compilation-empty")).ToBeVisibleAsync();

        await AssertPhoneAndAccessibleAsync(clausePath, "amendments-clause-phone");
        await AssertPhoneAndAccessibleAsync($"/mous/{mouId}/compilation", "amendments-compilation-phone");
    }

    [Fact]
    public async Task A_proposal_that_no_longer_fits_is_refused_beside_it_and_its_sponsor_withdraws_it_in_the_page()
    {
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Browser test secretariat");
        var mouId = await staff.CreateMouAsync("un", "FRA", "PAK");
        var costs = await staff.AddClauseAsync(mouId, Costs, "Costs");
        await ProposeAsync(await fixture.App.ClientAsync("Delegate", "PAK", name: "Delegate of Pakistan"), mouId, costs,
            "The United Nations shall reimburse the full costs of training.");
        var france = await ProposeAsync(await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France (Paris)"), mouId, costs,
            "The United Nations shall reimburse the reasonable costs of training.");
        var clausePath = $"/mous/{mouId}/clauses/{costs}";

        // Pakistan's is accepted; France's adds its word where Pakistan's now stands: the page says so, and so does the API.
        var legal = await fixture.NewPageAsync();
        await legal.SignInAsync("un-legal", clausePath);
        await Expect(legal.GetByTestId("proposal-clash")).ToHaveCountAsync(2);
        await DecideAsync(legal, "Pakistan (PAK)", "accepted", null);
        var stale = ProposalOf(legal, "France (FRA)");
        await Expect(stale.GetByTestId("proposal-out-of-date")).ToContainTextAsync("cannot be accepted as it stands");
        await stale.GetByTestId("accept").ClickAsync();
        await stale.GetByTestId("confirm-accepted").ClickAsync();
        await Expect(stale.GetByTestId("error")).ToContainTextAsync("changes words that changed since it was made");
        await Expect(stale.GetByTestId("proposal-status")).ToHaveTextAsync("open");
        await Expect(stale.GetByTestId("confirm-decision")).ToHaveCountAsync(0);
        await legal.ShotAsync(fixture, "amendments-refused");

        // France withdraws it, after the page asks; the legal officer's open page follows.
        var paris = await fixture.NewPageAsync();
        await paris.SignInAsync("fra", clausePath);
        var own = ProposalOf(paris, "France (FRA)");
        await own.GetByTestId("withdraw").ClickAsync();
        await Expect(own.GetByTestId("decision-note")).ToBeFocusedAsync();
        await own.GetByTestId("decision-note").FillAsync("Overtaken by the full costs.");
        await own.GetByTestId("confirm-withdrawn").ClickAsync();
        await Expect(paris.GetByTestId("proposal")).ToHaveCountAsync(0);
        await Expect(legal.GetByTestId("decided-proposals").Locator("summary")).ToHaveTextAsync("Decided proposals (2)");

        var stored = (await (await staff.GetAsync($"/api/mous/{mouId}/proposals?clauseId={costs}")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Single(p => p.GetProperty("id").GetString() == france);
        Assert.Equal("withdrawn", stored.GetProperty("status").GetString());
        Assert.Equal("Overtaken by the full costs.", stored.GetProperty("note").GetString());

        // The compilation's Word copy downloads as the signed-in user.
        await paris.GoAndWaitAsync($"/mous/{mouId}/compilation");
        var download = await paris.RunAndWaitForDownloadAsync(() => paris.GetByTestId("compilation-docx").ClickAsync());
        Assert.Equal($"{mouId}-compilation.docx", download.SuggestedFilename);
        var pdf = await paris.RunAndWaitForDownloadAsync(() => paris.GetByTestId("compilation-pdf").ClickAsync());
        Assert.Equal($"{mouId}-compilation.pdf", pdf.SuggestedFilename);
    }

    private static async Task<string> ProposeAsync(HttpClient delegateClient, string mouId, string clauseId, string text) =>
        (await (await delegateClient.PostAsJsonAsync($"/api/mous/{mouId}/clauses/{clauseId}/proposals", new { text })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

    /// <summary>The proposal whose sponsor is <paramref name="sponsor"/> (not one that only names it, as a clash does).</summary>
    private static ILocator ProposalOf(IPage page, string sponsor, string testId = "proposal") =>
        page.GetByTestId(testId).Filter(new() { Has = page.GetByTestId("proposal-sponsor").GetByText(sponsor, new() { Exact = true }) });

    /// <summary>Accept or reject the open proposal of <paramref name="sponsor"/>: the button, then the page's own confirmation with a note.</summary>
    private static async Task DecideAsync(IPage page, string sponsor, string status, string? note, Func<Task>? beforeConfirming = null)
    {
        var proposal = ProposalOf(page, sponsor).Filter(new() { HasNotText = "Proposes a new paragraph" });
        await proposal.GetByTestId(status == "accepted" ? "accept" : "reject").ClickAsync();
        var confirm = proposal.GetByTestId("confirm-decision");
        await Expect(confirm).ToContainTextAsync(sponsor);
        if (note is not null)
            await confirm.GetByTestId("decision-note").FillAsync(note);
        if (beforeConfirming is not null)
            await beforeConfirming();
        await confirm.GetByTestId("confirm-" + status).ClickAsync();
        await Expect(ProposalOf(page, sponsor, "decided-proposal")).ToHaveCountAsync(1);
    }

    /// <summary>A delegate's phone at 390 px: nothing scrolls sideways; and axe finds no serious violation at 1280 px.</summary>
    private async Task AssertPhoneAndAccessibleAsync(string path, string shot)
    {
        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("fra", path);
        await Expect(phone.GetByTestId("proposals").Or(phone.GetByTestId("compilation")).First).ToBeVisibleAsync();
        await phone.ShotAsync(fixture, shot);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), $"{path} scrolls sideways at 390 px");

        var scanned = await fixture.NewPageAsync(bypassCsp: true);
        await scanned.SignInAsync("fra", path);
        await Expect(scanned.GetByTestId("proposals").Or(scanned.GetByTestId("compilation")).First).ToBeVisibleAsync();
        var violations = await Accessibility.SeriousViolationsAsync(scanned);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
