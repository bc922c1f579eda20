using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MouWorkspace.Documents.Spreadsheets;

public enum XlsxColumnKind { Text, Number, Date }

public sealed record XlsxColumn(string Header, XlsxColumnKind Kind, double Width);

/// <summary>
/// Writes one sheet holding one Excel table: a header row, an autofilter, frozen panes below the header, and dates
/// as serial numbers with a date format (so that spreadsheets sort and filter them as dates, not text).
/// </summary>
public static class XlsxTable
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint IsoDateFormatId = 164;

    /// <param name="rows">one value per column: string, a number, DateOnly, or null for an empty cell.</param>
    public static void Write(Stream output, string sheetName, string tableName, IReadOnlyList<XlsxColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        AddStyles(workbookPart);
        var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var data = new SheetData();
        data.Append(Row(1, columns.Select((c, i) => strings.Cell(Ref(i, 1), c.Header, HeaderStyle))));
        uint rowIndex = 1;
        foreach (var values in rows)
        {
            rowIndex++;
            var r = rowIndex;
            data.Append(Row(r, columns.Select((c, i) => Cell(strings, Ref(i, r), values[i]))));
        }
        var lastRow = Math.Max(rowIndex, 2u); // a table needs a data row, even an empty one
        if (rowIndex == 1)
            data.Append(new Row { RowIndex = 2 });

        var frozen = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };
        sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(frozen, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } }) { WorkbookViewId = 0 }),
            new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })),
            data,
            new TableParts(new TablePart { Id = "rTable1" }) { Count = 1 });

        var range = $"A1:{Ref(columns.Count - 1, lastRow)}";
        var tablePart = sheetPart.AddNewPart<TableDefinitionPart>("rTable1");
        tablePart.Table = new Table(
            new AutoFilter { Reference = range },
            new TableColumns(columns.Select((c, i) => new TableColumn { Id = (uint)i + 1, Name = c.Header })) { Count = (uint)columns.Count },
            new TableStyleInfo { Name = "TableStyleMedium2", ShowRowStripes = true, ShowColumnStripes = false, ShowFirstColumn = false, ShowLastColumn = false })
        {
            Id = 1, Name = tableName, DisplayName = tableName, Reference = range, TotalsRowShown = false, HeaderRowCount = 1,
        };

        workbookPart.Workbook.Append(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        strings.Save();
        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, IEnumerable<Cell> cells) => new(cells) { RowIndex = index };

    private static Cell Cell(SharedStrings strings, string reference, object? value) => value switch
    {
        null => new Cell { CellReference = reference },
        DateOnly date => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        int number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        double number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        bool flag => strings.Cell(reference, flag ? "yes" : "no"),
        _ => strings.Cell(reference, value.ToString() ?? ""),
    };

    /// <summary>"A1" style reference for a 0-based column and 1-based row.</summary>
    public static string Ref(int column, uint row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
            name = (char)('A' + (c - 1) % 26) + name;
        return name + row;
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = IsoDateFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = IsoDateFormatId, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
    }

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable table = new();

        public Cell Cell(string reference, string text, uint style = 0)
        {
            if (!indexes.TryGetValue(text, out var index))
            {
                index = indexes.Count;
                indexes[text] = index;
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            var cell = new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            if (style != 0)
                cell.StyleIndex = style;
            return cell;
        }

        public void Save()
        {
            table.Count = (uint)indexes.Count;
            table.UniqueCount = (uint)indexes.Count;
            part.SharedStringTable = table;
        }
    }
}
