using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Documents.Reform;

/// <summary>The reform board as the web layer read it: every item, and the day the report speaks for.</summary>
public sealed record ReformSnapshot(DateOnly AsOf, IReadOnlyList<ReformRow> Items);

/// <summary>One reform item: a row of the workbook and of the report, a bar segment of the chart.</summary>
public sealed record ReformRow(
    string Id, string Title, ReformPillar Pillar, string Organization, ReformStatus Status, DateOnly StatusOn, DateOnly? DueOn, bool Overdue);
