using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// A clause as the body writer sees it, the same for clean and redline exports: its text as runs
/// (only Equal runs for a clean export) and, for an added or removed clause, who made that change.
/// </summary>
internal sealed record ClauseView(
    string Id, string Number, string Heading, RedlineChange Change, IReadOnlyList<AttributedChange> Runs, string? Author, DateTimeOffset? At)
{
    /// <summary>The text a reader sees as the clause's own: current text, or the deleted text of a removed clause.</summary>
    public string AnchorText => string.Concat(Runs.Where(CountsForAnchors).Select(r => r.Text));

    /// <summary>Comment offsets count the current text; a removed clause has only deleted text, so that counts.</summary>
    public bool CountsForAnchors(AttributedChange run) =>
        Change == RedlineChange.Removed ? run.Op == DiffOp.Delete : run.Op != DiffOp.Delete;

    public static IReadOnlyList<ClauseView> From(ExportDocument document)
    {
        if (document.Redline is null)
        {
            return document.Clauses.Select(c => new ClauseView(
                c.Id, c.Number, c.Heading, RedlineChange.Unchanged,
                c.Text.Length == 0 ? [] : [new AttributedChange(DiffOp.Equal, c.Text, null, null)], null, null)).ToList();
        }
        return document.Redline.Clauses.Select(c =>
        {
            var first = c.Runs.FirstOrDefault(r => r.Op != DiffOp.Equal);
            return new ClauseView(c.ClauseId, c.Number, c.Heading, c.Change, c.Runs, first?.Author, first?.At);
        }).ToList();
    }
}
