using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Seed;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>The reform board over HTTP, on the seeded items of the report (seeding is idempotent: items are created once).</summary>
[Collection("api")]
public sealed class TrackingReformTests(ApiFixture fixture)
{
    private async Task<HttpClient> SeededReaderAsync()
    {
        await ReformItemData.SeedAsync(fixture.App.Services.GetRequiredService<IGrainFactory>());
        return await fixture.App.ClientAsync("Observer");
    }

    private static JsonElement Item(JsonElement list, string id) => list.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    [Fact]
    public async Task The_seeded_items_carry_the_reports_statuses_and_the_victim_assistance_strategy_is_overdue()
    {
        var reader = await SeededReaderAsync();
        var un = await (await reader.GetAsync("/api/reform-items?organization=un")).JsonAsync(HttpStatusCode.OK);
        Assert.All(un.EnumerateArray(), i => Assert.Equal("un", i.GetProperty("organization").GetString()));
        var victims = Item(un, "un-victim-assistance");
        Assert.Equal(("reform-not-finalized", "2005-12-31", true), (victims.GetProperty("pillar").GetString(), victims.GetProperty("dueOn").GetString(), victims.GetProperty("overdue").GetBoolean()));
        Assert.Equal("stalled", Item(un, "un-model-mou").GetProperty("status").GetString());
        Assert.Equal("completed", Item(un, "un-staff-regulations").GetProperty("status").GetString());
        Assert.Equal("in-progress", Item(un, "un-conduct-discipline-teams").GetProperty("status").GetString());
        Assert.All(un.EnumerateArray().Where(i => i.GetProperty("id").GetString() != "un-victim-assistance"), i => Assert.False(i.GetProperty("overdue").GetBoolean()));

        var all = await (await reader.GetAsync("/api/reform-items")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", Item(all, "nato-anti-trafficking-policy").GetProperty("status").GetString());
        Assert.Equal("osce", Item(all, "osce-staff-instruction-11").GetProperty("organization").GetString());
        await (await reader.GetAsync("/api/reform-items?organization=unicef")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_status_change_is_appended_to_the_history_with_who_when_and_why()
    {
        await SeededReaderAsync();
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "osce", name: "OSCE legal adviser");
        var id = "osce-mc-dec-15-06";
        var before = (await (await legal.GetAsync($"/api/reform-items/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("history").GetArrayLength();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var after = await (await legal.PostAsJsonAsync($"/api/reform-items/{id}/status", new { status = "completed", note = "Training material updated.", on = today })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", after.GetProperty("status").GetString());
        var history = after.GetProperty("history");
        Assert.Equal(before + 1, history.GetArrayLength());
        var last = history[history.GetArrayLength() - 1];
        Assert.Equal(("completed", today, "Training material updated.", "OSCE legal adviser"),
            (last.GetProperty("status").GetString(), last.GetProperty("on").GetString(), last.GetProperty("note").GetString(), last.GetProperty("by").GetString()));
        Assert.Equal("in-progress", history[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_status_changes_get_a_clear_4xx_and_the_history_stays()
    {
        await SeededReaderAsync();
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var id = "un-case-tracking";
        var path = $"/api/reform-items/{id}/status";
        var before = (await (await legal.GetAsync($"/api/reform-items/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("history").GetArrayLength();

        await (await legal.PostAsJsonAsync(path, new { status = "done", note = "x", on = "2007-06-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PostAsJsonAsync(path, new { status = "completed", note = "", on = "2007-06-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PostAsJsonAsync(path, new { status = "completed", note = "x", on = TrackingClient.FutureDate() })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PostAsJsonAsync(path, new { status = "completed", note = "x", on = "2001-01-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PostAsJsonAsync(path, new { status = "completed", note = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await legal.PostAsJsonAsync("/api/reform-items/no-such-item/status", new { status = "completed", note = "x", on = "2007-06-01" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await fixture.App.ClientAsync("LegalOfficer", organization: "nato")).PostAsJsonAsync(path, new { status = "completed", note = "x", on = "2007-06-01" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await fixture.App.ClientAsync("Delegate", "FRA")).PostAsJsonAsync(path, new { status = "completed", note = "x", on = "2007-06-01" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await legal.GetAsync("/api/reform-items/no-such-item")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, (await (await legal.GetAsync($"/api/reform-items/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_board_groups_items_by_pillar_and_status_across_organizations()
    {
        var reader = await SeededReaderAsync();
        var board = await (await reader.GetAsync("/api/reform-items/board")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["protection", "prevention", "prosecution", "reform-not-finalized"], board.GetProperty("pillars").EnumerateArray().Select(p => p.GetProperty("pillar").GetString()));
        Assert.Equal(["nato", "osce", "un"], board.GetProperty("organizations").EnumerateArray().Select(o => o.GetString()).Order());
        Assert.True(board.GetProperty("overdue").GetInt32() >= 1);
        var notFinalized = board.GetProperty("pillars")[3].GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("status").GetString() == "stalled");
        Assert.Contains(notFinalized.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "un-model-mou");
    }

    [Fact]
    public async Task The_board_exports_as_xlsx_and_as_a_one_page_docx_report()
    {
        var reader = await SeededReaderAsync();
        var xlsx = await (await reader.GetAsync("/api/reform-items/export.xlsx")).BytesAsync("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        OfficeChecks.AssertValidSpreadsheet(xlsx);
        var rows = await OfficeChecks.LibreOfficeCsvAsync(xlsx);
        Assert.Equal(["Id", "Reform item", "Pillar", "Organization", "Status", "Since", "Due on", "Overdue"], rows[0]);
        var victims = rows.Single(r => r[0] == "un-victim-assistance");
        Assert.Equal(("Victim assistance strategy", "Reform not finalized", "UN", "2005-12-31", "yes"), (victims[1], victims[2], victims[3], victims[6], victims[7]));

        var docx = await (await reader.GetAsync("/api/reform-items/report.docx")).BytesAsync("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        OfficeChecks.AssertValidWordDocument(docx);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal(4, body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
        Assert.Contains("Victim assistance strategy", body.InnerText);
        Assert.Contains("Reform not finalized", body.InnerText);
        Assert.Empty(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Break>()); // no page breaks: one page by construction
    }
}
