using MouWorkspace.Documents.Markups;
using MouWorkspace.Documents.Tests.Support;

namespace MouWorkspace.Documents.Tests;

public class MarkupReaderTests
{
    // The MOU now: OP2 has since been renumbered, so its paragraph can only be matched by text.
    private static readonly MarkupClause[] Current = Samples.Clauses
        .Select(c => new MarkupClause(c.Id, c.Id == "c4" ? "OP7" : c.Number, c.Text)).ToArray();

    private static readonly Lazy<byte[]> Markup = new(() =>
    {
        using var builder = new MarkupBuilder(Docx.Export(Samples.Clean()));
        builder.Replace(builder.Clause("OP1"), "[shall][should]", "shall");
        builder.Replace(builder.Clause("OP2"), "[promptly] ", "within 30 days ");
        builder.Comment(builder.Clause("OP3 bis"), "mandatory", "Add refresher training.", "Agreed, in OP3 ter?");
        builder.Comment(builder.Title, "memorandum", "Title should name the MOU type.");
        builder.InsertParagraphAfter(builder.Clause("OP3 bis"), "The Parties shall review this memorandum every two years.");
        return builder.Save();
    });

    private static MarkupResult Read(byte[] bytes) => MarkupReader.Read(new MemoryStream(bytes), Current);

    [Fact]
    public void Tracked_changes_become_proposals_on_the_right_clauses()
    {
        var result = Read(Markup.Value);
        AssertProposals(result);
        Assert.Equal(MatchedBy.Number, result.Proposals[0].MatchedBy);
        Assert.Equal(MatchedBy.Text, result.Proposals[1].MatchedBy);
    }

    [Fact]
    public void Comments_come_back_with_quote_clause_author_and_thread()
    {
        AssertComments(Read(Markup.Value), threaded: true);
    }

    [Fact]
    public void What_cannot_be_placed_is_reported_with_a_reason()
    {
        AssertUnmatched(Read(Markup.Value));
    }

    [Fact]
    public void Same_markup_after_libreoffice_resaved_it_reads_the_same()
    {
        var original = Read(Markup.Value);
        var resaved = File.ReadAllBytes(ExternalTools.SofficeConvert(ExternalTools.WriteTemp("markup.docx", Markup.Value), "docx"));
        Assert.NotEqual(Markup.Value, resaved);

        var result = Read(resaved);

        AssertProposals(result);
        // LibreOffice 7.4 writes no commentsExtended part, so the reply link is lost on its re-save:
        // the reply still comes back, on the same clause and words, as a comment of its own.
        AssertComments(result, threaded: false);
        AssertUnmatched(result);
        Assert.Equal(original.Proposals.Select(p => (p.ClauseId, p.OriginalText, p.ProposedText)), result.Proposals.Select(p => (p.ClauseId, p.OriginalText, p.ProposedText)));
    }

    private static void AssertProposals(MarkupResult result)
    {
        Assert.Equal(2, result.Proposals.Count);
        var op1 = result.Proposals[0];
        Assert.Equal(("c3", Samples.Clauses[2].Text), (op1.ClauseId, op1.OriginalText));
        Assert.Equal("The troop-contributing country shall ensure that all members of its national contingent comply with the standards of conduct.", op1.ProposedText);
        Assert.Equal([MarkupBuilder.India], op1.Authors);
        var op2 = result.Proposals[1];
        Assert.Equal(("c4", "OP7", Samples.Clauses[3].Text), (op2.ClauseId, op2.Number, op2.OriginalText));
        Assert.Equal("The Government shall investigate allegations of misconduct within 30 days and inform the Secretary-General of the outcome.", op2.ProposedText);
    }

    private static void AssertComments(MarkupResult result, bool threaded)
    {
        Assert.Equal(2, result.Comments.Count);
        var parent = result.Comments.Single(c => c.Text == "Add refresher training.");
        var reply = result.Comments.Single(c => c.Text == "Agreed, in OP3 ter?");
        Assert.Equal(("c5", "mandatory", MarkupBuilder.India, (string?)null), (parent.ClauseId, parent.Quote, parent.Author, parent.ParentWordId));
        Assert.Equal(("c5", "mandatory", threaded ? parent.WordId : null), (reply.ClauseId, reply.Quote, reply.ParentWordId));
    }

    private static void AssertUnmatched(MarkupResult result)
    {
        Assert.Contains(result.Unmatched, u => u.Kind == UnmatchedKind.Comment && u.Text == "Title should name the MOU type." && u.Reason.Contains("outside any clause"));
        // A new paragraph is no longer "unmatched": it is proposed as a new clause after the one before it (issue 18.5).
        Assert.DoesNotContain(result.Unmatched, u => u.Text.StartsWith("The Parties shall review"));
        var insert = Assert.Single(result.Structure);
        Assert.Equal((StructureKind.Insert, "c5", "The Parties shall review this memorandum every two years."), (insert.Kind, insert.After, insert.Text));
    }
}
