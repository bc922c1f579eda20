using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// The comments part, plus commentsExtended (w15:commentEx with paraIdParent) so replies show as
/// replies in Word's thread view. The link goes through the w14:paraId of each comment's last paragraph.
/// </summary>
internal static class CommentsWriter
{
    public static void Write(MainDocumentPart main, IReadOnlyList<PlannedComment> planned, RunFactory runs)
    {
        if (planned.Count == 0)
            return;
        var comments = new Comments();
        var extended = new W15.CommentsEx();
        foreach (var item in planned)
        {
            var comment = new Comment
            {
                Id = Id(item.WordId),
                Author = Scripts.XmlSafe(item.Comment.Author),
                Initials = Initials(item.Comment.Author),
                Date = item.Comment.At.UtcDateTime,
            };
            var lines = item.Comment.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var paragraph = TitleBlock.Line("CommentText", string.Empty, runs);
                if (i == 0)
                    paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "CommentReference" }), new AnnotationReferenceMark()));
                paragraph.Append(runs.Runs(lines[i]));
                if (i == lines.Length - 1)
                    paragraph.ParagraphId = ParaId(item.WordId);
                comment.Append(paragraph);
            }
            comments.Append(comment);

            // w15:done marks a resolved thread; Word reads it from each comment of the thread, so replies carry it too.
            var ex = new W15.CommentEx { ParaId = ParaId(item.WordId), Done = item.Done };
            if (item.ParentWordId is { } parent)
                ex.ParaIdParent = ParaId(parent);
            extended.Append(ex);
        }
        main.AddNewPart<WordprocessingCommentsPart>("rIdComments").Comments = comments;
        main.AddNewPart<WordprocessingCommentsExPart>("rIdCommentsEx").CommentsEx = extended;
    }

    private static string Id(int wordId) => wordId.ToString(CultureInfo.InvariantCulture);

    // Deterministic and below 0x80000000 as Word requires; body paragraphs carry no paraIds, so no clash.
    private static string ParaId(int wordId) => (0x10000000 + wordId).ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>"France (FRA)" → "FRA"; otherwise the first letters of the words.</summary>
    private static string Initials(string author)
    {
        var open = author.LastIndexOf('(');
        if (open >= 0 && author.EndsWith(')') && author.Length - open > 2)
            return author[(open + 1)..^1];
        var letters = author.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0]).Take(4);
        return Scripts.XmlSafe(string.Concat(letters));
    }
}
