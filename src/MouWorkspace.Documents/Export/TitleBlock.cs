using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Revisions;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// The corner block (symbol, distribution, date, original language; session and agenda item), then organization,
/// title, symbol, date and the "Advance unedited version" mark, as a secretariat circulates them, in the document's language.
/// </summary>
internal static class TitleBlock
{
    public static IEnumerable<Paragraph> Build(ExportDocument document, RunFactory runs, int clauses)
    {
        var words = runs.Language.Words;
        if (document.Identity is { } identity)
        {
            foreach (var line in CornerBlock.Build(document, identity, runs))
                yield return line;
        }
        yield return Line(StyleSheet.TitleBlock, document.Organization, runs);
        yield return Line("Title", document.Title, runs);
        yield return Line(StyleSheet.TitleBlock, SymbolLine(document, words), runs);
        if (DocumentSymbol.KindOf(document.Symbol) is var kind and (SymbolKind.Addendum or SymbolKind.Corrigendum))
            yield return Line(StyleSheet.TitleBlock, kind == SymbolKind.Addendum ? words.Addendum : words.Corrigendum, runs);
        if (document.Redline is not null)
            yield return Line(StyleSheet.TitleBlock, document.Redline.Caption ?? string.Format(words.ChangesFrom, document.Redline.BaseSymbol), runs);
        // With a corner block the date stands there, as in a UN document.
        if (document.Identity is null)
            yield return Line(StyleSheet.TitleBlock, FormatDate(document.Date, runs), runs);
        if (document.AdvanceUnedited)
            yield return Line(StyleSheet.TitleBlock, words.AdvanceUnedited, runs);
        if (TranslationNote.Summary(document.Translation, clauses) is { } note)
        {
            var line = Line(StyleSheet.TitleBlock, string.Empty, runs);
            line.Append(runs.Latin(note, RunFactory.NoteStyle));
            yield return line;
        }
    }

    /// <summary>"Rev.2", or "Draft" (in the document's language) for the current drafts, which have no symbol yet.</summary>
    public static string SymbolLine(ExportDocument document, Labels words) => document.Symbol ?? words.Draft;

    /// <summary>In the document's language, fixed format: the output must not depend on the server's culture.</summary>
    public static string FormatDate(DateOnly date, RunFactory runs) => DocumentDates.Format(date, runs.Language.Code);

    public static Paragraph Line(string style, string text, RunFactory runs, JustificationValues? justification = null, bool bold = false)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (runs.Language.RightToLeft)
            props.Append(new BiDi());
        if (justification is { } jc)
            props.Append(new Justification { Val = jc });
        var paragraph = new Paragraph(props);
        paragraph.Append(runs.Runs(text, bold: bold));
        return paragraph;
    }
}
