using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>The positions annex: one row per state (state, position, note, date), then the consensus state, in the document's language.</summary>
internal static class AnnexTable
{
    public static IEnumerable<OpenXmlElement> Build(ExportDocument document, PositionsAnnex annex, RunFactory runs)
    {
        var words = runs.Language.Words;
        yield return TitleBlock.Line(StyleSheet.AnnexHeading, string.Format(words.AnnexHeading, TitleBlock.SymbolLine(document, words)), runs);

        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(new GridColumn { Width = "2600" }, new GridColumn { Width = "1500" }, new GridColumn { Width = "3500" }, new GridColumn { Width = "1700" }));
        // CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, …, tblW (appended last it failed validation).
        if (runs.Language.RightToLeft)
            table.GetFirstChild<TableProperties>()!.GetFirstChild<TableStyle>()!.InsertAfterSelf(new BiDiVisual());
        table.Append(Row(runs, header: true, words.State, words.Position, words.Note, words.Date));
        foreach (var row in annex.Rows)
            table.Append(Row(runs, header: false, row.State, words.PositionWord(row.Position), row.Note ?? string.Empty, TitleBlock.FormatDate(row.Date, runs)));
        yield return table;

        yield return TitleBlock.Line("Normal", string.Format(words.Consensus, words.ConsensusWord(annex.Consensus)), runs);
    }

    private static TableRow Row(RunFactory runs, bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
        {
            var paragraph = TitleBlock.Line("Normal", string.Empty, runs);
            paragraph.Append(runs.Runs(cell, bold: header));
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }), paragraph));
        }
        return row;
    }
}
