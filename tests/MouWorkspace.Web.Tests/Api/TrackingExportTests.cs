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
            Assert.Equal("A1:I194", table.Reference!.Value);
            var pane = sheet.Worksheet!.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, "A2"), (pane.State!.Value, pane.TopLeftCell!.Value));
        }

        var rows = await OfficeChecks.LibreOfficeCsvAsync(bytes);
        Assert.Equal(["Code", "Country", "Regional group", "MOU", "Latest revision", "Adopted revision", "Adopted on", "State", "Clauses changed since"], rows[0]);
        Assert.Equal(194, rows.Count);
        var fra = rows.Single(r => r[0] == "FRA");
        Assert.Equal(("France", "Western European and Others Group", "2", "2", "2007-03-01", "adopted", "0"), (fra[1], fra[2], fra[4], fra[5], fra[6], fra[7], fra[8]));
        var ury = rows.Single(r => r[0] == "URY");
        Assert.Equal(("Uruguay", "1", "2006-12-24", "behind"), (ury[1], ury[5], ury[6], ury[7]));
        var npl = rows.Single(r => r[0] == "NPL");
        Assert.Equal(("Nepal", "", "", "not-adopted", "2"), (npl[1], npl[5], npl[6], npl[7], npl[8]));
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
