using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Markups;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

/// <summary>
/// Markups that change the text's shape (issue 18.4, 18.5): a tracked move as Word writes it (w:moveFrom/w:moveTo inside named
/// range marks), a paragraph typed in, a paragraph deleted whole; and Word's own author and date on every change and comment.
/// </summary>
public class MarkupStructureTests
{
    private const string Ghana = "Delegation of Ghana";
    private static readonly DateTimeOffset When = new(MarkupBuilder.When);
    private static readonly MarkupClause[] Current = Samples.Clauses.Select(c => new MarkupClause(c.Id, c.Number, c.Text)).ToArray();

    private static MarkupResult Read(byte[] bytes) => MarkupReader.Read(new MemoryStream(bytes), Current);

    /// <summary>OP2 moved below OP3 bis; a new paragraph with a heading after PP2; OP1 deleted; a word of PP1 changed by Ghana.</summary>
    private static readonly Lazy<byte[]> Reshaped = new(() =>
    {
        using var builder = new MarkupBuilder(Docx.Export(Samples.Clean()));
        var (pp1, pp2, op1, op2, op3) = (builder.Clause("PP1"), builder.Clause("PP2"), builder.Clause("OP1"), builder.Clause("OP2"), builder.Clause("OP3 bis"));
        builder.Move(op2, after: op3);
        var heading = builder.InsertParagraphAfter(pp2, "Cooperation");
        heading.ParagraphProperties!.ParagraphStyleId = new DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId { Val = "Heading1" };
        builder.InsertParagraphAfter(heading, "Bearing in mind the need for close cooperation with host States,");
        builder.DeleteParagraph(op1);
        builder.Replace(pp1, "special measures", "measures", author: Ghana);
        builder.Comment(op3, "mandatory", "Ghana asks for yearly refreshers.");
        return builder.Save();
    });

    [Fact]
    public void A_tracked_move_is_one_move_proposal_after_the_clause_it_now_follows()
    {
        var result = Read(Reshaped.Value);

        var move = Assert.Single(result.Structure, s => s.Kind == StructureKind.Move);
        Assert.Equal(("c4", "OP2", "c5"), (move.ClauseId, move.Number, move.After));
        Assert.Equal((MarkupBuilder.India, When), (Assert.Single(move.Authors), move.At));
        Assert.DoesNotContain(result.Proposals, p => p.ClauseId == "c4"); // neither a deletion nor new wording
        Assert.DoesNotContain(result.Unmatched, u => u.Text.Contains("investigate allegations"));
    }

    [Fact]
    public void A_new_paragraph_is_an_insert_after_the_clause_before_it_and_a_deleted_one_a_delete()
    {
        var result = Read(Reshaped.Value);

        var insert = Assert.Single(result.Structure, s => s.Kind == StructureKind.Insert);
        Assert.Equal(("c2", ClauseKind.Preambular, "Cooperation", "Bearing in mind the need for close cooperation with host States,"),
            (insert.After, insert.ClauseKind, insert.Heading, insert.Text));
        Assert.Equal((MarkupBuilder.India, When), (Assert.Single(insert.Authors), insert.At));
        var delete = Assert.Single(result.Structure, s => s.Kind == StructureKind.Delete);
        Assert.Equal(("c3", Samples.Clauses[2].Text), (delete.ClauseId, delete.Text));
        Assert.Equal([StructureKind.Insert, StructureKind.Delete, StructureKind.Move], result.Structure.Select(s => s.Kind));
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Word_author_and_date_are_kept_on_each_change_and_comment()
    {
        var result = Read(Reshaped.Value);

        var wording = Assert.Single(result.Proposals);
        Assert.Equal(("c1", Ghana, When), (wording.ClauseId, Assert.Single(wording.Authors), wording.At));
        var comment = Assert.Single(result.Comments);
        Assert.Equal(("c5", MarkupBuilder.India, (DateTimeOffset?)When), (comment.ClauseId, comment.Author, comment.At));
    }

    [Fact]
    public void An_import_reads_a_moved_paragraph_once_where_it_now_stands()
    {
        using var builder = new MarkupBuilder(Docx.Export(Samples.Clean()));
        builder.Move(builder.Clause("OP2"), after: builder.Clause("OP3 bis"));
        var imported = WordImporter.Read(new MemoryStream(builder.Save()), ImportOptions.Default);

        Assert.Equal(["PP1", "PP2", "OP1", "OP3 bis", "OP2"], imported.Clauses.Select(c => c.Number));
        Assert.Single(imported.Clauses, c => c.Text.Contains("investigate allegations"));
    }

    [Fact]
    public void A_move_to_the_top_of_the_operative_part_follows_no_clause()
    {
        using var builder = new MarkupBuilder(Docx.Export(Samples.Clean()));
        builder.Move(builder.Clause("OP3 bis"), after: builder.Clause("PP2"));
        var move = Assert.Single(Read(builder.Save()).Structure);
        Assert.Equal((StructureKind.Move, "c5", (string?)null, ClauseKind.Operative), (move.Kind, move.ClauseId, move.After, move.ClauseKind));
    }

    [Fact]
    public void The_same_reshaped_markup_after_libreoffice_made_it_anew_reads_the_same()
    {
        // Through LibreOffice's own model and back (docx → odt → docx): LibreOffice writes every change itself.
        var odt = ExternalTools.SofficeConvert(ExternalTools.WriteTemp("reshaped.docx", Reshaped.Value), "odt");
        var bytes = File.ReadAllBytes(ExternalTools.SofficeConvert(odt, "docx"));

        var result = Read(bytes);

        Assert.Equal([(StructureKind.Insert, null, "c2"), (StructureKind.Delete, "c3", null), (StructureKind.Move, "c4", "c5")],
            result.Structure.Select(s => (s.Kind, s.ClauseId, s.After)));
        Assert.All(result.Structure, s => Assert.Equal(MarkupBuilder.India, Assert.Single(s.Authors)));
        Assert.All(result.Structure, s => Assert.Equal(When, s.At));
        Assert.Equal(("c1", Ghana), (Assert.Single(result.Proposals).ClauseId, Assert.Single(result.Proposals[0].Authors)));
        Assert.Equal((MarkupBuilder.India, (DateTimeOffset?)When), (Assert.Single(result.Comments).Author, result.Comments[0].At));
    }
}
