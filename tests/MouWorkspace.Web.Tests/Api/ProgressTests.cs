using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Seed;
using MouWorkspace.Web.Tests.Infrastructure;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>The burndown's numbers (GET /api/mous/{mouId}/progress) and the reform report's chart image.</summary>
[Collection("api")]
public sealed class ProgressTests(ApiFixture fixture)
{
    private static (string Label, int Clauses, int Bracketed, int Open, int Unagreed) Point(JsonElement p) =>
        (p.GetProperty("label").GetString()!, p.GetProperty("clauses").GetInt32(), p.GetProperty("bracketedClauses").GetInt32(),
            p.GetProperty("openBrackets").GetInt32(), p.GetProperty("unagreedClauses").GetInt32());

    [Fact]
    public async Task Progress_counts_brackets_and_unagreed_clauses_per_revision_then_the_current_drafts()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Progress secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA", "IND");
        var training = await secretariat.AddClauseAsync(mou, "States [shall][should] train all personnel.", "Training");
        var jurisdiction = await secretariat.AddClauseAsync(mou, "[The Government] shall investigate [all] allegations.", "Jurisdiction");
        var definitions = await secretariat.AddClauseAsync(mou, "Sexual exploitation means any actual or attempted abuse.", "Definitions");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);

        await (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{training}", "States shall train all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await secretariat.PutAsJsonAsync($"/api/mous/{mou}/clauses/{training}/agreement", new { agreement = "ad-ref" })).JsonAsync(HttpStatusCode.OK);
        await (await secretariat.PutAsJsonAsync($"/api/mous/{mou}/clauses/{definitions}/agreement", new { agreement = "agreed" })).JsonAsync(HttpStatusCode.OK);
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        await (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{jurisdiction}", "The Government shall investigate allegations.", "\"1\"")).JsonAsync(HttpStatusCode.OK);

        var reader = await fixture.App.ClientAsync("Observer");
        var progress = await (await reader.GetAsync($"/api/mous/{mou}/progress")).JsonAsync(HttpStatusCode.OK);
        var points = progress.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(3, points.Length);
        Assert.Equal(("Rev.1", 3, 2, 3, 3), Point(points[0]));
        Assert.Equal(("Rev.2", 3, 1, 2, 1), Point(points[1]));
        Assert.Equal(("Current drafts", 3, 0, 0, 1), Point(points[2])); // clean now, but not yet agreed
        Assert.Equal(2, points[1].GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, points[2].GetProperty("number").ValueKind);
        Assert.Equal(JsonValueKind.Null, points[2].GetProperty("publishedAt").ValueKind);
        Assert.True(points[0].GetProperty("publishedAt").GetDateTimeOffset() <= points[1].GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Progress_follows_the_rules_for_reading_the_MOU()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA");
        var fresh = await (await secretariat.GetAsync($"/api/mous/{mou}/progress")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Current drafts", 0, 0, 0, 0), Point(fresh.GetProperty("points").EnumerateArray().Single()));

        var nato = await fixture.App.ClientAsync("Observer", organization: "nato");
        await (await nato.GetAsync($"/api/mous/{mou}/progress")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.GetAsync("/api/mous/no-such-mou/progress")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync($"/api/mous/{mou}/progress")).StatusCode);
    }

    [Fact]
    public async Task The_reform_report_embeds_the_chart_as_a_described_picture_validates_and_prints_on_one_page()
    {
        await ReformItemData.SeedAsync(fixture.App.Services.GetRequiredService<IGrainFactory>());
        var reader = await fixture.App.ClientAsync("Observer");
        var docx = await (await reader.GetAsync("/api/reform-items/report.docx")).BytesAsync("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        OfficeChecks.AssertValidWordDocument(docx);

        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var main = document.MainDocumentPart!;
            var image = Assert.Single(main.ImageParts);
            Assert.Equal("image/png", image.ContentType);
            using var png = image.GetStream();
            var signature = new byte[8];
            png.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
            Assert.True(png.Length > 5_000, $"the chart image is suspiciously small: {png.Length} bytes");

            var inline = Assert.Single(main.Document!.Body!.Descendants<DW.Inline>());
            var blip = inline.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
            Assert.Equal(main.GetIdOfPart(image), blip.Embed!.Value);
            var description = inline.GetFirstChild<DW.DocProperties>()!.Description!.Value!;
            Assert.Contains("Reform not finalized · UN", description);
            Assert.Contains("stalled", description);
            Assert.Contains("Prevention · NATO", description);
        }

        Assert.Equal(1, await OfficeChecks.PdfPageCountAsync(docx));
    }
}
