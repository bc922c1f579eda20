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
public static class WordImporter
{
    /// <exception cref="DocumentRejectedException">the upload is not a safe, readable Word document.</exception>
    public static ImportedText Read(Stream input, ImportOptions options) =>
        Import.SafeOpen.Read(input, options, (_, main) => Parse(main.Document!.Body!, new StyleMap(main), options));

    private sealed class Draft(string? number, ClauseKind kind, string heading, bool fromHeading)
    {
        public string? Number { get; set; } = number;
        public ClauseKind Kind { get; set; } = kind;
        public string Heading { get; } = heading;
        public bool FromHeading { get; } = fromHeading;
        public List<string> Paragraphs { get; } = [];

        public ImportedClause Build() => new(Number, Kind, Heading, string.Join("\n", Paragraphs));
    }

    private static ImportedText Parse(Body body, StyleMap styles, ImportOptions options)
    {
        string? title = null;
        var clauses = new List<Draft>();
        var frontMatter = new List<string>();
        Draft? current = null;
        var lastKind = options.DefaultKind;

        foreach (var paragraph in body.Elements<Paragraph>())
        {
            var role = styles.RoleOf(paragraph);
            if (role == ParagraphRole.AnnexHeading)
                break;
            var text = ParagraphText.Of(paragraph).Accepted.Trim();
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

        if (clauses.Count == 0)
            return new ImportedText(title, frontMatter.Select(t => new ImportedClause(null, options.DefaultKind, string.Empty, t)).ToList());
        return new ImportedText(title, clauses.Select(c => c.Build()).ToList());
    }
}
