using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// The audit pages' filters by person, clause and date range (issue 15.15): the page asks the API for them (its
/// <c>user</c>, <c>clause</c>, <c>from</c>, <c>to</c> query parameters) and shows exactly the records the API answers.
/// </summary>
[Collection("browser")]
public sealed class AuditFilterPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_secretariat_narrows_a_texts_audit_to_one_person_one_clause_and_a_date_range()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Filtering secretariat " + suffix);
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var op1 = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        var op2 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Filter delegate of France " + suffix);
        var india = await fixture.App.ClientAsync("Delegate", "IND", name: "Filter delegate of India " + suffix);
        await Comment(france, mou, op1, "France on OP1.");
        await Comment(france, mou, op2, "France on OP2.");
        await Comment(india, mou, op2, "India on OP2.");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mou}/audit");
        var records = page.GetByTestId("audit-record");
        // Created, two clauses added, three comments.
        await Expect(records).ToHaveCountAsync(6);

        // One person, typed as a person types part of a name.
        await page.GetByTestId("audit-filter-person").FillAsync("delegate of france " + suffix);
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(page.GetByTestId("audit-count")).ToHaveTextAsync("2 records match the filters");
        await Expect(records).ToHaveCountAsync(2);
        foreach (var row in await records.AllAsync())
            await Expect(row).ToContainTextAsync("Filter delegate of France " + suffix);

        // And one clause: France's comment on OP2 alone.
        await page.GetByTestId("audit-filter-clause").SelectOptionAsync(new SelectOptionValue { Label = "OP2" });
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(records).ToHaveCountAsync(1);
        await Expect(records.First.GetByTestId("audit-action")).ToHaveTextAsync("commented on OP2");
        var shown = await records.First.Locator("td").First.InnerTextAsync();
        await page.ShotAsync(fixture, "audit-filtered-1280");

        // The API answers the same filter with the same record, and that record is France's comment on OP2 in the stored log.
        var all = await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK);
        var expected = all.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Filter delegate of France " + suffix
            && r.GetProperty("target").GetString()!.Contains($"clauseId={op2}", StringComparison.Ordinal));
        Assert.Equal(expected.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture), shown);
        var filtered = await (await sec.GetAsync($"/api/mous/{mou}/audit?user={Uri.EscapeDataString("France " + suffix)}&clause={op2}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([expected.GetProperty("sequence").GetInt64()], filtered.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));

        // A date range that ends yesterday holds none of today's records; one that holds today holds them again.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.GetByTestId("audit-filter-clear").ClickAsync();
        await Expect(records).ToHaveCountAsync(6);
        await page.GetByTestId("audit-filter-to").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-count")).ToHaveTextAsync("0 records match the filters");
        await page.GetByTestId("audit-filter-from").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("audit-filter-to").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(records).ToHaveCountAsync(6);

        // A range the wrong way round is the API's plain refusal, shown on the page.
        await page.GetByTestId("audit-filter-from").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync("is before from");

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-secretariat", $"/mous/{mou}/audit");
        await Expect(phone.GetByTestId("audit-record")).ToHaveCountAsync(6);
        await phone.GetByTestId("audit-filter-person").FillAsync("India " + suffix);
        await phone.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(phone.GetByTestId("audit-record")).ToHaveCountAsync(1);
        await phone.ShotAsync(fixture, "audit-filtered-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the filtered audit scrolls sideways at 390 px");
    }

    [Fact]
    public async Task The_organization_log_is_narrowed_to_one_person()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Org filter legal officer " + suffix);
        var items = await legal.GetFromJsonAsync<JsonElement>("/api/reform-items?organization=un");
        var on = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await (await legal.PostAsJsonAsync($"/api/reform-items/{items[0].GetProperty("id").GetString()}/status",
            new { status = "in-progress", note = "Organization filter test.", on })).JsonAsync(HttpStatusCode.OK);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/audit");
        await Expect(page.GetByTestId("audit-records")).ToContainTextAsync("Org filter legal officer " + suffix);
        await page.GetByTestId("audit-filter-person").FillAsync("org filter legal officer " + suffix);
        await page.GetByTestId("audit-filter-apply").ClickAsync();
        var records = page.GetByTestId("audit-record");
        await Expect(records).ToHaveCountAsync(1);
        await Expect(records.First.GetByTestId("audit-action")).ToHaveTextAsync("changed the status of a reform item");
        var stored = await (await legal.GetAsync($"/api/audit?user={Uri.EscapeDataString("Org filter legal officer " + suffix)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stored.GetArrayLength());
        Assert.Equal(stored[0].GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture), await records.First.Locator("td").First.InnerTextAsync());
        await page.ShotAsync(fixture, "audit-organization-filtered-1280");
    }

    private static async Task Comment(HttpClient delegation, string mou, string clause, string text) =>
        await (await delegation.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text })).JsonAsync(HttpStatusCode.Created);
}
