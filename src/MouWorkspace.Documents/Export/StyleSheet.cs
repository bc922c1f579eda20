using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// The styles part: Word's built-in ids (Normal, Title, Heading1 …) so Word's navigation pane, TOC and
/// other tools recognise them, plus our own styles that the importer and markup reader key on.
/// </summary>
internal static class StyleSheet
{
    public const string TitleBlock = "MouTitleBlock";
    public const string Clause = "MouClause";
    public const string AnnexHeading = "MouAnnexHeading";
    public const string CornerBlock = "MouCornerBlock";

    public static Styles Build(ExportLanguage language)
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts
                    {
                        Ascii = ExportLanguage.LatinFont, HighAnsi = ExportLanguage.LatinFont,
                        EastAsia = ExportLanguage.EastAsianFont, ComplexScript = ExportLanguage.ComplexFont,
                    },
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = language.Code == "ar" || language.Code == "zh" ? "en-GB" : language.LangTag, EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(Paragraph("Normal", "Normal", null, isDefault: true));
        // Front matter is not counted by the line numbers (the section's lnNumType): line 1 is the text's first line.
        styles.Append(Paragraph("Title", "Title", "Normal", outline: null, size: 32, bold: true, center: true, unnumbered: true));
        styles.Append(Paragraph("Subtitle", "Subtitle", "Normal", size: 24, center: true, unnumbered: true));
        styles.Append(Paragraph("Heading1", "heading 1", "Normal", outline: 0, size: 26, bold: true));
        styles.Append(Paragraph("Heading2", "heading 2", "Normal", outline: 1, size: 24, bold: true));
        styles.Append(Paragraph(TitleBlock, "MOU title block", "Normal", center: true, unnumbered: true));
        // Based on the title block, so that the importer and the markup reader take the corner block as front matter too.
        var corner = Paragraph(CornerBlock, "MOU corner block", TitleBlock);
        corner.StyleParagraphProperties = new StyleParagraphProperties(new SuppressLineNumbers(), new SpacingBetweenLines { After = "0" });
        styles.Append(corner);
        // Hanging indent: the label "OP3 bis" sits in the hanging space and the text aligns at 2 cm after the tab.
        var clause = Paragraph(Clause, "MOU clause", "Normal");
        clause.StyleParagraphProperties = new StyleParagraphProperties(new Indentation { Left = "1134", Hanging = "1134" });
        styles.Append(clause);
        styles.Append(Paragraph(AnnexHeading, "MOU annex heading", "Heading1", outline: 0, size: 26, bold: true));
        styles.Append(Paragraph("Header", "header", "Normal", size: 18));
        styles.Append(Paragraph("Footer", "footer", "Normal", size: 18, center: true));
        styles.Append(Paragraph("CommentText", "annotation text", "Normal", size: 20));
        styles.Append(new Style(new StyleName { Val = "annotation reference" }, new BasedOn { Val = "DefaultParagraphFont" },
            new StyleRunProperties(new FontSize { Val = "16" }))
        { Type = StyleValues.Character, StyleId = "CommentReference" });
        // The exporter's own notes in a language version ("[Not yet translated — English original]"): italic, grey.
        styles.Append(new Style(new StyleName { Val = "MOU translation note" }, new BasedOn { Val = "DefaultParagraphFont" },
            new StyleRunProperties(new Italic(), new ItalicComplexScript(), new Color { Val = "595959" }))
        { Type = StyleValues.Character, StyleId = RunFactory.NoteStyle });
        styles.Append(new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 })
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true });
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    private static Style Paragraph(string id, string name, string? basedOn, int? outline = null, int? size = null,
        bool bold = false, bool center = false, bool isDefault = false, bool unnumbered = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
            paragraph.Append(new KeepNext());
        if (unnumbered)
            paragraph.Append(new SuppressLineNumbers());
        if (outline is not null)
            paragraph.Append(new SpacingBetweenLines { Before = "240", After = "120" });
        if (center)
            paragraph.Append(new Justification { Val = JustificationValues.Center });
        if (outline is not null)
            paragraph.Append(new OutlineLevel { Val = outline });
        if (paragraph.HasChildren)
            style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
            run.Append(new BoldComplexScript());
        }
        if (size is not null)
        {
            run.Append(new FontSize { Val = size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            run.Append(new FontSizeComplexScript { Val = size.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (run.HasChildren)
            style.Append(run);
        return style;
    }
}
