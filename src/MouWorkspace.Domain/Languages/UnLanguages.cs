namespace MouWorkspace.Domain.Languages;

/// <summary>One of the six official UN languages: its code (ISO 639-1), name, script direction and BCP 47 tag.</summary>
public sealed record UnLanguage(string Code, string Name, string NativeName, bool RightToLeft, string Tag, string Iso6392)
{
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>The six official languages of the UN, in the UN's (English alphabetical) order.</summary>
public static class UnLanguages
{
    public static readonly IReadOnlyList<UnLanguage> All =
    [
        new("ar", "Arabic", "العربية", true, "ar", "ara"),
        new("zh", "Chinese", "中文", false, "zh-CN", "zho"),
        new("en", "English", "English", false, "en", "eng"),
        new("fr", "French", "Français", false, "fr", "fra"),
        new("ru", "Russian", "Русский", false, "ru", "rus"),
        new("es", "Spanish", "Español", false, "es", "spa"),
    ];

    public const string Default = "en";

    public static string Codes => string.Join(", ", All.Select(l => l.Code));

    /// <summary>The language for a code, case-insensitive ("FR" is French); null for anything else.</summary>
    public static UnLanguage? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(l => string.Equals(l.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsKnown(string? code) => Find(code) is not null;
}
