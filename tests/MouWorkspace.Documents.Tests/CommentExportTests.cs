using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Tests.Support;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace MouWorkspace.Documents.Tests;

public class CommentExportTests
{
    private static readonly byte[] Exported = Docx.Export(Samples.WithComments());

    private static string RangeText(Paragraph paragraph, string id)
    {
        var inside = false;
        var text = "";
        foreach (var element in paragraph.Descendants())
        {
            if (element is CommentRangeStart s && s.Id == id) inside = true;
            else if (element is CommentRangeEnd e && e.Id == id) inside = false;
            else if (inside && element is Text t) text += t.Text;
        }
        return text;
    }

    [Fact]
    public void Comment_is_anchored_on_its_quote_with_author_shown_as_delegation()
    {
        Docx.Read(Exported, w =>
        {
            var comment = w.MainDocumentPart!.WordprocessingCommentsPart!.Comments!.Elements<Comment>().First();
            Assert.Equal("France (FRA)", comment.Author!.Value);
            Assert.Equal("FRA", comment.Initials!.Value);
            Assert.Contains("We prefer", comment.InnerText);
            var op1 = w.MainDocumentPart.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("OP1"));
            Assert.Equal("[shall][should]", RangeText(op1, comment.Id!.Value!));
            Assert.Contains(op1.Descendants<CommentReference>(), r => r.Id == comment.Id);
            return 0;
        });
    }

    [Fact]
    public void Comment_whose_quote_is_gone_covers_the_whole_clause_text()
    {
        Docx.Read(Exported, w =>
        {
            var op2 = w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("OP2"));
            Assert.Equal(Samples.Clauses[3].Text, RangeText(op2, "2"));
            return 0;
        });
    }

    [Fact]
    public void Reply_shares_its_parents_range_and_links_through_comments_extended()
    {
        Docx.Read(Exported, w =>
        {
            var op1 = w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("OP1"));
            Assert.Equal("[shall][should]", RangeText(op1, "1"));
            var comments = w.MainDocumentPart.WordprocessingCommentsPart!.Comments!.Elements<Comment>().ToList();
            var paraId = comments.Select(c => c.Elements<Paragraph>().Last().ParagraphId!.Value).ToList();
            var ex = w.MainDocumentPart.WordprocessingCommentsExPart!.CommentsEx!.Elements<W15.CommentEx>().ToList();
            Assert.Equal(paraId[0], ex.Single(e => e.ParaId == paraId[1]).ParaIdParent!.Value);
            Assert.Null(ex.Single(e => e.ParaId == paraId[0]).ParaIdParent);
            return 0;
        });
    }
}
