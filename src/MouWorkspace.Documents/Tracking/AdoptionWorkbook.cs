using MouWorkspace.Documents.Spreadsheets;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Tracking;

/// <summary>
/// The adoption matrix as a table with one row per country and MOU, so that it filters and pivots well; each adoption
/// with the revision labels and its evidence (note, file, who recorded it). New columns go at the end: sheets and
/// macros that read the first nine by position keep working.
/// </summary>
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
        new("Latest revision label", XlsxColumnKind.Text, 18),
        new("Adopted revision label", XlsxColumnKind.Text, 20),
        new("Evidence note", XlsxColumnKind.Text, 40),
        new("Evidence file", XlsxColumnKind.Text, 30),
        new("Recorded by", XlsxColumnKind.Text, 24),
    ];

    public static void Write(Stream output, AdoptionSnapshot snapshot)
    {
        var mous = snapshot.Mous.ToDictionary(m => m.Id);
        var data = snapshot.Rows.SelectMany(row => row.Cells.Select(cell =>
        {
            var record = snapshot.Records.GetValueOrDefault((row.Code, cell.MouId));
            return (IReadOnlyList<object?>)
            [
                row.Code, row.Name, RegionalGroups.Name(row.Region), mous[cell.MouId].Title, cell.LatestRevision,
                cell.AdoptedRevision, cell.AdoptedOn, cell.State, cell.DriftSize,
                mous[cell.MouId].LatestLabel, record?.RevisionLabel, Blank(record?.EvidenceNote), record?.EvidenceFile, record?.RecordedBy,
            ];
        }));
        XlsxTable.Write(output, "Adoptions", "Adoptions", Columns, data);
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
