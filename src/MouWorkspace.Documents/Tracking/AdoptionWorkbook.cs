using MouWorkspace.Documents.Spreadsheets;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Tracking;

/// <summary>The adoption matrix as a table with one row per country and MOU, so that it filters and pivots well.</summary>
public static class AdoptionWorkbook
{
    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("Code", XlsxColumnKind.Text, 8),
        new("Country", XlsxColumnKind.Text, 34),
        new("Regional group", XlsxColumnKind.Text, 30),
        new("MOU", XlsxColumnKind.Text, 50),
        new("Latest revision", XlsxColumnKind.Number, 14),
        new("Adopted revision", XlsxColumnKind.Number, 16),
        new("Adopted on", XlsxColumnKind.Date, 12),
        new("State", XlsxColumnKind.Text, 12),
        new("Clauses changed since", XlsxColumnKind.Number, 20),
    ];

    public static void Write(Stream output, AdoptionSnapshot snapshot)
    {
        var titles = snapshot.Mous.ToDictionary(m => m.Id, m => m.Title);
        var data = snapshot.Rows.SelectMany(row => row.Cells.Select(cell => (IReadOnlyList<object?>)
        [
            row.Code, row.Name, RegionalGroups.Name(row.Region), titles[cell.MouId], cell.LatestRevision,
            cell.AdoptedRevision, cell.AdoptedOn, cell.State, cell.DriftSize,
        ]));
        XlsxTable.Write(output, "Adoptions", "Adoptions", Columns, data);
    }
}
