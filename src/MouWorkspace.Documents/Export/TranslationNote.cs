using System.Globalization;
using MouWorkspace.Documents.Model;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// The words that mark a language version's gaps: before an untranslated or outdated clause, and once in the title
/// block. English in every language, like the document's other labels ("Page", "Annex").
/// </summary>
internal static class TranslationNote
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["ar"] = "Arabic", ["zh"] = "Chinese", ["en"] = "English", ["fr"] = "French", ["ru"] = "Russian", ["es"] = "Spanish",
    };

    public static string LanguageName(string code) => Names.GetValueOrDefault(code, code);

    /// <summary>"[Not yet translated — English original]", "[Translation out of date: translates v2 of the original, now v4]".</summary>
    public static string ForClause(ClauseTranslation mark, string originalLanguage) => mark.Mark switch
    {
        TranslationMark.Untranslated => $"[Not yet translated — {LanguageName(originalLanguage)} original]",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"[Translation out of date: translates v{mark.TranslatesDraft} of the original, now v{mark.OriginalDraft}]"),
    };

    /// <summary>"[Heading not yet translated — English original]", after the original's heading shown in a translation.</summary>
    public static string ForHeading(string originalLanguage) => $"[Heading not yet translated — {LanguageName(originalLanguage)} original]";

    /// <summary>
    /// "Translation incomplete: 1 of 3 clauses not yet translated (shown in the English original); 1 of 3 translations
    /// out of date." Null when the language version has no gap.
    /// </summary>
    public static string? Summary(TranslationNotes? notes, int clauses)
    {
        if (notes is null || notes.Clauses.Count == 0)
            return null;
        var untranslated = notes.Clauses.Values.Count(c => c.Mark == TranslationMark.Untranslated);
        var outdated = notes.Clauses.Values.Count(c => c.Mark == TranslationMark.Outdated);
        var parts = new List<string>();
        if (untranslated > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{untranslated} of {clauses} {(clauses == 1 ? "clause" : "clauses")} not yet translated (shown in the {LanguageName(notes.OriginalLanguage)} original)"));
        if (outdated > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{outdated} of {clauses} {(clauses == 1 ? "translation" : "translations")} out of date"));
        return "Translation incomplete: " + string.Join("; ", parts) + ".";
    }
}
