using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>Demo texts in the spirit of the model MOU on standards of conduct (written for the tests).</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2007, 3, 12, 10, 30, 0, TimeSpan.Zero);

    public const string Arabic = "تلتزم الدول المساهمة بقوات بمعايير السلوك الواردة في نشرة الأمين العام";
    public const string Chinese = "部队派遣国应确保其人员遵守行为标准";

    public static readonly ExportClause[] Clauses =
    [
        new("c1", "PP1", "Purpose", "Recalling the Secretary-General's bulletin on special measures for protection from sexual exploitation and abuse (ST/SGB/2003/13),", ClauseKind.Preambular),
        new("c2", "PP2", "", "Noting that 29 repatriated personnel faced disciplinary or criminal action,", ClauseKind.Preambular),
        new("c3", "OP1", "Standards of conduct", "The troop-contributing country [shall][should] ensure that all members of its national contingent comply with the standards of conduct.", ClauseKind.Operative),
        new("c4", "OP2", "", "The Government shall investigate allegations of misconduct [promptly] and inform the Secretary-General of the outcome.", ClauseKind.Operative),
        new("c5", "OP3 bis", "Training", "Pre-deployment training on the standards of conduct shall be mandatory for all personnel.", ClauseKind.Operative),
    ];

    public static ExportDocument Clean(string language = "en", IReadOnlyList<ExportClause>? clauses = null) =>
        new("United Nations", "Model memorandum of understanding between the United Nations and [Participating State]",
            "Rev.2", new DateOnly(2007, 3, 12), AdvanceUnedited: true, language, clauses ?? Clauses);

    public static ExportDocument Redline()
    {
        var fra = new AttributedChange(DiffOp.Delete, "shall", "France (FRA)", T0);
        RedlineClause Unchanged(ExportClause c) => new(c.Id, c.Number, c.Heading, c.Kind, RedlineChange.Unchanged, [new AttributedChange(DiffOp.Equal, c.Text, null, null)]);
        return Clean() with
        {
            Redline = new ExportRedline("Rev.1",
            [
                Unchanged(Clauses[0]),
                new("c2", "PP2", "", ClauseKind.Preambular, RedlineChange.Removed,
                    [new AttributedChange(DiffOp.Delete, "Noting the report of the Special Adviser,", "Nepal (NPL)", T0.AddDays(1))]),
                new("c3", "OP1", "Standards of conduct", ClauseKind.Operative, RedlineChange.Changed,
                [
                    new AttributedChange(DiffOp.Equal, "The troop-contributing country [", null, null),
                    fra,
                    new AttributedChange(DiffOp.Insert, "should", "India (IND)", T0.AddDays(2)),
                    new AttributedChange(DiffOp.Equal, "] ensure compliance.", null, null),
                ]),
                new("c5", "OP3 bis", "Training", ClauseKind.Operative, RedlineChange.Added,
                    [new AttributedChange(DiffOp.Insert, Clauses[4].Text, "Uruguay (URY)", T0.AddDays(3))]),
            ]),
        };
    }

    public static ExportDocument WithComments() => Clean() with
    {
        Comments =
        [
            new ExportComment("k1", "c3", "France (FRA)", T0, "We prefer \"shall\".", "[shall][should]", null),
            new ExportComment("k2", "c3", "India (IND)", T0.AddHours(2), "\"should\" leaves room for national law.", null, "k1"),
            new ExportComment("k3", "c4", "Morocco (MAR)", T0.AddHours(3), "Define the deadline.", "words no longer in the text", null),
        ],
        Annex = new PositionsAnnex(
        [
            new PositionRow("France (FRA)", "Agree", null, new DateOnly(2007, 3, 14)),
            new PositionRow("India (IND)", "Reserve", "Subject to OP1 alternatives", new DateOnly(2007, 3, 15)),
            new PositionRow("Pakistan (PAK)", "Object", "OP2 timing", new DateOnly(2007, 3, 15)),
        ], "blocked"),
    };
}
