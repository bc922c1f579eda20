using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// Makes runs for text: one run per direction segment, tabs and line breaks as Word elements. In a right-to-left
/// document a left-to-right stretch ("1 December 2026", "OP3 bis", "ST/SGB/2003/13") is written as a run of its own
/// without w:rtl and wrapped in U+2066 LRI … U+2069 PDI, so its digits and words keep their order inside the
/// right-to-left paragraph (without it LibreOffice showed "December 2026 1"). The isolates are markup the exporter adds,
/// as Word does; the readers drop them again (<c>Reading/ParagraphText</c>). With <paramref name="explicitLanguage"/> every
/// run names its language (w:lang w:val), for a clause written in a language other than the document's.
/// </summary>
internal sealed class RunFactory(ExportLanguage language, bool explicitLanguage = false)
{
    public const char Lri = '\u2066';
    public const char Pdi = '\u2069';
    public const string NoteStyle = "MouTranslationNote";

    public ExportLanguage Language { get; } = language;

    /// <summary>Runs for <paramref name="text"/>; <paramref name="deleted"/> writes w:delText as w:del requires.</summary>
    public IEnumerable<Run> Runs(string text, bool deleted = false, bool bold = false, string? style = null)
    {
        foreach (var (segment, rtl) in Scripts.SplitByDirection(Scripts.XmlSafe(text)))
        {
            if (!Language.RightToLeft || rtl)
            {
                yield return Make(segment, rtl || (Language.RightToLeft && !HasStrongLtr(segment)), deleted, bold, style);
                continue;
            }
            // Left-to-right text in a right-to-left document: isolate it from its first to its last letter or digit; the
            // spaces, tabs and punctuation around it stay in the paragraph's direction.
            var (start, end) = Scripts.LtrCore(segment);
            if (start > 0)
                yield return Make(segment[..start], true, deleted, bold, style);
            yield return Make(Lri + segment[start..end] + Pdi, false, deleted, bold, style);
            if (end < segment.Length)
                yield return Make(segment[end..], true, deleted, bold, style);
        }
    }

    /// <summary>
    /// One left-to-right run for text that must read as a whole (a note in English, "Page "): isolated as one piece in a
    /// right-to-left document, brackets and punctuation included. <paramref name="open"/>/<paramref name="close"/> let a
    /// caller isolate a stretch that spans several runs, such as the footer's "Page X of Y" with its fields.
    /// </summary>
    public Run Latin(string text, string? style = null, bool open = true, bool close = true)
    {
        var safe = Scripts.XmlSafe(text);
        if (Language.RightToLeft)
            safe = (open ? Lri.ToString() : "") + safe + (close ? Pdi.ToString() : "");
        return Make(safe, false, false, false, style);
    }

    private Run Make(string segment, bool rtl, bool deleted, bool bold, string? style)
    {
        var run = new Run();
        if (Properties(segment, rtl, bold, style) is { } props)
            run.Append(props);
        AppendText(run, segment, deleted);
        return run;
    }

    private static bool HasStrongLtr(string text) =>
        text.EnumerateRunes().Any(r => Scripts.Of(r) == Scripts.Direction.Ltr);

    private RunProperties? Properties(string segment, bool rtl, bool bold, string? style)
    {
        var eastAsian = Scripts.HasEastAsian(segment);
        // In a right-to-left document every run names the complex-script language (w:lang w:bidi), Latin ones included.
        var bidiLanguage = rtl || Language.RightToLeft;
        if (!rtl && !eastAsian && !bold && style is null && !explicitLanguage && !bidiLanguage)
            return null;
        // Child order follows the schema (CT_RPr): rStyle, rFonts, b, bCs, …, rtl, …, lang.
        var props = new RunProperties();
        if (style is not null)
            props.Append(new RunStyle { Val = style });
        if (eastAsian)
            props.Append(new RunFonts { EastAsia = ExportLanguage.EastAsianFont, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            props.Append(new Bold());
            props.Append(new BoldComplexScript());
        }
        if (rtl)
            props.Append(new RightToLeftText());
        var lang = new Languages();
        if (explicitLanguage)
            lang.Val = Language.LangTag;
        if (eastAsian)
            lang.EastAsia = "zh-CN";
        else if (bidiLanguage)
            lang.Bidi = "ar-SA";
        if (lang.HasAttributes)
            props.Append(lang);
        return props;
    }

    private static void AppendText(Run run, string text, bool deleted)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (i < text.Length && c is not ('\t' or '\n' or '\r'))
                continue;
            if (i > start)
                run.Append(deleted
                    ? new DeletedText(text[start..i]) { Space = SpaceProcessingModeValues.Preserve }
                    : new Text(text[start..i]) { Space = SpaceProcessingModeValues.Preserve });
            if (c == '\t')
                run.Append(new TabChar());
            else if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                run.Append(new Break());
            start = i + 1;
        }
    }
}
