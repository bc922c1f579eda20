using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The tracking pages as the legal officers and the secretariat use them: matrix, country, evidence, reform board.</summary>
[Collection("browser")]
public sealed class TrackingPagesTests(BrowserFixture fixture)
{
    /// <summary>The smallest file the evidence store takes as a PDF (it checks the signature).</summary>
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static async Task<string[]> CodesAsync(IPage page) =>
        (await page.GetByTestId("matrix-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));

    [Fact]
    public async Task Filtering_sorting_and_searching_the_matrix_shows_the_right_countries()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/tracking");
        await page.GetByTestId("matrix-mou").SelectOptionAsync("un-model-mou");
        await page.GetByTestId("matrix-filter").SelectOptionAsync("adopted");
        await Expect(page.GetByTestId("matrix-count")).ToHaveTextAsync("4 countries shown");
        Assert.Equal(["FRA", "IND", "NPL", "URY"], await CodesAsync(page)); // by name: France, India, Nepal, Uruguay

        await page.GetByTestId("sort-adopted-on").First.ClickAsync();
        await Expect(page.GetByTestId("matrix-row").First).ToHaveAttributeAsync("data-code", "URY"); // 2007-02-12 first
        Assert.Equal(["URY", "FRA", "IND", "NPL"], await CodesAsync(page));
        await page.GetByTestId("sort-adopted-on").First.ClickAsync();
        await Expect(page.GetByTestId("matrix-row").First).ToHaveAttributeAsync("data-code", "NPL");
        await Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Adopted on");

        await page.GetByTestId("matrix-filter").SelectOptionAsync("not-adopted");
        await page.GetByTestId("matrix-search").FillAsync("morocco");
        await Expect(page.GetByTestId("matrix-count")).ToHaveTextAsync("1 country shown");
        var morocco = page.GetByTestId("matrix-row");
        await Expect(morocco).ToHaveAttributeAsync("data-code", "MAR");
        await Expect(morocco.GetByTestId("cell-state")).ToContainTextAsync("not adopted");
        // Typed without its accent, as on most keyboards (issue 15.17).
        await page.GetByTestId("matrix-search").FillAsync("cote d");
        await Expect(page.GetByTestId("matrix-row")).ToHaveAttributeAsync("data-code", "CIV");
        await page.GetByTestId("matrix-search").FillAsync("France");
        await Expect(page.GetByTestId("matrix-count")).ToHaveTextAsync("0 countries shown"); // France adopted: not in this filter
        await page.ShotAsync(fixture, "tracking-matrix");

        await page.GetByTestId("matrix-filter").SelectOptionAsync("adopted");
        await page.GetByRole(AriaRole.Link, new() { Name = "France", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/tracking/FRA");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("France");
    }

    [Fact]
    public async Task A_country_page_shows_what_changed_since_the_adopted_revision_word_by_word()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Drift secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        var clause = await secretariat.AddClauseAsync(mou, "Personnel shall not engage in sexual exploitation.", "Prohibition");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = "2006-01-02" /* before the adoptions recorded below: an adoption cannot precede its revision */ })).JsonAsync(HttpStatusCode.Created);
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Drift legal officer");
        await (await legal.PutAsJsonAsync($"/api/tccs/GHA/adoptions/{mou}", new { revision = 1, adoptedOn = "2007-04-02", evidence = "Signed MOU" })).JsonAsync(HttpStatusCode.OK);
        await (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "Personnel shall never engage in sexual exploitation or abuse.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await secretariat.AddClauseAsync(mou, "Contingent commanders shall report every allegation.", "Reporting");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-observer", "/tracking/GHA");
        var row = page.Locator($"tr[data-mou='{mou}']");
        await Expect(row.GetByTestId("adoption-state")).ToHaveTextAsync("Rev.1 (behind Rev.2)");
        await row.GetByTestId("show-drift").ClickAsync();
        var drift = page.GetByTestId("drift");
        await Expect(drift.GetByTestId("drift-size")).ToHaveTextAsync("2 clauses added, removed or changed.");
        await Expect(drift.GetByTestId("drift-clause")).ToHaveCountAsync(2);
        var changed = drift.GetByTestId("drift-clause").Filter(new() { HasText = "Prohibition" });
        await Expect(changed).ToContainTextAsync("~ changed");
        await Expect(changed.Locator("ins")).ToContainTextAsync(["never"]);
        await Expect(changed.Locator("del")).ToContainTextAsync(["not"]);
        await Expect(drift.GetByTestId("drift-clause").Filter(new() { HasText = "Reporting" })).ToContainTextAsync("+ added");
        // An observer reads, and is offered no form to change anything.
        await Expect(page.GetByTestId("adopt")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("evidence-file")).ToHaveCountAsync(0);
        await page.ShotAsync(fixture, "tracking-drift");
    }

    [Fact]
    public async Task A_legal_officer_records_an_adoption_on_the_country_page_and_an_open_matrix_shows_it()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Adoption secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        await secretariat.AddClauseAsync(mou, "Personnel shall comply with the standards of conduct.", "Conduct");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = "2006-01-02" /* before the adoptions recorded below: an adoption cannot precede its revision */ })).JsonAsync(HttpStatusCode.Created);

        var matrix = await fixture.NewPageAsync();
        await matrix.SignInAsync("un-secretariat", "/tracking");
        await matrix.GetByTestId("matrix-mou").SelectOptionAsync(mou);
        await matrix.GetByTestId("matrix-filter").SelectOptionAsync("adopted");
        await Expect(matrix.GetByTestId("matrix-count")).ToHaveTextAsync("0 countries shown");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/tracking/KEN");
        await page.GetByTestId("adopt-mou").SelectOptionAsync(mou);
        await page.GetByTestId("adopt-revision").SelectOptionAsync("1");
        await page.GetByTestId("adopt-on").FillAsync("2007-06-01");
        await page.GetByTestId("adopt-note").FillAsync("Note verbale of 1 June 2007");
        await page.GetByTestId("adopt").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("recorded");
        var row = page.Locator($"tr[data-mou='{mou}']");
        await Expect(row.GetByTestId("adoption-state")).ToHaveTextAsync("Rev.1 (latest)");
        await Expect(row).ToContainTextAsync("Note verbale of 1 June 2007");

        // The other user's open matrix shows Kenya without reload.
        await Expect(matrix.GetByTestId("matrix-count")).ToHaveTextAsync("1 country shown", new() { Timeout = 5_000 });
        var kenya = matrix.GetByTestId("matrix-row");
        await Expect(kenya).ToHaveAttributeAsync("data-code", "KEN");
        await Expect(kenya).ToContainTextAsync("2007-06-01");
        await Expect(kenya.GetByTestId("cell-state")).ToContainTextAsync("Rev.1 (latest)");
        await matrix.ShotAsync(fixture, "tracking-matrix-live");
    }

    [Fact]
    public async Task Staff_upload_evidence_see_it_listed_and_a_file_of_another_type_is_refused_with_the_reason()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", "/tracking/SEN");
        var name = $"signed-{Guid.NewGuid():N}"[..15] + ".pdf";
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Pdf });
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync($"{name} uploaded.");
        await Expect(page.GetByTestId("evidence")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("evidence")).ToContainTextAsync("application/pdf");

        // Named .pdf, but the bytes are text: the API recognizes the type from the content and says so.
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = "minutes.pdf", MimeType = "application/pdf", Buffer = "just some text"u8.ToArray() });
        await Expect(page.GetByTestId("error")).ToContainTextAsync("evidence must be a PDF, a Word document (.docx), or a PNG or JPEG scan");
        await Expect(page.GetByTestId("evidence")).Not.ToContainTextAsync("minutes.pdf");

        // Over 10 MB: refused before sending, in the API's words.
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = "huge.pdf", MimeType = "application/pdf", Buffer = new byte[10 * 1024 * 1024 + 1] });
        await Expect(page.GetByTestId("error")).ToContainTextAsync("limited to 10 MB");
        await page.ShotAsync(fixture, "tracking-evidence");

        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var country = await (await legal.GetAsync("/api/tccs/SEN")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(country.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("fileName").GetString() == name);
    }

    [Fact]
    public async Task A_legal_officer_changes_a_reform_items_status_and_sees_it_in_the_history_and_on_the_board()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-legal", "/reform");
        await page.GetByRole(AriaRole.Link, new() { Name = "Welfare and recreation" }).ClickAsync();
        await page.WaitForURLAsync("**/reform/un-welfare-recreation");
        await page.WaitForInteractiveAsync();
        var history = page.GetByTestId("history").Locator("li");
        await Expect(history.First).ToBeVisibleAsync();
        var before = await history.CountAsync();

        // A date other than the form's default (today), so that the test shows the one filled in is the one stored.
        var on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        var today = on.ToString("yyyy-MM-dd");
        await Expect(page.GetByTestId("status-on")).Not.ToHaveValueAsync(today);
        await page.GetByTestId("new-status").SelectOptionAsync("completed");
        await page.GetByTestId("status-on").FillAsync(today);
        await page.GetByTestId("status-note").FillAsync("Welfare officers appointed in every mission.");
        await page.GetByTestId("change-status").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Status changed to completed.");
        await Expect(history).ToHaveCountAsync(before + 1);
        await Expect(history.Last).ToContainTextAsync($"{today}: completed — Welfare officers appointed in every mission.");
        await Expect(history.Last).ToContainTextAsync("DPKO Legal Officer");
        await page.ShotAsync(fixture, "reform-item");
        // Stored, not only shown: the API's history ends with the change as filled in.
        var stored = await (await (await fixture.App.ClientAsync("Observer", "NPL")).GetAsync("/api/reform-items/un-welfare-recreation")).JsonAsync(HttpStatusCode.OK);
        var last = stored.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("completed", today, "Welfare officers appointed in every mission."),
            (last.GetProperty("status").GetString(), last.GetProperty("on").GetString(), last.GetProperty("note").GetString()));
        Assert.Equal("completed", stored.GetProperty("status").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the board" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        var column = page.GetByTestId("pillar-reform-not-finalized").GetByTestId("column-completed");
        await Expect(column).ToContainTextAsync("Welfare and recreation");
    }

    [Fact]
    public async Task The_overdue_victim_assistance_strategy_is_marked_overdue_in_words_and_with_an_icon()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", "/reform");
        var victims = page.Locator("[data-testid=reform-item][data-id=un-victim-assistance]");
        await Expect(victims.GetByTestId("overdue")).ToHaveTextAsync("overdue (due 2005-12-31)");
        await Expect(victims.GetByTestId("overdue").Locator("svg[aria-hidden=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("pillar-reform-not-finalized").GetByTestId("column-stalled")).ToContainTextAsync("Victim assistance strategy");
        await Expect(page.Locator("[data-testid=reform-item][data-id=un-staff-regulations]").GetByTestId("overdue")).ToHaveCountAsync(0);
        // Only the victim assistance strategy is overdue among the report's items.
        var overdue = await page.Locator("[data-testid=reform-item]:has([data-testid=overdue])").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)");
        Assert.Equal(["un-victim-assistance"], overdue);

        await page.GetByTestId("reform-organization").SelectOptionAsync("osce");
        await Expect(page.GetByTestId("reform-item")).ToHaveCountAsync(3);
        await page.ShotAsync(fixture, "reform-board-osce");
        // A delegate reads the item and is offered no form to change it.
        await page.GoAndWaitAsync("/reform/un-victim-assistance");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Recommended in the Zeid report.");
        await Expect(page.GetByTestId("change-status")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_matrix_and_the_reform_report_download_as_files_through_the_page()
    {
        var page = await fixture.NewPageAsync(); // with the real Content-Security-Policy: the download module is a script file of the site
        await page.SignInAsync("un-observer", "/tracking");
        await page.GetByTestId("matrix-filter").SelectOptionAsync("adopted");
        await Expect(page.GetByTestId("matrix-row").First).ToBeVisibleAsync();
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("matrix-xlsx").ClickAsync());
        Assert.Equal("tcc-adoptions.xlsx", xlsx.SuggestedFilename);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync((await xlsx.PathAsync())!))[..2]);

        await page.GoAndWaitAsync("/reform");
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("reform-docx").ClickAsync());
        Assert.Equal("reform-status.docx", docx.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await docx.PathAsync())!);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Single(document.MainDocumentPart!.ImageParts);
    }

    [Fact]
    public async Task Tracking_pages_have_no_serious_accessibility_violations_and_fit_a_phone()
    {
        var page = await fixture.NewPageAsync(bypassCsp: true);
        await page.SignInAsync("un-legal");
        string[] paths = ["/tracking", "/tracking/FRA", "/reform", "/reform/un-victim-assistance", "/mous/un-model-mou"];
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GoAndWaitAsync(path);
            if (path is "/tracking" or "/reform" or "/mous/un-model-mou")
                await page.Locator(".rz-chart svg").First.WaitForAsync(new() { State = WaitForSelectorState.Attached }); // scan the charts drawn
            failures.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-legal", "/reform");
        await Expect(phone.GetByTestId("reform-item").First).ToBeVisibleAsync();
        await phone.ShotAsync(fixture, "reform-phone");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the reform board scrolls sideways at 390 px");
        await phone.GoAndWaitAsync("/tracking");
        await Expect(phone.GetByTestId("matrix-row").First).ToBeVisibleAsync();
        await phone.ShotAsync(fixture, "tracking-phone");
        var wide = await phone.EvaluateAsync<string>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + (e.dataset.testid || '')).join(', ')");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the matrix page scrolls sideways at 390 px (only its table may): " + wide);
    }
}
