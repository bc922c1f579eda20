using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>Where one comment sits: its Word id, its range in the clause's anchor text, its parent's Word id.</summary>
/// <param name="Done">The thread's state (its root's Resolved), shared by the root and every reply.</param>
internal sealed record PlannedComment(int WordId, ExportComment Comment, string ClauseId, int Start, int End, int? ParentWordId, bool Done);

/// <summary>
/// Resolves each comment's anchor before any XML is written: the first occurrence of its quote in the
/// clause, else the whole clause; a reply takes its thread root's range so Word shows it in the thread.
/// </summary>
internal static class CommentPlan
{
    public static IReadOnlyList<PlannedComment> Build(IReadOnlyList<ExportComment> comments, IReadOnlyList<ClauseView> clauses)
    {
        var clauseText = clauses.GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().AnchorText, StringComparer.Ordinal);
        var byId = new Dictionary<string, ExportComment>(StringComparer.Ordinal);
        foreach (var comment in comments)
            byId.TryAdd(comment.Id, comment);

        var planned = new List<PlannedComment>();
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            // Comments on clauses not in this export (e.g. dropped before this revision) are left out: the caller chooses them.
            if (!clauseText.TryGetValue(comment.ClauseId, out var text) || wordIds.ContainsKey(comment.Id))
                continue;
            wordIds[comment.Id] = planned.Count;
            var root = Root(comment, byId);
            var (start, end) = Range(root.ClauseId == comment.ClauseId ? root : comment, text);
            planned.Add(new PlannedComment(planned.Count, comment, comment.ClauseId, start, end, null, root.Resolved));
        }
        // Parents resolved after all ids are known, so a reply listed before its parent still links.
        return planned.Select(p => p.Comment.ReplyTo is { } parent && wordIds.TryGetValue(parent, out var parentId) && parentId != p.WordId
            ? p with { ParentWordId = parentId }
            : p).ToList();
    }

    private static ExportComment Root(ExportComment comment, Dictionary<string, ExportComment> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { comment.Id };
        while (comment.ReplyTo is { } parent && byId.TryGetValue(parent, out var next) && seen.Add(next.Id))
            comment = next;
        return comment;
    }

    private static (int Start, int End) Range(ExportComment comment, string text)
    {
        if (!string.IsNullOrEmpty(comment.Quote))
        {
            var at = text.IndexOf(comment.Quote, StringComparison.Ordinal);
            if (at >= 0)
                return (at, at + comment.Quote.Length);
        }
        return (0, text.Length);
    }
}
