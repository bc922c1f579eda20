using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Export;

/// <summary>Makes runs for text: one run per direction segment, tabs and line breaks as Word elements.</summary>
internal sealed class RunFactory(ExportLanguage language)
{
    public ExportLanguage Language { get; } = language;

    /// <summary>Runs for <paramref name="text"/>; <paramref name="deleted"/> writes w:delText as w:del requires.</summary>
    public IEnumerable<Run> Runs(string text, bool deleted = false, bool bold = false)
    {
        foreach (var (segment, rtl) in Scripts.SplitByDirection(Scripts.XmlSafe(text)))
        {
            var run = new Run();
            var props = Properties(segment, rtl || (Language.RightToLeft && !HasStrongLtr(segment)), bold);
            if (props is not null)
                run.Append(props);
            AppendText(run, segment, deleted);
            yield return run;
        }
    }

    private static bool HasStrongLtr(string text) =>
        text.EnumerateRunes().Any(r => Scripts.Of(r) == Scripts.Direction.Ltr);

    private RunProperties? Properties(string segment, bool rtl, bool bold)
    {
        var eastAsian = Scripts.HasEastAsian(segment);
        if (!rtl && !eastAsian && !bold)
            return null;
        // Child order follows the schema (CT_RPr): rFonts, b, bCs, …, rtl, …, lang.
        var props = new RunProperties();
        if (eastAsian)
            props.Append(new RunFonts { EastAsia = ExportLanguage.EastAsianFont, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            props.Append(new Bold());
            props.Append(new BoldComplexScript());
        }
        if (rtl)
            props.Append(new RightToLeftText());
        if (eastAsian)
            props.Append(new Languages { EastAsia = "zh-CN" });
        else if (rtl)
            props.Append(new Languages { Bidi = "ar-SA" });
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
