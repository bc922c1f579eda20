using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Languages;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Languages;

/// <summary>
/// What an export in a language shows. The original language: the clauses as they are. A language version: each
/// clause's translation; for a revision only a translation of the very draft the revision holds counts, for the current
/// drafts the latest translation (an outdated one is listed). A clause without a usable translation is written in the
/// original language and listed as untranslated, so that an incomplete language version is visible, never silent.
/// A language the MOU has no version in is refused by the endpoints (<see cref="NoVersion"/>) before any export is made.
/// </summary>
public sealed record TranslationReport(bool Translated, IReadOnlyList<string> Untranslated, IReadOnlyList<string> Outdated)
{
    public static readonly TranslationReport None = new(false, [], []);

    /// <summary>The marks the Word export writes (by clause id), or null when nothing is missing or outdated.</summary>
    public TranslationNotes? Notes { get; init; }

    public bool Complete => Untranslated.Count == 0 && Outdated.Count == 0;
}

public static class TranslatedExport
{
    public static async Task<(IReadOnlyList<ClauseText> Clauses, TranslationReport Report)> ApplyAsync(IGrainFactory grains, string mouId,
        IReadOnlyList<ClauseText> originals, string language, bool forRevision)
    {
        var settings = await LanguageReads.SettingsAsync(grains, mouId);
        if (language == settings.Original || !settings.Has(language) || UnLanguages.Find(language) is not { } lang)
            return (originals, TranslationReport.None);
        var reads = await LanguageReads.ReadAllAsync(grains, mouId, originals, lang, settings, forRevision);
        var untranslated = new List<string>();
        var outdated = new List<string>();
        var marks = new Dictionary<string, ClauseTranslation>(StringComparer.Ordinal);
        var originalHeadings = new HashSet<string>(StringComparer.Ordinal);
        var clauses = new List<ClauseText>();
        for (var i = 0; i < originals.Count; i++)
        {
            var (original, read) = (originals[i], reads[i]);
            var usable = read.Text is not null && (read.State == TranslationStatus.ToWire(TranslationState.UpToDate) || !forRevision);
            if (!usable)
            {
                untranslated.Add(original.Number);
                marks.TryAdd(original.Id, new ClauseTranslation(TranslationMark.Untranslated, null, read.OriginalVersion));
                clauses.Add(original);
                continue;
            }
            if (read.State == TranslationStatus.ToWire(TranslationState.Outdated))
            {
                outdated.Add(original.Number);
                marks.TryAdd(original.Id, new ClauseTranslation(TranslationMark.Outdated, read.TranslatesDraft, read.OriginalVersion));
            }
            // A translation without a heading would drop the clause's heading: the original's is shown instead, marked.
            var heading = read.Heading;
            if (string.IsNullOrWhiteSpace(heading) && !string.IsNullOrWhiteSpace(original.Heading))
            {
                heading = original.Heading;
                originalHeadings.Add(original.Id);
            }
            clauses.Add(original with { Heading = heading, Text = read.Text! });
        }
        return (clauses, new TranslationReport(true, untranslated, outdated)
        {
            Notes = marks.Count == 0 && originalHeadings.Count == 0 ? null
                : new TranslationNotes(settings.Original, marks) { OriginalHeadings = originalHeadings },
        });
    }

    /// <summary>
    /// 404 for an export in a language the MOU has neither as original nor as a language version: writing the original's
    /// text under another language's name would pass English off as French. Null when the MOU has the language.
    /// </summary>
    public static IResult? NoVersion(LanguageSettings settings, string language)
    {
        if (settings.Has(language))
            return null;
        var name = UnLanguages.Find(language)?.Name ?? language;
        var versions = UnLanguages.All.Where(l => settings.Has(l.Code)).OrderBy(l => l.Code != settings.Original).Select(l => l.Name);
        return Problems.NotFound($"this MOU has no {name} version; its versions are {string.Join(", ", versions)}");
    }

    /// <summary>The grain whose comments belong to an export in <paramref name="language"/>: the language version's when it has one.</summary>
    public static async Task<Func<string, IClauseGrain>> CommentSourceAsync(IGrainFactory grains, string mouId, string language)
    {
        var settings = await LanguageReads.SettingsAsync(grains, mouId);
        return clauseId => LanguageReads.ClauseIn(grains, mouId, clauseId, settings.Has(language) ? language : settings.Original, settings);
    }

    /// <summary>
    /// A redline in a language version: the translation of each base clause against the translation of the target clause
    /// (the original where a translation is missing), each change attributed to whoever saved the target's translation.
    /// </summary>
    public static async Task<IReadOnlyList<AttributedChange>> TranslatedRunsAsync(IGrainFactory grains, string mouId, string language,
        string clauseId, string baseText, string targetText, int targetVersion, Func<string, string?, string> display)
    {
        if (baseText == targetText)
            return [new(DiffOp.Equal, targetText, null, null)];
        var drafts = await grains.GetGrain<IClauseTranslationGrain>(ClauseKey.For(mouId, clauseId, language)).GetTranslatedDraftsAsync();
        var by = drafts.LastOrDefault(d => d.TranslatesDraft == targetVersion)?.Draft;
        var author = by is null ? "Secretariat" : display(by.Author, by.AuthorState);
        return AttributedDiff.Compute(baseText, [new AttributedDraft(targetText, author, by?.At ?? DateTimeOffset.UnixEpoch)]);
    }
}

/// <summary>An export in a language version says which clauses it had to write in the original language, and which translations are outdated.</summary>
public static class TranslationHeaders
{
    public const string Untranslated = "X-Untranslated-Clauses";
    public const string Outdated = "X-Outdated-Translations";

    public static void Write(HttpContext http, TranslationReport report)
    {
        if (!report.Translated)
            return;
        http.Response.Headers[Untranslated] = string.Join(", ", report.Untranslated);
        http.Response.Headers[Outdated] = string.Join(", ", report.Outdated);
    }
}
