using System.Globalization;
using System.Xml.Linq;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Pdf;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

/// <summary>The PDF room paper (issue 18.10), read back with poppler (pdftotext -bbox: every word with its box, per page).</summary>
public class RoomPaperPdfTests
{
    private const double Margin = 72;

    private sealed record Word(int Page, string Text, double X, double XMax, double Y, double PageWidth);

    private static string Write(ExportDocument document) => ExternalTools.WriteTemp("room-paper.pdf", PdfExporter.ToBytes(document));

    private static List<Word> Words(string pdf)
    {
        var xhtml = XDocument.Parse(RunPdfToText(["-bbox", "-enc", "UTF-8", pdf, "-"]));
        double N(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        return xhtml.Descendants().Where(e => e.Name.LocalName == "page").SelectMany((page, i) => page.Descendants()
            .Where(e => e.Name.LocalName == "word")
            .Select(w => new Word(i + 1, w.Value, N(w, "xMin"), N(w, "xMax"), N(w, "yMax"), N(page, "width")))).ToList();
    }

    private static string RunPdfToText(string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", args)
            { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    /// <summary>The text in reading order, without the bidi marks pdftotext puts around right-to-left and number runs.</summary>
    private static string Text(string pdf) =>
        new(RunPdfToText(["-enc", "UTF-8", pdf, "-"]).Where(c => c is not (>= '\u202A' and <= '\u202E')).ToArray());

    /// <summary>The margin numbers of a page (left margin, or right in Arabic) with the words on the same line beside them.</summary>
    private static List<(int Number, List<Word> Line)> NumberedLines(List<Word> words, int page, bool rightToLeft = false)
    {
        var own = words.Where(w => w.Page == page).ToList();
        var numbers = own.Where(w => (rightToLeft ? w.X > w.PageWidth - Margin : w.XMax < Margin) && int.TryParse(w.Text, out _)).OrderBy(w => w.Y);
        return numbers.Select(n => (int.Parse(n.Text, CultureInfo.InvariantCulture),
            own.Where(w => w != n && Math.Abs(w.Y - n.Y) < 3).OrderBy(w => w.X).ToList())).ToList();
    }

    private static ExportDocument Long(string language = "en", int clauses = 60) => Samples.Clean(language,
        Enumerable.Range(1, clauses).Select(i => new ExportClause($"c{i}", $"OP{i}", i % 3 == 0 ? $"Heading {i}" : "",
            string.Join(' ', Enumerable.Repeat($"Clause {i} text that wraps over the lines of the room paper", 3)), ClauseKind.Operative)).ToList());

    [Fact]
    public void Every_line_of_the_text_is_numbered_in_the_margin_and_the_numbers_restart_on_each_page()
    {
        var pdf = Write(Long());
        var words = Words(pdf);
        var pages = words.Max(w => w.Page);
        Assert.True(pages >= 3, $"{pages} pages");
        for (var page = 1; page <= pages; page++)
        {
            var lines = NumberedLines(words, page);
            Assert.True(lines.Count >= 5, $"page {page}: {lines.Count} numbered lines");
            // 1, 2, 3 … down the page, each beside a line of text.
            Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => l.Number));
            Assert.All(lines, l => Assert.NotEmpty(l.Line));
        }
        // The first numbered line of the text is the first clause's; the title block is not counted.
        var first = NumberedLines(words, 1)[0].Line;
        Assert.Equal("OP1", first[0].Text);
        Assert.Equal("Clause", first[1].Text);
        Assert.DoesNotContain(NumberedLines(words, 1), l => l.Line.Any(w => w.Text == "Model"));
        Assert.Contains($"Page 2 of {pages}", Text(pdf));
    }

    [Fact]
    public void Arabic_is_shaped_right_to_left_numbered_in_the_right_margin_and_read_back_in_logical_order()
    {
        var arabic = Samples.Arabic + " (ST/SGB/2003/13) " + Samples.Arabic;
        var pdf = Write(Samples.Clean("ar", [new ExportClause("a", "OP1", "", arabic, ClauseKind.Operative)]));

        var text = Text(pdf);
        // The lam-alef ligature too: each glyph run carries its text, so the words come back as typed.
        Assert.Contains(Samples.Arabic, text);
        var words = Words(pdf);
        var lines = NumberedLines(words, 1, rightToLeft: true);
        Assert.Equal(1, lines[0].Number);
        // The clause number stands at the right edge of the text, the text ends at the left (ragged left).
        var label = words.Single(w => w.Text == "OP1");
        Assert.True(label.XMax > label.PageWidth - Margin - 2, $"OP1 at {label.X}–{label.XMax}");
        // "(ST/SGB/2003/13)" reads left to right inside the Arabic line.
        Assert.Contains(words, w => w.Text.Contains("(ST/SGB/2003/13)", StringComparison.Ordinal));

        // A sentence that ends on a Latin word: its full stop is at the paragraph's end, the left in Arabic.
        var ending = Write(Samples.Clean("ar", [new ExportClause("b", "OP2", "", Samples.Arabic + " (ST/SGB/2003/13).", ClauseKind.Operative)]));
        var symbol = Words(ending).Single(w => w.Text.Contains("ST/SGB/2003/13", StringComparison.Ordinal));
        Assert.StartsWith(".", symbol.Text, StringComparison.Ordinal);
        // pdftotext joins a number to the Arabic word beside it in its text (the boxes show the gap): compare without spaces.
        Assert.Contains("الصفحة1من1", new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()));
    }

    [Fact]
    public void Chinese_is_drawn_with_the_simplified_chinese_face_of_the_cjk_collection_and_read_back()
    {
        // A CJK collection holds Japanese, Korean and Chinese faces; the first is Japanese (its glyph forms differ).
        var face = PdfFonts.Shared.Face(PdfScript.Chinese, bold: false);
        Assert.EndsWith("CJK SC", face.Typeface.FamilyName, StringComparison.Ordinal);

        var pdf = Write(Samples.Clean("zh", [new ExportClause("z", "执行部分第1段", "", Samples.Chinese + "，" + Samples.Chinese + "。", ClauseKind.Operative)]));
        var text = Text(pdf);
        Assert.Contains(Samples.Chinese + "，" + Samples.Chinese + "。", new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()));
        Assert.Contains("第 1 页，共 1 页", text);
    }

    [Fact]
    public void A_redline_keeps_the_deleted_and_the_inserted_words_and_says_how_they_are_marked()
    {
        var text = Text(Write(Samples.Redline()));

        Assert.Contains("Changes from Rev.1: additions underlined, deletions struck through", text);
        Assert.Contains("[shallshould] ensure compliance.", text); // "shall" deleted, "should" inserted, no space between them
        Assert.Contains("Noting the report of the Special Adviser,", text); // the removed clause, struck through
        Assert.Contains("Pre-deployment training on the standards of conduct", text); // the added one
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_over_lines_and_nothing_runs_off_the_page()
    {
        var token = string.Concat(Enumerable.Range(0, 400).Select(i => (char)('a' + i % 26)));
        var long20k = string.Join(' ', Enumerable.Repeat("word", 4000));
        var pdf = Write(Samples.Clean("en", [
            new ExportClause("t", "OP1", "", "See " + token + " here.", ClauseKind.Operative),
            new ExportClause("l", "OP2", "", long20k, ClauseKind.Operative)]));

        var words = Words(pdf);
        Assert.All(words, w => Assert.True(w.XMax <= w.PageWidth - Margin + 1, $"'{w.Text}' ends at {w.XMax} on page {w.Page}"));
        Assert.Contains(token, string.Concat(words.Select(w => w.Text)));
        Assert.Equal(4000, words.Count(w => w.Text == "word"));
    }

    [Fact]
    public void A_translated_clause_marked_untranslated_says_so_in_the_pdf()
    {
        var document = Samples.Clean("fr", [
            new ExportClause("c1", "OP1", "", "The text in English.", ClauseKind.Operative),
            new ExportClause("c2", "OP2", "Training", "Le texte en français.", ClauseKind.Operative)]) with
        {
            Translation = new TranslationNotes("en", new Dictionary<string, ClauseTranslation> { ["c1"] = new(TranslationMark.Untranslated, null, 1) })
            {
                OriginalHeadings = new HashSet<string> { "c2" },
            },
        };
        var text = Text(Write(document));
        // The heading shown in the original, and its note after a space.
        Assert.Contains("Training [Heading not yet translated", text);
        Assert.Contains("The text in English.", text);
        Assert.Contains("Page 1 sur 1", text);
        Assert.Contains("[", text); // the note before the clause: not yet translated
    }
}
