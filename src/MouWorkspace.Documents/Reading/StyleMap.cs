using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Reading;

internal enum ParagraphRole { Body, Title, FrontMatter, Heading, AnnexHeading }

/// <summary>
/// What a paragraph is, from its style chain: producers differ in style ids (Word/LibreOffice/pandoc
/// "Heading1", localized names, outline levels), so ids, names and outline levels are all consulted.
/// </summary>
internal sealed class StyleMap
{
    private readonly Dictionary<string, Style> _styles;

    public StyleMap(MainDocumentPart main)
    {
        _styles = new Dictionary<string, Style>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
                _styles.TryAdd(id, style);
        }
    }

    public ParagraphRole RoleOf(Paragraph paragraph)
    {
        var props = paragraph.ParagraphProperties;
        var chain = Chain(props?.ParagraphStyleId?.Val?.Value).ToList();
        if (chain.Any(s => Is(s, "MouAnnexHeading")))
            return ParagraphRole.AnnexHeading;
        if (chain.Any(s => Is(s, "Title")))
            return ParagraphRole.Title;
        if (chain.Any(s => Is(s, "Subtitle") || Is(s, "MouTitleBlock")))
            return ParagraphRole.FrontMatter;
        var outline = props?.OutlineLevel?.Val?.Value ?? chain.Select(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value).FirstOrDefault(v => v is not null);
        if (outline is >= 0 and < 9)
            return ParagraphRole.Heading;
        return chain.Any(IsHeadingName) ? ParagraphRole.Heading : ParagraphRole.Body;
    }

    /// <summary>Whether the paragraph is a list item (w:numPr directly or through its style).</summary>
    public bool IsListItem(Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        if (direct is not null)
            return direct.NumberingId?.Val?.Value is not 0;
        return Chain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            .Any(s => s.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is > 0);
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < 20 && _styles.TryGetValue(styleId, out var style); depth++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private static bool Is(Style style, string idOrName) =>
        string.Equals(style.StyleId?.Value, idOrName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(style.StyleName?.Val?.Value, idOrName, StringComparison.OrdinalIgnoreCase);

    private static bool IsHeadingName(Style style) =>
        (style.StyleId?.Value ?? string.Empty).StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
        || (style.StyleName?.Val?.Value ?? string.Empty).StartsWith("heading ", StringComparison.OrdinalIgnoreCase);
}
