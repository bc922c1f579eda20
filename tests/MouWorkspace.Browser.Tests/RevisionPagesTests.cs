using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The revisions page: publish, compare, positions and consensus, live positions, silence procedures.</summary>
[Collection("browser")]
public sealed partial class RevisionPagesTests(BrowserFixture fixture)
{
    private readonly TextArrangement arrange = new(fixture);

    [Fact]
    public async Task The_secretariat_publishes_a_revision_and_sees_it_listed_with_its_hash()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 0);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Revisions and positions" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("no-revisions")).ToBeVisibleAsync();

        await page.GetByTestId("revision-symbol").FillAsync("Rev.1");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("confirm-publish")).ToContainTextAsync("cannot be changed or withdrawn");
        await Expect(page.GetByTestId("revisions")).ToHaveCountAsync(0); // nothing published before the confirmation
        await page.GetByTestId("confirm-publish-revision").DblClickAsync();

        var row = page.GetByTestId("revisions").Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Rev.1");
        await Expect(row.Locator("code.hash")).ToHaveTextAsync(HexPrefix());
        await Expect(page.GetByTestId("consensus")).ToContainTextAsync("pending");
        await Expect(page.GetByTestId("revision-symbol")).ToHaveValueAsync("Rev.2");
        await page.ShotAsync(fixture, "revisions-published");
    }

    [Fact]
    public async Task A_delegate_compares_two_revisions_clause_by_clause_with_the_changes_in_words()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 2);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/revisions");

        await page.GetByTestId("compare-from").SelectOptionAsync("1");
        await page.GetByTestId("compare-to").SelectOptionAsync("2");
        await page.GetByTestId("compare").ClickAsync();

        await Expect(page.GetByTestId("compare-summary")).ToContainTextAsync("1 changed, 1 added, 0 removed, 0 unchanged");
        var items = page.GetByTestId("compare-clause");
        await Expect(items).ToHaveCountAsync(2);
        var changed = items.Filter(new() { HasText = "Jurisdiction" });
        await Expect(changed.GetByTestId("change")).ToHaveTextAsync("± changed");
        await Expect(changed.Locator("ins")).ToContainTextAsync(["exclusive"]);
        var added = items.Filter(new() { HasText = "Training" });
        await Expect(added.GetByTestId("change")).ToHaveTextAsync("+ added");
        // Added words are marked by element and in words for screen readers, not by color alone.
        await Expect(added.Locator("ins .sr-only").First).ToHaveTextAsync("added:");
        await page.ShotAsync(fixture, "revisions-compare");
    }

    [Fact]
    public async Task A_delegate_gives_its_states_position_and_the_consensus_changes_to_adopted()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        await arrange.PositionAsync(mouId, 1, "IND", "reserve", "Subject to confirmation by capital.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/revisions");
        await Expect(page.GetByTestId("consensus")).ToContainTextAsync("pending");
        await Expect(page.GetByTestId("position-FRA")).ToContainTextAsync("no position yet");
        await Expect(page.GetByTestId("position-IND")).ToContainTextAsync("reserve");

        await page.GetByTestId("position-agree").CheckAsync();
        await page.GetByTestId("position-note").FillAsync("France joins consensus.");
        await page.GetByTestId("give-position").ClickAsync();

        await Expect(page.GetByTestId("position-FRA")).ToContainTextAsync("agree");
        await Expect(page.GetByTestId("position-FRA")).ToContainTextAsync("France joins consensus.");
        await Expect(page.GetByTestId("consensus")).ToContainTextAsync("adopted");
        await page.ShotAsync(fixture, "revisions-positions");
    }

    [Fact]
    public async Task A_position_given_in_one_browser_appears_in_another_without_reload()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        var france = await fixture.NewPageAsync();
        await france.SignInAsync("fra", $"/mous/{mouId}/revisions");
        var india = await fixture.NewPageAsync();
        await india.SignInAsync("ind", $"/mous/{mouId}/revisions");
        await Expect(france.GetByTestId("position-IND")).ToContainTextAsync("no position yet");

        await india.GetByTestId("position-object").CheckAsync();
        await india.GetByTestId("position-note").FillAsync("India cannot accept the jurisdiction clause.");
        var clock = Stopwatch.StartNew();
        await india.GetByTestId("give-position").ClickAsync();

        await Expect(france.GetByTestId("position-IND")).ToContainTextAsync("object", new() { Timeout = 5_000 });
        Console.WriteLine($"live position reached the other page in {clock.ElapsedMilliseconds} ms");
        await Expect(france.GetByTestId("consensus")).ToContainTextAsync("blocked", new() { Timeout = 5_000 });
        await france.ShotAsync(fixture, "revisions-live-position");
    }

    [Fact]
    public async Task The_secretariat_starts_a_silence_procedure_and_sees_the_deadline_count_down()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/revisions");
        await Expect(page.GetByTestId("silence-status")).ToContainTextAsync("No silence procedure");
        // The proposed deadline is at least 72 hours ahead.
        var proposed = DateTime.Parse(await page.GetByTestId("silence-deadline").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(proposed >= DateTime.UtcNow.AddHours(72), $"default deadline {proposed:u} is less than 72 h ahead");

        // The click only once the page has loaded the revision's silence procedure and its form answers (the marker):
        // a single click must start it.
        await Expect(page.GetByTestId("revisions-ready")).ToBeAttachedAsync();
        await page.GetByTestId("start-silence").ClickAsync();
        await page.GetByTestId("confirm-start-silence").ClickAsync();
        await Expect(page.GetByTestId("silence-status")).ToContainTextAsync("Silence procedure running");
        // Stored, not only shown: the API has the procedure, with the deadline the form proposed.
        var stored = await (await (await fixture.App.ClientAsync("Observer", "NPL")).GetAsync($"/api/mous/{mouId}/revisions/1/silence")).JsonAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal("running", stored.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(proposed, DateTimeKind.Utc)), stored.GetProperty("deadline").GetDateTimeOffset());
        var left = page.GetByTestId("time-left");
        await Expect(left).ToHaveTextAsync(new Regex(@"^3 d \d+ h \d+ min \d+ s left$"));
        var first = await left.TextContentAsync();
        // The countdown moves on its own, without reload.
        await Expect(left).Not.ToHaveTextAsync(first!, new() { Timeout = 5_000 });
        await page.ShotAsync(fixture, "revisions-silence-running");
    }

    [Fact]
    public async Task A_delegate_breaks_silence_with_an_objection_and_sees_it_broken()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        await arrange.StartSilenceAsync(mouId, 1);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/revisions");
        await Expect(page.GetByTestId("silence-status")).ToContainTextAsync("running");

        await page.GetByTestId("break-note").FillAsync("France objects to OP1 as drafted.");
        await page.GetByTestId("break-silence").ClickAsync();
        await Expect(page.GetByTestId("silence-status")).ToContainTextAsync("running"); // nothing broken before the confirmation
        await page.GetByTestId("confirm-break-silence").ClickAsync();

        var status = page.GetByTestId("silence-status");
        await Expect(status).ToContainTextAsync("Silence broken");
        await Expect(status).ToContainTextAsync("by FRA");
        await Expect(status).ToContainTextAsync("France objects to OP1 as drafted.");
        await Expect(page.GetByTestId("consensus")).ToContainTextAsync("blocked");
        await Expect(page.GetByTestId("break-silence")).ToHaveCountAsync(0);
        await page.ShotAsync(fixture, "revisions-silence-broken");
    }

    [GeneratedRegex("^sha256:[0-9a-f]{12}…$")]
    private static partial Regex HexPrefix();
}
