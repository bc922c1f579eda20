using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Reading;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Import;

/// <summary>
/// Reads a .docx as a negotiating text. Rules, in document order over the body's top-level paragraphs:
/// a Title-styled paragraph gives the title; a heading opens a clause with that heading; a paragraph
/// starting with a PP/OP number, or a list item, is a clause (filling a just-opened heading's clause
/// when that one has no text yet); any other paragraph continues the current clause. Paragraphs before
/// the first clause are front matter, unless the document has no clause at all (then each becomes one).
/// Tracked changes are read as accepted; tables and our positions annex are not clause text.
/// </summary>
public static partial class WordImporter
{
    [System.Text.RegularExpressions.GeneratedRegex(" {2,}")]
    private static partial System.Text.RegularExpressions.Regex MultipleSpaces();

    /// <exception cref="DocumentRejectedException">the upload is not a safe, readable Word document.</exception>
    public static ImportedText Read(Stream input, ImportOptions options) =>
        Import.SafeOpen.Read(input, options, (_, main) => Parse(main, new StyleMap(main), options));

    private sealed class Draft(string? number, ClauseKind kind, string heading, bool fromHeading)
    {
        public string? Number { get; set; } = number;
        public ClauseKind Kind { get; set; } = kind;
        public string Heading { get; } = heading;
        public bool FromHeading { get; } = fromHeading;
        public List<string> Paragraphs { get; } = [];

        public ImportedClause Build() => new(Number, Kind, Heading, string.Join("\n", Paragraphs));
    }

    private static ImportedText Parse(MainDocumentPart main, StyleMap styles, ImportOptions options)
    {
        var body = main.Document!.Body!;
        string? title = null;
        var clauses = new List<Draft>();
        var frontMatter = new List<string>();
        var leftOut = new List<LeftOut>();
        Draft? current = null;
        var lastKind = options.DefaultKind;
        string Place() => current is null ? "the front matter" : current.Number ?? (current.Heading.Length > 0 ? $"“{current.Heading}”" : $"clause {clauses.Count}");

        var blocks = BlockParagraphs.Blocks(body).ToList();
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block is not Paragraph paragraph)
            {
                // A table is not clause text (our own positions annex is one); what it holds is reported.
                var words = ParagraphText.Words(string.Join(" ", block.Descendants<Text>().Select(t => t.Text)));
                if (words > 0)
                    leftOut.Add(new LeftOut("table", current is null ? "before the first clause" : $"after {Place()}", words));
                continue;
            }
            var role = styles.RoleOf(paragraph);
            if (role == ParagraphRole.AnnexHeading)
            {
                // An annex (our positions annex) is not clause text: what follows its heading is reported as one.
                var annexWords = blocks.Skip(index).Sum(b => ParagraphText.Words(string.Join(" ", b.Descendants<Text>().Select(t => t.Text))));
                leftOut.Add(new LeftOut("annex", "after the text", annexWords));
                break;
            }
            // Spaces collapse: a text box or drawing taken out of a sentence leaves the spaces around it ("the figure  here").
            var text = MultipleSpaces().Replace(ParagraphText.Of(paragraph).Accepted, " ").Trim();
            Notes(main, paragraph, () => labelledPlace(text), leftOut);
            if (text.Length == 0 || role == ParagraphRole.FrontMatter)
                continue;
            if (role == ParagraphRole.Title)
            {
                title ??= text;
                continue;
            }

            var labelled = NumberLabel.TryRead(text, out var number, out var kind, out var rest);
            if (labelled)
                lastKind = kind;
            if (role == ParagraphRole.Heading)
            {
                current = new Draft(labelled ? number : null, lastKind, labelled ? rest : text, fromHeading: true);
                clauses.Add(current);
                continue;
            }

            if (labelled || styles.IsListItem(paragraph))
            {
                var clauseText = labelled ? rest : text;
                if (current is { FromHeading: true, Paragraphs.Count: 0 } && (current.Number is null || !labelled))
                {
                    current.Number ??= labelled ? number : null;
                    current.Kind = lastKind;
                    current.Paragraphs.Add(clauseText);
                    continue;
                }
                current = new Draft(labelled ? number : null, lastKind, string.Empty, fromHeading: false);
                current.Paragraphs.Add(clauseText);
                clauses.Add(current);
                continue;
            }

            if (current is null)
                frontMatter.Add(text);
            else
                current.Paragraphs.Add(text);
        }

        foreach (var comment in main.WordprocessingCommentsPart?.Comments?.Elements<Comment>() ?? [])
            leftOut.Add(new LeftOut("comment", "in the document", ParagraphText.Words(string.Join(" ", comment.Descendants<Text>().Select(t => t.Text)))));
        if (clauses.Count == 0)
            return new ImportedText(title, frontMatter.Select(t => new ImportedClause(null, options.DefaultKind, string.Empty, t)).ToList()) { LeftOut = leftOut };
        if (frontMatter.Count > 0)
            leftOut.Insert(0, new LeftOut("front matter", "before the first clause", frontMatter.Sum(ParagraphText.Words)));
        return new ImportedText(title, clauses.Select(c => c.Build()).ToList()) { LeftOut = leftOut };

        // Where a paragraph's notes and text boxes stand: its own number when it starts with one, else the clause it continues.
        string labelledPlace(string text) =>
            NumberLabel.TryRead(text, out var number, out _, out _) ? number! : Place();
    }

    /// <summary>A paragraph's text boxes, footnotes and endnotes: not clause text, reported with their words.</summary>
    private static void Notes(MainDocumentPart main, Paragraph paragraph, Func<string> place, List<LeftOut> leftOut)
    {
        if (ParagraphText.TextBoxWords(paragraph) is > 0 and var boxWords)
            leftOut.Add(new LeftOut("text box", $"in {place()}", boxWords));
        foreach (var reference in paragraph.Descendants<FootnoteReference>())
            if (main.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == reference.Id?.Value) is { } note)
                leftOut.Add(new LeftOut("footnote", $"in {place()}", ParagraphText.Words(string.Join(" ", note.Descendants<Text>().Select(t => t.Text)))));
        foreach (var reference in paragraph.Descendants<EndnoteReference>())
            if (main.EndnotesPart?.Endnotes?.Elements<Endnote>().FirstOrDefault(f => f.Id?.Value == reference.Id?.Value) is { } note)
                leftOut.Add(new LeftOut("endnote", $"in {place()}", ParagraphText.Words(string.Join(" ", note.Descendants<Text>().Select(t => t.Text)))));
    }
}
