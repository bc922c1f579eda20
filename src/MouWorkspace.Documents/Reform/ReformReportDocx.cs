using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Reform;

/// <summary>
/// The one-page reform status report: a title, the date it speaks for, counts, the chart, then a table per pillar.
/// Small type and narrow margins keep the report's twenty-odd items on one A4 page.
/// </summary>
public static class ReformReportDocx
{
    private const string FontSize = "16"; // half-points: 8 pt
    private static readonly string[] Headers = ["Reform item", "Organization", "Status", "Since", "Due", "Overdue"];
    private static readonly int[] Widths = [4200, 1100, 1200, 1100, 1100, 900];

    public static void Write(Stream output, ReformSnapshot snapshot)
    {
        var (asOf, items) = (snapshot.AsOf, snapshot.Items);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        body.Append(Paragraph("Reform status report", bold: true, size: "28"));
        var overdue = items.Count(i => i.Overdue);
        body.Append(Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"As of {asOf:yyyy-MM-dd}: {items.Count} items, {items.Count(i => i.Status == ReformStatus.Completed)} completed, " +
            $"{items.Count(i => i.Status == ReformStatus.InProgress)} in progress, {items.Count(i => i.Status == ReformStatus.Stalled)} stalled, " +
            $"{items.Count(i => i.Status == ReformStatus.NotStarted)} not started; {overdue} overdue.")));
        body.Append(ReformReportChart.Paragraph(main, items));
        foreach (var pillar in Enum.GetValues<ReformPillar>())
        {
            var rows = items.Where(i => i.Pillar == pillar).ToList();
            if (rows.Count == 0)
                continue;
            body.Append(Paragraph(ReformRules.Title(pillar), bold: true, size: "20"));
            body.Append(Table(rows));
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 720, Bottom = 720, Left = 851, Right = 851, Header = 360, Footer = 360, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table Table(IReadOnlyList<ReformRow> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Widths.Sum().ToString(CultureInfo.InvariantCulture) }, border),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(Headers, bold: true));
        foreach (var item in rows)
        {
            table.Append(Row([item.Title, item.Organization.ToUpperInvariant(), ReformRules.ToWire(item.Status), Date(item.StatusOn),
                item.DueOn is { } due ? Date(due) : "", item.Overdue ? "yes" : ""], bold: false));
        }
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold)
            row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Widths[i].ToString(CultureInfo.InvariantCulture) }),
                Paragraph(cells[i], bold, FontSize, spacing: false)));
        }
        return row;
    }

    private static Paragraph Paragraph(string text, bool bold = false, string size = FontSize, bool spacing = true)
    {
        var runProperties = new RunProperties();
        if (bold)
            runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = size });
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = spacing ? "120" : "0", After = spacing ? "60" : "0" }),
            new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
