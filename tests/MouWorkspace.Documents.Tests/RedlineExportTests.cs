using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

public class RedlineExportTests
{
    private static readonly byte[] Exported = Docx.Export(Samples.Redline());

    private static List<Paragraph> ClauseParagraphs(byte[] bytes) => Docx.Read(bytes, w =>
        w.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "MouClause").Select(p => (Paragraph)p.CloneNode(true)).ToList());

    [Fact]
    public void Changed_clause_has_tracked_delete_and_insert_with_author_and_date()
    {
        var op1 = ClauseParagraphs(Exported).Single(p => p.InnerText.StartsWith("OP1"));
        var del = op1.Elements<DeletedRun>().Single();
        Assert.Equal("France (FRA)", del.Author!.Value);
        Assert.Equal(Samples.T0.UtcDateTime, del.Date!.Value);
        Assert.Equal("shall", string.Concat(del.Descendants<DeletedText>().Select(t => t.Text)));
        var ins = op1.Elements<InsertedRun>().Single();
        Assert.Equal("India (IND)", ins.Author!.Value);
        Assert.Equal("should", ins.InnerText);
    }

    [Fact]
    public void Added_clause_is_a_wholly_inserted_paragraph_and_removed_one_wholly_deleted()
    {
        var paragraphs = ClauseParagraphs(Exported);
        var added = paragraphs.Single(p => p.InnerText.Contains("Pre-deployment"));
        Assert.Equal("Uruguay (URY)", added.ParagraphProperties!.ParagraphMarkRunProperties!.GetFirstChild<Inserted>()!.Author!.Value);
        Assert.Empty(added.Elements<Run>());
        Assert.Equal("OP3 bis", added.Elements<InsertedRun>().First().InnerText.TrimEnd());

        var removed = paragraphs.Single(p => p.Descendants<DeletedText>().Any(t => t.Text.Contains("Special Adviser")));
        Assert.Equal("Nepal (NPL)", removed.ParagraphProperties!.ParagraphMarkRunProperties!.GetFirstChild<Deleted>()!.Author!.Value);
        Assert.Empty(removed.Elements<Run>());
    }

    private static string View(Paragraph p, bool accept) => string.Concat(p.Descendants().Select(e => e switch
    {
        Text t when accept || !t.Ancestors<InsertedRun>().Any() => t.Text,
        DeletedText d when !accept => d.Text,
        _ => "",
    }));

    [Fact]
    public void Accepting_all_gives_the_new_text_and_rejecting_all_the_base_text()
    {
        var paragraphs = ClauseParagraphs(Exported);
        var op1 = paragraphs.Single(p => p.InnerText.StartsWith("OP1"));
        Assert.Equal("OP1The troop-contributing country [should] ensure compliance.", View(op1, accept: true));
        Assert.Equal("OP1The troop-contributing country [shall] ensure compliance.", View(op1, accept: false));
    }

    [Fact]
    public void Pandoc_reads_the_insertions_and_deletions_with_their_authors()
    {
        var markdown = ExternalTools.Pandoc("--track-changes=all", "-f", "docx", "-t", "markdown", "--wrap=none", ExternalTools.WriteTemp("redline.docx", Exported));

        Assert.Matches(@"\[should\]\{\.insertion author=""India \(IND\)""", markdown);
        Assert.Matches(@"\[shall\]\{\.deletion author=""France \(FRA\)""", markdown);
        Assert.Contains("author=\"Uruguay (URY)\"", markdown);
        Assert.Contains("author=\"Nepal (NPL)\"", markdown);
    }

    // Issue 15.12: the diff takes a bracket group as one unit; the Word redline of computed diffs must still
    // accept to the new text and reject to the old one exactly, and show a changed group whole.
    [Theory]
    [InlineData("The troop-contributing country [shall][should] ensure compliance.", "The troop-contributing country shall ensure compliance.")]
    [InlineData("The State shall ensure compliance.", "The State [shall certify][should ensure] compliance.")]
    [InlineData("States [shall][should] train all personnel.", "States shall train and certify all personnel.")]
    [InlineData("all [relevant [uniformed]] personnel, [promptly]", "all [relevant [civilian]] personnel, [promptly] [fully]")]
    [InlineData("تلتزم [الدول][الحكومات] بمعايير السلوك", "تلتزم الدول المساهمة بقوات بمعايير السلوك")]
    [InlineData("部队派遣国[应][必须]确保其人员遵守行为标准", "部队派遣国应确保其全体人员遵守行为标准")]
    public void Computed_redline_with_brackets_accepts_to_the_new_text_and_rejects_to_the_old(string before, string after)
    {
        var runs = AttributedDiff.Compute(before, [new AttributedDraft(after, "India (IND)", Samples.T0)]);
        var document = Samples.Clean() with
        {
            Redline = new ExportRedline("Rev.1", [new RedlineClause("c3", "OP1", "", ClauseKind.Operative, RedlineChange.Changed, runs)]),
        };

        var op1 = ClauseParagraphs(Docx.Export(document)).Single(p => p.InnerText.StartsWith("OP1"));

        Assert.Equal("OP1" + after, View(op1, accept: true));
        Assert.Equal("OP1" + before, View(op1, accept: false));
        foreach (var changed in op1.Elements<InsertedRun>().Select(r => r.InnerText)
                     .Concat(op1.Elements<DeletedRun>().Select(r => string.Concat(r.Descendants<DeletedText>().Select(t => t.Text)))))
            Assert.Equal(changed.Count(c => c == '['), changed.Count(c => c == ']'));
    }
}
