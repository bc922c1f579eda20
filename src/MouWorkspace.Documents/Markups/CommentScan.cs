using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace MouWorkspace.Documents.Markups;

/// <summary>A comment as found in the file: its own fields, its quote and the body paragraph its range starts in.</summary>
internal sealed record ScannedComment(string WordId, string Author, DateTimeOffset? At, string Text, string Quote, Paragraph? Paragraph, string? ParentWordId);

/// <summary>Reads the comments part, commentsExtended (reply links) and the ranges in the body.</summary>
internal static class CommentScan
{
    public static IReadOnlyList<ScannedComment> Read(MainDocumentPart main, Body body)
    {
        var comments = main.WordprocessingCommentsPart?.Comments?.Elements<Comment>().ToList() ?? [];
        if (comments.Count == 0)
            return [];

        // Reply links go paraId → paraIdParent, where a paraId names a comment's last paragraph.
        var idByParaId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var comment in comments)
        {
            if (comment.Id?.Value is { } id && comment.Elements<Paragraph>().LastOrDefault()?.ParagraphId?.Value is { } paraId)
                idByParaId.TryAdd(paraId, id);
        }
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ex in main.WordprocessingCommentsExPart?.CommentsEx?.Elements<W15.CommentEx>() ?? [])
        {
            if (ex.ParaId?.Value is { } child && ex.ParaIdParent?.Value is { } parent
                && idByParaId.TryGetValue(child, out var childId) && idByParaId.TryGetValue(parent, out var parentId))
                parentOf[childId] = parentId;
        }

        var (quotes, anchors) = Ranges(body);
        return comments.Where(c => c.Id?.Value is not null).Select(c =>
        {
            var id = c.Id!.Value!;
            var text = string.Join("\n", c.Elements<Paragraph>().Select(p => Reading.ParagraphText.Of(p).Accepted));
            return new ScannedComment(id, c.Author?.Value ?? string.Empty, c.Date?.Value is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
                text, quotes.TryGetValue(id, out var q) ? q.ToString().Trim() : string.Empty,
                anchors.GetValueOrDefault(id), parentOf.GetValueOrDefault(id));
        }).ToList();
    }

    /// <summary>Walks the body once in document order, collecting each open range's visible text.</summary>
    private static (Dictionary<string, StringBuilder> Quotes, Dictionary<string, Paragraph> Anchors) Ranges(Body body)
    {
        var quotes = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var anchors = new Dictionary<string, Paragraph>(StringComparer.Ordinal);
        var open = new List<StringBuilder>();
        var openIds = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        Paragraph? paragraph = null;
        foreach (var element in body.Descendants())
        {
            switch (element)
            {
                case Paragraph p:
                    if (paragraph is not null)
                        open.ForEach(q => q.Append('\n'));
                    paragraph = TopLevel(p);
                    break;
                case CommentRangeStart start when start.Id?.Value is { } id:
                    var builder = quotes[id] = new StringBuilder();
                    openIds[id] = builder;
                    open.Add(builder);
                    if (paragraph is not null)
                        anchors.TryAdd(id, paragraph);
                    break;
                case CommentRangeEnd end when end.Id?.Value is { } id && openIds.Remove(id, out var closing):
                    open.Remove(closing);
                    break;
                case CommentReference reference when reference.Id?.Value is { } id && paragraph is not null:
                    anchors.TryAdd(id, paragraph); // a comment with no range sits where its mark is
                    break;
                case Text text when !text.Ancestors().Any(a => a is DeletedRun or MoveFromRun):
                    open.ForEach(q => q.Append(text.Text));
                    break;
                case TabChar:
                    open.ForEach(q => q.Append('\t'));
                    break;
            }
        }
        return (quotes, anchors);
    }

    // A paragraph inside a text box belongs to the body paragraph that holds the box.
    private static Paragraph TopLevel(Paragraph p) => p.Ancestors<Paragraph>().LastOrDefault() ?? p;
}
