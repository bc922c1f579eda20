using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Documents;

/// <summary>Issue 18.8: the MOU's document identity is set by staff, validated, audited, read back, and names its revisions and exports.</summary>
[Collection("api")]
public sealed class IdentityApiTests(ApiFixture fixture)
{
    private static object Identity(string symbol = "A/AC.121/2026/L.2") => new
    {
        symbol, distribution = "limited", date = "2026-02-17", session = "2026 substantive session", agendaItem = "4",
    };

    [Fact]
    public async Task Staff_set_the_identity_revisions_take_the_symbol_and_the_export_shows_it()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        await sec.AddClauseAsync(mou, "The troop-contributing country shall train its personnel.");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var unset = await (await sec.GetAsync($"/api/mous/{mou}/identity")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((System.Text.Json.JsonValueKind.Null, "en"), (unset.GetProperty("symbol").ValueKind, unset.GetProperty("originalLanguage").GetString()));

        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var set = await (await legal.PutAsJsonAsync($"/api/mous/{mou}/identity", Identity())).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("A/AC.121/2026/L.2", set.GetProperty("symbol").GetString());
        var read = await (await (await fixture.App.ClientAsync("Delegate", "FRA")).GetAsync($"/api/mous/{mou}/identity")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("A/AC.121/2026/L.2", "limited", "2026-02-17", "en", "2026 substantive session", "4"),
            (read.GetProperty("symbol").GetString(), read.GetProperty("distribution").GetString(), read.GetProperty("date").GetString(),
             read.GetProperty("originalLanguage").GetString(), read.GetProperty("session").GetString(), read.GetProperty("agendaItem").GetString()));

        // Rev.1 was published before: it derives its symbol; Rev.2 is published with it. The label stays as it was.
        var rev2 = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Rev.2", "A/AC.121/2026/L.2/Rev.2"), (rev2.GetProperty("label").GetString(), rev2.GetProperty("symbol").GetString()));
        var text = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["A/AC.121/2026/L.2/Rev.1", "A/AC.121/2026/L.2/Rev.2"], text.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        Assert.Equal("A/AC.121/2026/L.2", text.GetProperty("identity").GetProperty("symbol").GetString());
        Assert.Equal("A/AC.121/2026/L.2/Rev.2", (await (await sec.GetAsync($"/api/mous/{mou}/revisions/2")).JsonAsync(HttpStatusCode.OK)).GetProperty("symbol").GetString());

        var audit = await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(audit.EnumerateArray(), a => a.ToString().Contains("/identity", StringComparison.Ordinal));

        var docx = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=2")).Content.ReadAsByteArrayAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var corner = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "MouCornerBlock").Select(p => p.InnerText).ToList();
        Assert.Equal("A/AC.121/2026/L.2/Rev.2", corner[0]);
        Assert.Contains("Distr.: Limited", corner);
        Assert.Contains("Original: English", corner);
        Assert.Contains("Agenda item 4", corner);
        Assert.Equal("A/AC.121/2026/L.2/Rev.2", word.MainDocumentPart.HeaderParts.Single().Header!.InnerText);
    }

    [Fact]
    public async Task A_bad_identity_is_refused_with_problem_details_and_a_delegate_cannot_set_one()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA");
        var withRevision = await (await sec.PutAsJsonAsync($"/api/mous/{mou}/identity", new { symbol = "A/AC.121/2026/L.2/Rev.1/Corr.1" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("without its Rev./Add./Corr. part", withRevision.GetProperty("detail").GetString());
        Assert.Contains("A/AC.121/2026/L.2 with Rev.2 makes A/AC.121/2026/L.2/Rev.2", withRevision.GetProperty("detail").GetString());
        foreach (var (body, field) in new (object, string)[]
        {
            (new { symbol = "" }, "symbol"),
            (new { symbol = "not a symbol" }, "symbol"),
            (new { symbol = "A/AC.121/2026/L.2/Rev.2" }, "symbol"),
            (new { symbol = "A/AC.121/2026/L.2", distribution = "public" }, "distribution"),
            (new { symbol = "A/AC.121/2026/L.2", date = "17 February 2026" }, "date"),
            (new { symbol = "A/AC.121/2026/L.2", originalLanguage = "de" }, "originalLanguage"),
            (new { symbol = "A/AC.121/2026/L.2", session = new string('x', 201) }, "session"),
        })
        {
            var problem = await (await sec.PutAsJsonAsync($"/api/mous/{mou}/identity", body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        await (await fra.PutAsJsonAsync($"/api/mous/{mou}/identity", Identity())).ProblemAsync(HttpStatusCode.Forbidden);
        var after = await (await sec.GetAsync($"/api/mous/{mou}/identity")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("symbol").ValueKind);

        // Given at creation, it is there from the start.
        var created = await (await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = "With a symbol", parties = new[] { "FRA" },
            identity = new { symbol = "A/AC.121/2026/L.3", originalLanguage = "fr" } })).JsonAsync(HttpStatusCode.Created);
        var identity = await (await sec.GetAsync($"/api/mous/{created.GetProperty("id").GetString()}/identity")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("A/AC.121/2026/L.3", "general", "fr"), (identity.GetProperty("symbol").GetString(), identity.GetProperty("distribution").GetString(),
            identity.GetProperty("originalLanguage").GetString()));
    }
}
