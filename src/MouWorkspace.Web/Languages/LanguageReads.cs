using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Languages;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Languages;

/// <summary>
/// Reads clauses in a language: the original from the clause grain, a language version from the clause grain under
/// <see cref="ClauseKey.For(string, string, string)"/>. Numbers always come from the original (the MOU keeps them).
/// For the current text a translation shows its latest draft; for a revision, the latest draft that translates the
/// original draft the revision holds (or, failing that, an older one, shown as outdated).
/// </summary>
public static class LanguageReads
{
    public static async Task<LanguageSettings> SettingsAsync(IGrainFactory grains, string mouId) =>
        await grains.GetGrain<IMouLanguagesGrain>(mouId).GetLanguagesAsync() ?? new LanguageSettings(UnLanguages.Default, []);

    /// <summary>400 for a code that is no UN language, 404 for one this MOU has no version in; null (and the language) otherwise.</summary>
    public static IResult? Check(string? code, LanguageSettings settings, string field, out UnLanguage language)
    {
        language = UnLanguages.Find(code) ?? UnLanguages.All[0];
        if (!UnLanguages.IsKnown(code))
            return Problems.Invalid(field, $"{field}: one of {UnLanguages.Codes}");
        if (!settings.Has(language.Code))
            return Problems.NotFound($"this MOU has no {language.Name} version (add it with PUT /api/mous/{{mouId}}/languages/{language.Code})");
        return null;
    }

    /// <summary>The grain holding the clause's text in <paramref name="language"/>: the original clause grain for the original language.</summary>
    public static IClauseGrain ClauseIn(IGrainFactory grains, string mouId, string clauseId, string language, LanguageSettings settings) =>
        grains.GetGrain<IClauseGrain>(language == settings.Original ? ClauseKey.For(mouId, clauseId) : ClauseKey.For(mouId, clauseId, language));

    public static async Task<ClauseLanguageResponse> ReadAsync(IGrainFactory grains, string mouId, ClauseText original, UnLanguage language,
        LanguageSettings settings, bool forRevision, bool withChanges = false)
    {
        if (language.Code == settings.Original)
            return new(original.Id, original.Number, language.Code, language.Direction, original.Heading, original.Text,
                original.Version, null, original.Version, TranslationStatus.ToWire(TranslationState.Original));
        var drafts = await grains.GetGrain<IClauseTranslationGrain>(ClauseKey.For(mouId, original.Id, language.Code)).GetTranslatedDraftsAsync();
        var shown = forRevision
            ? TranslationStatus.ShownForRevision(drafts.Select(d => d.TranslatesDraft).ToArray(), original.Version) is { } index ? drafts[index] : null
            : drafts.LastOrDefault();
        var state = TranslationStatus.Of(shown?.TranslatesDraft, original.Version);
        IReadOnlyList<DiffChange>? changes = null;
        if (withChanges && state == TranslationState.Outdated)
        {
            var originals = await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, original.Id)).GetDraftsAsync();
            if (originals.FirstOrDefault(d => d.Version == shown!.TranslatesDraft) is { } translated)
                changes = WordDiff.Compute(translated.Text, original.Text);
        }
        // The heading in this language: none until the clause is translated (the original heading would be mislabelled).
        return new(original.Id, original.Number, language.Code, language.Direction, shown?.Draft.Heading ?? "",
            shown?.Draft.Text, shown?.Draft.Version ?? 0, shown?.TranslatesDraft, original.Version, TranslationStatus.ToWire(state), changes);
    }

    public static async Task<IReadOnlyList<ClauseLanguageResponse>> ReadAllAsync(IGrainFactory grains, string mouId, IReadOnlyList<ClauseText> originals,
        UnLanguage language, LanguageSettings settings, bool forRevision) =>
        await Task.WhenAll(originals.Select(c => ReadAsync(grains, mouId, c, language, settings, forRevision)));

    /// <summary>The original clauses of a revision, or the current ones; null when the revision does not exist.</summary>
    public static async Task<IReadOnlyList<ClauseText>?> OriginalsAsync(IMouGrain mou, int? revision) =>
        revision is { } n
            ? (await mou.GetRevisionAsync(n))?.Clauses
            : (await mou.GetClausesAsync()).Select(c => c.ToText()).ToArray();

    public static async Task<LanguagesResponse> StatusAsync(IGrainFactory grains, string mouId, IReadOnlyList<ClauseText> originals,
        LanguageSettings settings, int? revision)
    {
        var languages = new List<LanguageStatusResponse>();
        foreach (var language in UnLanguages.All.Where(l => settings.Has(l.Code)))
        {
            var clauses = await ReadAllAsync(grains, mouId, originals, language, settings, revision is not null);
            var required = settings.Versions.FirstOrDefault(v => v.Code == language.Code)?.Required ?? false;
            string[] Numbers(TranslationState s) => clauses.Where(c => c.State == TranslationStatus.ToWire(s)).Select(c => c.Number).ToArray();
            var outdated = Numbers(TranslationState.Outdated);
            var missing = Numbers(TranslationState.Missing);
            languages.Add(new LanguageStatusResponse(language.Code, language.Name, language.Direction, language.Code == settings.Original, required,
                clauses.Count, clauses.Count - outdated.Length - missing.Length, outdated, missing, outdated.Length + missing.Length == 0));
        }
        var incomplete = languages.Where(l => l.Required && !l.Complete).Select(l => l.Code).ToArray();
        return new LanguagesResponse(settings.Original, revision, incomplete.Length == 0, incomplete, languages);
    }
}
