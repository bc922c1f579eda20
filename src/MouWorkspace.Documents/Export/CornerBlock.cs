using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// The top of a UN document: at the far edge the symbol, "Distr.: General", the date, the copy's language (in a
/// translation) and "Original: English"; at the near edge the session and "Agenda item 4". Paragraphs, not a table, so
/// that readers take them as front matter (the style is based on MouTitleBlock) and nothing of them becomes a clause.
/// </summary>
internal static class CornerBlock
{
    public static IEnumerable<Paragraph> Build(ExportDocument document, ExportIdentity identity, RunFactory runs)
    {
        var words = runs.Language.Words;
        // Far edge: right in a left-to-right document, left in a right-to-left one. Word reads w:jc of a bidi paragraph
        // logically (left is the start, right the end) and LibreOffice follows it, so the same values serve both directions.
        var far = JustificationValues.Right;
        var near = JustificationValues.Left;
        yield return TitleBlock.Line(StyleSheet.CornerBlock, identity.Symbol, runs, far, bold: true);
        yield return TitleBlock.Line(StyleSheet.CornerBlock, identity.Distribution == "limited" ? words.Limited : words.General, runs, far);
        yield return TitleBlock.Line(StyleSheet.CornerBlock, TitleBlock.FormatDate(document.Date, runs), runs, far);
        if (document.Language != identity.OriginalLanguage)
            yield return TitleBlock.Line(StyleSheet.CornerBlock, words.LanguageLine(document.Language), runs, far);
        yield return TitleBlock.Line(StyleSheet.CornerBlock, words.OriginalLine(identity.OriginalLanguage), runs, far);
        if (!string.IsNullOrWhiteSpace(identity.Session))
            yield return TitleBlock.Line(StyleSheet.CornerBlock, identity.Session, runs, near);
        if (!string.IsNullOrWhiteSpace(identity.AgendaItem))
            yield return TitleBlock.Line(StyleSheet.CornerBlock, string.Format(words.AgendaItem, identity.AgendaItem), runs, near);
    }
}
