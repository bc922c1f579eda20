namespace MouWorkspace.Documents.Export;

/// <summary>Per-language settings: direction, the w:lang tags and fonts that display the script.</summary>
internal sealed record ExportLanguage(string Code, string LangTag, bool RightToLeft)
{
    /// <summary>The document's own words ("Page", "Annex", "Original: English") in this language.</summary>
    public Labels Words => Labels.For(Code);

    // Fonts that exist on Windows/Office and have metric-compatible or script-covering fallbacks in
    // LibreOffice on Linux; the cs font is what Word uses for right-to-left runs.
    public const string LatinFont = "Times New Roman";
    public const string ComplexFont = "Arial";
    public const string EastAsianFont = "SimSun";

    public static ExportLanguage For(string? code) => (code ?? "en").ToLowerInvariant() switch
    {
        "ar" => new("ar", "ar-SA", true),
        "zh" => new("zh", "zh-CN", false),
        "ru" => new("ru", "ru-RU", false),
        "fr" => new("fr", "fr-FR", false),
        "es" => new("es", "es-ES", false),
        "en" => new("en", "en-GB", false),
        var other => throw new ArgumentException($"language '{other}' is not one of en, ar, zh, ru, fr, es", nameof(code)),
    };
}
