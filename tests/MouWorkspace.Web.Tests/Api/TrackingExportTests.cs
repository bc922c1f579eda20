using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>The adoption matrix as .xlsx: valid Open XML, a real table with frozen header, real dates, and LibreOffice reads it.</summary>
[Collection("api")]
public sealed class TrackingExportTests(ApiFixture fixture)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_adoption_matrix_exports_as_a_table_that_validates_and_LibreOffice_reads()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", organization: "nato");
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "nato");
        var mou = await sec.PublishedMouAsync("nato", revisions: 2);
        await (await legal.AdoptAsync("FRA", mou, 2, "2007-03-01")).JsonAsync(HttpStatusCode.OK);
        await (await legal.AdoptAsync("URY", mou, 1, "2006-12-24")).JsonAsync(HttpStatusCode.OK);

        var bytes = await (await legal.GetAsync($"/api/tccs/export.xlsx?mouId={mou}")).BytesAsync(Xlsx);
        OfficeChecks.AssertValidSpreadsheet(bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single();
            var table = sheet.TableDefinitionParts.Single().Table!;
            Assert.Equal(1u, table.HeaderRowCount!.Value);
            Assert.Equal("A1:N194", table.Reference!.Value);
            var pane = sheet.Worksheet!.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, "A2"), (pane.State!.Value, pane.TopLeftCell!.Value));
        }

        var rows = await OfficeChecks.LibreOfficeCsvAsync(bytes);
        Assert.Equal(["Code", "Country", "Regional group", "MOU", "Latest revision", "Adopted revision", "Adopted on", "State", "Clauses changed since",
            "Latest revision label", "Adopted revision label", "Evidence note", "Evidence file", "Recorded by"], rows[0]);
        Assert.Equal(194, rows.Count);
        var fra = rows.Single(r => r[0] == "FRA");
        Assert.Equal(("France", "Western European and Others Group", "2", "2", "2007-03-01", "adopted", "0"), (fra[1], fra[2], fra[4], fra[5], fra[6], fra[7], fra[8]));
        var ury = rows.Single(r => r[0] == "URY");
        Assert.Equal(("Uruguay", "1", "2006-12-24", "behind"), (ury[1], ury[5], ury[6], ury[7]));
        var npl = rows.Single(r => r[0] == "NPL");
        Assert.Equal(("Nepal", "", "", "not-adopted", "2"), (npl[1], npl[5], npl[6], npl[7], npl[8]));
    }

    [Fact]
    public async Task Each_adoption_carries_its_evidence_and_revision_labels()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", organization: "osce");
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "osce", name: "Legal Officer Ana Ruiz");
        var mou = await sec.PublishedMouAsync("osce", revisions: 2);
        var file = new ByteArrayContent(Security.AuthorizationRules.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var uploaded = await (await legal.PostAsync("/api/tccs/NPL/evidence", new MultipartFormDataContent { { file, "file", "Nepal signed MOU.pdf" } }))
            .JsonAsync(HttpStatusCode.Created);
        await (await legal.PutAsJsonAsync($"/api/tccs/NPL/adoptions/{mou}", new { revision = 2, adoptedOn = "2007-03-01", evidenceId = uploaded.GetProperty("id").GetString() }))
            .JsonAsync(HttpStatusCode.OK);
        await (await legal.AdoptAsync("TUN", mou, 1, "2007-02-01", evidence: "Note verbale of 1 February 2007")).JsonAsync(HttpStatusCode.OK);

        var rows = await OfficeChecks.LibreOfficeCsvAsync(await (await legal.GetAsync($"/api/tccs/export.xlsx?mouId={mou}&filter=adopted")).BytesAsync(Xlsx));
        var npl = rows.Single(r => r[0] == "NPL");
        Assert.Equal(("Rev.2", "Rev.2", "", "Nepal signed MOU.pdf", "Legal Officer Ana Ruiz"), (npl[9], npl[10], npl[11], npl[12], npl[13]));
        var tun = rows.Single(r => r[0] == "TUN");
        Assert.Equal(("Rev.2", "Rev.1", "Note verbale of 1 February 2007", "", "Legal Officer Ana Ruiz"), (tun[9], tun[10], tun[11], tun[12], tun[13]));

        // The file's name is evidence metadata, listed for staff only (as GET /api/tccs/{code} lists it); the note is the adoption's.
        var observer = await fixture.App.ClientAsync("Observer", organization: "osce");
        var seen = await OfficeChecks.LibreOfficeCsvAsync(await (await observer.GetAsync($"/api/tccs/export.xlsx?mouId={mou}&filter=adopted")).BytesAsync(Xlsx));
        Assert.Equal(("", "Legal Officer Ana Ruiz"), (seen.Single(r => r[0] == "NPL")[12], seen.Single(r => r[0] == "NPL")[13]));
    }

    [Fact]
    public async Task Dates_are_stored_as_serial_numbers_with_a_date_format()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", organization: "nato");
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "nato");
        var mou = await sec.PublishedMouAsync("nato");
        await (await legal.AdoptAsync("DEU", mou, 1, "2007-03-01")).JsonAsync(HttpStatusCode.OK);

        var bytes = await (await legal.GetAsync($"/api/tccs/export.xlsx?mouId={mou}&filter=adopted")).BytesAsync(Xlsx);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cell = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Cell>().Single(c => c.CellReference == "G2");
        Assert.Equal(new DateTime(2007, 3, 1).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), cell.CellValue!.Text);
        var format = (DocumentFormat.OpenXml.Spreadsheet.CellFormat)document.WorkbookPart.WorkbookStylesPart!.Stylesheet!.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        var numberFormat = document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd", numberFormat.FormatCode!.Value);
    }
}
