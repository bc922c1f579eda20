using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The pictures: each an SVG drawn from the numbers it claims, with the same numbers in words and in a table.</summary>
[Collection("browser")]
public sealed class ChartsTests(BrowserFixture fixture)
{
    /// <summary>The plot (the legend's swatches are small SVGs of their own).</summary>
    private static ILocator Svg(ILocator chart) => chart.Locator(".rz-chart > svg").First;

    private static async Task<int> CountAsync(ILocator chart, string selector) =>
        await Svg(chart).Locator(selector).CountAsync();

    [Fact]
    public async Task The_reader_shows_a_burndown_of_open_brackets_and_unagreed_clauses_across_revisions()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Burndown secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        var training = await secretariat.AddClauseAsync(mou, "States [shall][should] train all personnel.", "Training");
        await secretariat.AddClauseAsync(mou, "[The Government] shall investigate [all] allegations.", "Jurisdiction");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{training}", "States shall train all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mou}");
        var chart = page.GetByTestId("burndown");
        await Svg(chart).WaitForAsync();
        await Expect(Svg(chart).Locator("g.rz-line-series")).ToHaveCountAsync(2); // open brackets, unagreed clauses
        Assert.Equal(6, await CountAsync(chart, "g.rz-line-series g.rz-marker")); // 3 points each: Rev.1, Rev.2, current drafts
        await Expect(chart.GetByTestId("burndown-summary")).ToHaveTextAsync("From Rev.1 to the current drafts: open brackets 3 → 2, unagreed clauses 2 → 2 (3 points).");
        await Expect(chart.Locator("figure")).ToHaveAttributeAsync("aria-describedby", "burndown-summary");
        var rows = chart.GetByTestId("burndown-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(1)).ToContainTextAsync("Rev.2");
        await page.ShotAsync(fixture, "chart-burndown");

        // Live: a draft saved elsewhere moves the last point without reload.
        await (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{await FirstBracketedAsync(secretariat, mou)}", "The Government shall investigate allegations.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await Expect(chart.GetByTestId("burndown-summary")).ToContainTextAsync("open brackets 3 → 0", new() { Timeout = 5_000 });
    }

    private static async Task<string> FirstBracketedAsync(HttpClient client, string mou)
    {
        var text = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/mous/{mou}");
        return text.GetProperty("clauses").EnumerateArray().First(c => c.GetProperty("openBrackets").GetInt32() > 0).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_matrix_charts_adoptions_over_time_and_the_share_adopted_per_regional_group()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Chart secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        await secretariat.AddClauseAsync(mou, "Personnel shall comply with the standards of conduct.", "Conduct");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = "2006-01-02" /* before the adoptions recorded below: an adoption cannot precede its revision */ })).JsonAsync(HttpStatusCode.Created);
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Chart legal officer");
        foreach (var (code, on) in new[] { ("BGD", "2007-01-10"), ("NGA", "2007-02-20"), ("GHA", "2007-02-20") })
            await (await legal.PutAsJsonAsync($"/api/tccs/{code}/adoptions/{mou}", new { revision = 1, adoptedOn = on, evidence = "Signed" })).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/tracking");
        await page.GetByTestId("matrix-mou").SelectOptionAsync(mou);
        var overTime = page.GetByTestId("adoption-over-time");
        await Expect(overTime.GetByTestId("adoption-over-time-summary")).ToHaveTextAsync("3 adoptions recorded between 2007-01-10 and 2007-02-20, on 2 dates.");
        await Svg(overTime).WaitForAsync();
        await Expect(Svg(overTime).Locator("g.rz-line-series")).ToHaveCountAsync(1);
        Assert.Equal(2, await CountAsync(overTime, "g.rz-line-series g.rz-marker"));
        await Expect(overTime.GetByTestId("adoption-over-time-table").Locator("tbody tr")).ToHaveCountAsync(2);
        var last = overTime.GetByTestId("adoption-over-time-table").Locator("tbody tr").Last;
        await Expect(last.Locator("th")).ToHaveTextAsync("2007-02-20");
        await Expect(last.Locator("td")).ToHaveTextAsync("3");

        var byRegion = page.GetByTestId("adoption-by-region");
        await Svg(byRegion).WaitForAsync();
        await Expect(Svg(byRegion).Locator("g.rz-column-series")).ToHaveCountAsync(1);
        Assert.Equal(5, await CountAsync(byRegion, "g.rz-column-series path")); // the five UN regional groups
        // Ghana and Nigeria of 54 African states; Bangladesh of the Asia-Pacific group.
        await Expect(byRegion.GetByTestId("adoption-by-region-summary")).ToContainTextAsync("African 2 of 54 (3.7 %)");
        await Expect(byRegion.GetByTestId("adoption-by-region-summary")).ToContainTextAsync("Eastern European 0 of");
        await Expect(byRegion.GetByTestId("adoption-by-region-table").Locator("tbody tr")).ToHaveCountAsync(5);
        await page.ShotAsync(fixture, "chart-adoption");
    }

    [Fact]
    public async Task The_reform_board_charts_items_by_status_per_pillar_and_organization()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("npl", "/reform");
        var chart = page.GetByTestId("reform-chart");
        await Svg(chart).WaitForAsync();
        await Expect(Svg(chart).Locator("g.rz-column-series")).ToHaveCountAsync(4); // completed, in progress, not started, stalled
        var table = chart.GetByTestId("reform-chart-table").Locator("tbody tr");
        // Protection·UN, Prevention·NATO, Prevention·OSCE, Prevention·UN, Prosecution·UN, Reform not finalized·UN
        await Expect(table).ToHaveCountAsync(6);
        await Expect(table.Nth(0)).ToContainTextAsync("Protection · UN");
        await Expect(chart.GetByTestId("reform-chart-summary")).ToContainTextAsync("Prevention · OSCE: 3");
        var totals = await table.Locator("td:last-child").AllTextContentsAsync();
        Assert.Equal(20, totals.Sum(int.Parse)); // the report's twenty items

        await page.GetByTestId("reform-organization").SelectOptionAsync("nato");
        await Expect(table).ToHaveCountAsync(1);
        await Expect(chart.GetByTestId("reform-chart-summary")).ToHaveTextAsync("Reform items by status per pillar and organization: Prevention · NATO: 2 (2 completed).");
        await Expect(Svg(chart).Locator("g.rz-column-series")).ToHaveCountAsync(4);
        await page.ShotAsync(fixture, "chart-reform-nato");
    }
}
