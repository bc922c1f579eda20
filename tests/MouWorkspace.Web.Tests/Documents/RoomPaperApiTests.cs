using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Documents;

/// <summary><c>GET /api/mous/{id}/export.pdf</c>: the room paper with numbered lines (issue 18.10), read back with pdftotext.</summary>
[Collection("api")]
public sealed class RoomPaperApiTests(ApiFixture fixture)
{
    private async Task<(HttpClient Sec, string MouId, string Clause)> NegotiatedAsync()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Room paper secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Room paper legal officer");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var c1 = await sec.AddClauseAsync(mou, "States [shall][should] train all personnel.", "Training");
        await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{c1}", "States shall train and certify all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        return (sec, mou, c1);
    }

    [Fact]
    public async Task A_redline_room_paper_is_a_pdf_with_its_lines_numbered_and_the_changes_marked()
    {
        var (sec, mou, _) = await NegotiatedAsync();
        var response = await sec.GetAsync($"/api/mous/{mou}/export.pdf?revision=2&base=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{mou}-rev2-vs-rev1-en.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), response.Headers.GetValues("X-Content-SHA256").Single());

        var layout = await OfficeChecks.PdfToTextAsync(bytes, layout: true);
        var lines = layout.Split('\n').Select(l => l.Trim()).ToList();
        // Line 1 is the first clause's heading, line 2 its text with the number; the deleted "should" is kept, struck through.
        Assert.Contains(lines, l => l.StartsWith("1 ", StringComparison.Ordinal) && l.EndsWith("Training", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2 ", StringComparison.Ordinal) && l.Contains("OP1", StringComparison.Ordinal) && l.Contains("certify", StringComparison.Ordinal));
        Assert.Contains("should", layout);
        Assert.Contains("Changes from Rev.1: additions underlined, deletions struck through", layout);
        Assert.Contains("Page 1 of 1", layout);
    }

    [Fact]
    public async Task The_compilation_room_paper_names_its_proposals_and_wrong_requests_are_clear_4xx()
    {
        var (sec, mou, clause) = await NegotiatedAsync();
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals",
            new { text = "States shall train, certify and vet all personnel.", onBehalfOf = "FRA" })).JsonAsync(HttpStatusCode.Created);

        var compilation = await sec.GetAsync($"/api/mous/{mou}/export.pdf?compilation=true");
        Assert.Equal(HttpStatusCode.OK, compilation.StatusCode);
        var text = await OfficeChecks.PdfToTextAsync(await compilation.Content.ReadAsByteArrayAsync());
        Assert.Contains("Compilation text", text);
        Assert.Contains("vet", text);

        var comments = await sec.GetAsync($"/api/mous/{mou}/export.pdf?comments=true");
        Assert.Equal(HttpStatusCode.BadRequest, comments.StatusCode);
        Assert.Contains("Word copy", await comments.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await sec.GetAsync($"/api/mous/{mou}/export.pdf?revision=9")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sec.GetAsync($"/api/mous/{mou}/export.pdf?language=xx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sec.GetAsync($"/api/mous/{mou}/export.pdf?compilation=true&revision=1")).StatusCode);
        var other = await fixture.App.ClientAsync("Delegate", "USA", organization: "nato", name: "NATO delegate");
        Assert.True((await other.GetAsync($"/api/mous/{mou}/export.pdf")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
    }
}
