using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 15.3 and 15.7: the secretariat chooses the silence deadline by typing it and by picking it; too soon is refused
/// beside the form; nothing starts without a confirmation that names the deadline; what starts has the chosen deadline.
/// </summary>
[Collection("browser")]
public sealed class SilenceDeadlineTests(BrowserFixture fixture)
{
    private readonly TextArrangement arrange = new(fixture);

    [Fact]
    public async Task A_deadline_typed_by_keyboard_is_the_one_confirmed_and_stored()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/revisions");
        await page.WaitForInteractiveAsync();
        var chosen = DateTime.UtcNow.Date.AddDays(6).AddHours(14).AddMinutes(30);

        // Typed as a person types into the date box (Chromium's en-US fields: month, day, year, hour, minute, AM/PM; the
        // year takes up to six digits, so the person moves on with the arrow key).
        var box = page.GetByTestId("silence-deadline");
        await box.FocusAsync(); // the first field, the month
        await page.Keyboard.TypeAsync(chosen.ToString("MMdd", CultureInfo.InvariantCulture) + chosen.ToString("yyyy", CultureInfo.InvariantCulture), new() { Delay = 30 });
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync("0230P", new() { Delay = 30 });
        await Expect(box).ToHaveValueAsync(chosen.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByTestId("start-silence").ClickAsync();
        await Expect(page.GetByTestId("confirm-deadline")).ToHaveTextAsync(chosen.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC");
        // Nothing started before the confirmation.
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Silence checker");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/mous/{mouId}/revisions/1/silence")).StatusCode);
        await page.GetByTestId("confirm-start-silence").DblClickAsync();
        await Expect(page.GetByTestId("silence-status")).ToContainTextAsync("Silence procedure running");
        var stored = await (await staff.GetAsync($"/api/mous/{mouId}/revisions/1/silence")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(chosen, TimeSpan.Zero), stored.GetProperty("deadline").GetDateTimeOffset());
        await page.ShotAsync(fixture, "silence-typed-deadline");
    }

    [Fact]
    public async Task A_deadline_too_soon_is_refused_beside_the_form_and_a_picked_one_starts()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync("un-secretariat", $"/mous/{mouId}/revisions");
        await page.WaitForInteractiveAsync();
        var box = page.GetByTestId("silence-deadline");

        await box.FillAsync(DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByTestId("start-silence").ClickAsync();
        var refusal = page.Locator("[data-testid=error]", new() { HasText = "at least 72 hours" });
        await Expect(refusal).ToBeVisibleAsync();
        await Expect(refusal).ToBeInViewportAsync();
        await Expect(page.GetByTestId("confirm-silence")).ToHaveCountAsync(0);

        await box.FillAsync("");
        await page.GetByTestId("start-silence").ClickAsync();
        await Expect(page.Locator("[data-testid=error]", new() { HasText = "Give the date and the time" })).ToBeVisibleAsync();

        var picked = DateTime.UtcNow.Date.AddDays(4).AddHours(9);
        await box.FillAsync(picked.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)); // what the picker sets
        await page.GetByTestId("start-silence").ClickAsync();
        await page.GetByTestId("confirm-start-silence").ClickAsync();
        await Expect(page.GetByTestId("silence-status")).ToContainTextAsync("Silence procedure running");
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Silence checker");
        var stored = await (await staff.GetAsync($"/api/mous/{mouId}/revisions/1/silence")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(picked, TimeSpan.Zero), stored.GetProperty("deadline").GetDateTimeOffset());
        await page.ShotAsync(fixture, "silence-picked-deadline-390");
    }

    [Fact]
    public async Task Changing_a_position_asks_first_and_the_earlier_one_stays_on_record()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 1);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/revisions");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("position-agree").CheckAsync();
        await page.GetByTestId("give-position").ClickAsync();
        await Expect(page.GetByTestId("position-FRA")).ToContainTextAsync("agree");
        await Expect(page.GetByTestId("confirm-position")).ToHaveCountAsync(0); // a first position needs no confirmation

        await page.GetByTestId("position-reserve").CheckAsync();
        await page.GetByTestId("position-note").FillAsync("Subject to confirmation by Paris.");
        await page.GetByTestId("give-position").ClickAsync();
        await Expect(page.GetByTestId("confirm-position")).ToContainTextAsync("agree");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep the current one" }).ClickAsync();
        var staff = await fixture.App.ClientAsync("Secretariat", name: "Position checker");
        var stored = await (await staff.GetAsync($"/api/mous/{mouId}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stored.GetProperty("history").GetArrayLength());

        await page.GetByTestId("give-position").ClickAsync();
        await page.GetByTestId("confirm-give-position").DblClickAsync();
        await Expect(page.GetByTestId("position-FRA")).ToContainTextAsync("reserve");
        await Expect(page.GetByTestId("position-history")).ToContainTextAsync("Earlier positions");
        stored = await (await staff.GetAsync($"/api/mous/{mouId}/revisions/1/positions")).JsonAsync(HttpStatusCode.OK);
        var history = stored.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("position").GetString()!).ToArray();
        Assert.Equal(["agree", "reserve"], history);
        Assert.Equal("reserve", stored.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("memberState").GetString() == "FRA")
            .GetProperty("position").GetString());
    }
}
