using System.Net;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>Issue 19.6: training and discipline records entered on a country's page, with dates typed, read back through the API.</summary>
[Collection("browser")]
public sealed class TrackingWorkflowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_legal_officer_records_a_training_certification_and_a_discipline_count_on_the_country_page()
    {
        const string code = "RWA";
        var tag = Guid.NewGuid().ToString("N")[..6];
        var trainingNote = $"Certificate no. {tag} from the pre-deployment training centre";
        var disciplineNote = $"Report {tag}: three repatriated, one prosecuted";
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", $"/tracking/{code}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rwanda");

        // The certification date typed into the date box (Chromium's en-US fields: month, day, year).
        var on = page.GetByTestId("training-on");
        await on.FocusAsync();
        await on.PressSequentiallyAsync("11052024", new() { Delay = 30 });
        await Expect(on).ToHaveValueAsync("2024-11-05");
        await page.GetByTestId("training-note").PressSequentiallyAsync(trainingNote, new() { Delay = 5 });
        await page.GetByTestId("certify").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Training certification recorded.");
        await Expect(page.GetByTestId("trainings").Locator("li", new() { HasText = tag })).ToContainTextAsync("Certified on 2024-11-05");

        // The year and the count typed over what the boxes hold, as a person selects and types.
        var year = page.GetByTestId("discipline-year");
        await year.ClickAsync();
        await year.PressAsync("ControlOrMeta+a");
        await year.PressSequentiallyAsync("2023", new() { Delay = 30 });
        var count = page.GetByTestId("discipline-count");
        await count.ClickAsync();
        await count.PressAsync("ControlOrMeta+a");
        await count.PressSequentiallyAsync("4", new() { Delay = 30 });
        await page.GetByTestId("discipline-note").PressSequentiallyAsync(disciplineNote, new() { Delay = 5 });
        await page.GetByTestId("report-discipline").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("4 for 2023 reported.");
        var row = page.GetByTestId("discipline").Locator("tr", new() { HasText = tag });
        await Expect(row.Locator("th")).ToHaveTextAsync("2023");
        await Expect(row.Locator("td").First).ToHaveTextAsync("4");
        await page.ShotAsync(fixture, "workflow-country");

        var reader = await fixture.App.ClientAsync("Observer", name: "Tracking reader");
        var tcc = await (await reader.GetAsync($"/api/tccs/{code}")).JsonAsync(HttpStatusCode.OK);
        var training = Assert.Single(tcc.GetProperty("trainings").EnumerateArray(), t => t.GetProperty("note").GetString() == trainingNote);
        Assert.Equal("2024-11-05", training.GetProperty("certifiedOn").GetString());
        Assert.Equal("DPKO Legal Officer", training.GetProperty("recordedBy").GetString());
        var discipline = Assert.Single(tcc.GetProperty("discipline").EnumerateArray(), d => d.GetProperty("note").GetString() == disciplineNote);
        Assert.Equal(2023, discipline.GetProperty("year").GetInt32());
        Assert.Equal(4, discipline.GetProperty("count").GetInt32());

        var phone = await fixture.NewPageAsync(width: 390, height: 844);
        await phone.SignInAsync("un-legal", $"/tracking/{code}");
        await Expect(phone.GetByTestId("trainings")).ToContainTextAsync(tag);
        await phone.ShotAsync(fixture, "workflow-country-390");
        var wide = await phone.EvaluateAsync<string>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + (e.dataset.testid || '')).join(', ')");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the country page scrolls sideways at 390 px: " + wide);
    }
}
