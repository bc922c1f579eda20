using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>Organization, title, symbol, date and the "Advance unedited version" mark, as a secretariat circulates them.</summary>
internal static class TitleBlock
{
    public const string AdvanceUnedited = "Advance unedited version";

    public static IEnumerable<Paragraph> Build(ExportDocument document, RunFactory runs, int clauses)
    {
        yield return Line(StyleSheet.TitleBlock, document.Organization, runs);
        yield return Line("Title", document.Title, runs);
        yield return Line(StyleSheet.TitleBlock, SymbolLine(document), runs);
        if (document.Redline is not null)
            yield return Line(StyleSheet.TitleBlock, document.Redline.Caption ?? $"Changes from {document.Redline.BaseSymbol} are shown as tracked changes", runs);
        yield return Line(StyleSheet.TitleBlock, FormatDate(document.Date), runs);
        if (document.AdvanceUnedited)
            yield return Line(StyleSheet.TitleBlock, AdvanceUnedited, runs);
        if (TranslationNote.Summary(document.Translation, clauses) is { } note)
        {
            var line = Line(StyleSheet.TitleBlock, string.Empty, runs);
            line.Append(runs.Latin(note, RunFactory.NoteStyle));
            yield return line;
        }
    }

    /// <summary>"Rev.2", or "Draft" for the current drafts, which have no symbol yet.</summary>
    public static string SymbolLine(ExportDocument document) => document.Symbol ?? "Draft";

    // Invariant English, fixed format: the output must not depend on the server's culture.
    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static Paragraph Line(string style, string text, RunFactory runs)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (runs.Language.RightToLeft)
            props.Append(new BiDi());
        var paragraph = new Paragraph(props);
        paragraph.Append(runs.Runs(text));
        return paragraph;
    }
}
