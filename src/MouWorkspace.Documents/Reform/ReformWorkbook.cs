using MouWorkspace.Documents.Spreadsheets;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Reform;

/// <summary>The reform board as a table: one row per item.</summary>
public static class ReformWorkbook
{
    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("Id", XlsxColumnKind.Text, 30),
        new("Reform item", XlsxColumnKind.Text, 50),
        new("Pillar", XlsxColumnKind.Text, 20),
        new("Organization", XlsxColumnKind.Text, 12),
        new("Status", XlsxColumnKind.Text, 12),
        new("Since", XlsxColumnKind.Date, 12),
        new("Due on", XlsxColumnKind.Date, 12),
        new("Overdue", XlsxColumnKind.Text, 9),
    ];

    public static void Write(Stream output, ReformSnapshot snapshot) =>
        XlsxTable.Write(output, "Reform items", "ReformItems", Columns, snapshot.Items.Select(i => (IReadOnlyList<object?>)
        [
            i.Id, i.Title, ReformRules.Title(i.Pillar), i.Organization.ToUpperInvariant(), ReformRules.ToWire(i.Status), i.StatusOn, i.DueOn, i.Overdue,
        ]));
}
