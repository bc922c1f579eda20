using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Languages;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Languages;

/// <summary>
/// Parallel texts: the MOU's language versions and their completeness, two languages side by side, and a clause's
/// text, drafts and diffs in any language (comments and proposals: <see cref="LanguageDiscussionEndpoints"/>).
/// </summary>
public static class LanguageEndpoints
{
    public static RouteGroupBuilder MapLanguageEndpoints(this RouteGroupBuilder api)
    {
        var mou = api.MapGroup("/mous/{mouId}").WithTags("Languages");
        mou.MapGet("/languages", StatusAsync).RequireAuthorization(Policies.Reader).Produces<LanguagesResponse>().ProducesProblem(404);
        mou.MapPut("/languages/{language}", SetAsync).RequireAuthorization(Policies.Secretariat)
            .Produces<LanguagesResponse>().ProducesValidationProblem().ProducesProblem(409);
        mou.MapGet("/parallel", ParallelAsync).RequireAuthorization(Policies.Reader).WithMetadata(new ExpensiveAttribute()).Produces<ParallelResponse>().ProducesValidationProblem().ProducesProblem(404);

        var clause = api.MapGroup("/mous/{mouId}/clauses/{clauseId}/languages/{language}").WithTags("Languages");
        clause.MapGet("", GetAsync).RequireAuthorization(Policies.Reader).Produces<ClauseLanguageResponse>().ProducesProblem(404);
        clause.MapPut("", SaveAsync).RequireAuthorization(Policies.Staff)
            .Produces<TranslationSavedResponse>().ProducesProblem(412).ProducesProblem(428).ProducesValidationProblem();
        clause.MapGet("/drafts", DraftsAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<TranslationDraftResponse>>();
        clause.MapGet("/diff", DiffAsync).RequireAuthorization(Policies.Reader).Produces<DiffResponse>().ProducesProblem(404);
        clause.MapLanguageDiscussionEndpoints();
        return api;
    }

    /// <summary>A clause opened in a language: the MOU rules checked, the language valid (400) and a version of this MOU (404).</summary>
    internal sealed record Opened(IClauseGrain Original, ClauseView OriginalView, UnLanguage Language, LanguageSettings Settings, IClauseGrain InLanguage);

    internal static async Task<(Opened? Opened, IResult? Problem)> OpenAsync(IGrainFactory grains, string mouId, string clauseId, string language,
        ClaimsPrincipal user)
    {
        if (!UnLanguages.IsKnown(language))
            return (null, Problems.Invalid("language", $"language: one of {UnLanguages.Codes}"));
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return (null, problem);
        var settings = await LanguageReads.SettingsAsync(grains, mouId);
        if (LanguageReads.Check(language, settings, "language", out var lang) is { } notFound)
            return (null, notFound);
        var view = await clause.GetAsync();
        if (view is null)
            return (null, Problems.NotFound($"there is no clause {clauseId} in this MOU"));
        return (new Opened(clause, view, lang, settings, LanguageReads.ClauseIn(grains, mouId, clauseId, lang.Code, settings)), null);
    }

    private static async Task<IResult> StatusAsync(string mouId, int? revision, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var originals = await LanguageReads.OriginalsAsync(access.Grain, revision);
        if (originals is null)
            return Problems.NotFound($"revision: there is no revision {revision} of this MOU");
        return TypedResults.Ok(await LanguageReads.StatusAsync(grains, mouId, originals, await LanguageReads.SettingsAsync(grains, mouId), revision));
    }

    private static async Task<IResult> SetAsync(string mouId, string language, LanguageVersionRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!UnLanguages.IsKnown(language))
            return Problems.Invalid("language", $"language: one of {UnLanguages.Codes}");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var code = UnLanguages.Find(language)!.Code;
        var grain = grains.GetGrain<IMouLanguagesGrain>(mouId);
        var outcome = body.Original == true
            ? await grain.SetOriginalLanguageAsync(code, user.ToActor())
            : await grain.SetLanguageVersionAsync(code, body.Required ?? false, user.ToActor());
        if (!outcome.Ok)
            return Problems.From(outcome);
        var originals = await LanguageReads.OriginalsAsync(access.Grain, null);
        return TypedResults.Ok(await LanguageReads.StatusAsync(grains, mouId, originals!, outcome.Value!, null));
    }

    private static async Task<IResult> ParallelAsync(string mouId, string? left, string? right, int? revision, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var settings = await LanguageReads.SettingsAsync(grains, mouId);
        left ??= settings.Original;
        right ??= settings.Versions.FirstOrDefault()?.Code ?? settings.Original;
        if (LanguageReads.Check(left, settings, "left", out var leftLanguage) is { } leftProblem)
            return leftProblem;
        if (LanguageReads.Check(right, settings, "right", out var rightLanguage) is { } rightProblem)
            return rightProblem;
        var originals = await LanguageReads.OriginalsAsync(access.Grain, revision);
        if (originals is null)
            return Problems.NotFound($"revision: there is no revision {revision} of this MOU");
        var lefts = await LanguageReads.ReadAllAsync(grains, mouId, originals, leftLanguage, settings, revision is not null);
        var rights = await LanguageReads.ReadAllAsync(grains, mouId, originals, rightLanguage, settings, revision is not null);
        var rows = originals.Select((c, i) => new ParallelRow(c.Id, c.Number, lefts[i], rights[i])).ToArray();
        return TypedResults.Ok(new ParallelResponse(revision, Column(leftLanguage), Column(rightLanguage), rows));
    }

    private static ParallelColumn Column(UnLanguage l) => new(l.Code, l.Name, l.Direction);

    private static async Task<IResult> GetAsync(string mouId, string clauseId, string language, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var (opened, problem) = await OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        var read = await LanguageReads.ReadAsync(grains, mouId, opened.OriginalView.ToText(), opened.Language, opened.Settings, forRevision: false, withChanges: true);
        http.Response.Headers.ETag = ETags.For(read.Version);
        return TypedResults.Ok(read);
    }

    private static async Task<IResult> SaveAsync(string mouId, string clauseId, string language, SaveTranslationRequest body, ClaimsPrincipal user,
        IGrainFactory grains, HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return Problems.PreconditionRequired("send If-Match with the version you edited (the ETag of GET …/languages/{language}; \"0\" for a first translation)");
        if (!TryParseVersion(ifMatch, out var expected))
            return Problems.Invalid("If-Match", "If-Match: must be a version such as \"3\" (\"0\" for a first translation)");
        if (TextRules.Validate(body.Text, "text") is { } textError)
            return Problems.Invalid("text", textError);
        if (TextRules.Validate(body.Rationale, "rationale", required: false, maxLength: TextLimits.Rationale) is { } rationaleError)
            return Problems.Invalid("rationale", rationaleError);
        if (TextRules.Validate(body.Heading, "heading", required: false, maxLength: TextLimits.Heading) is { } headingError)
            return Problems.Invalid("heading", headingError);
        var (opened, problem) = await OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        var current = opened.OriginalView.Version;
        if (opened.Language.Code == opened.Settings.Original)
        {
            // The original language: an ordinary draft of the clause, as PUT …/clauses/{clauseId}.
            var saved = await opened.Original.SaveDraftAsync(body.Text!, body.Rationale ?? "", expected, user.ToActor());
            if (!saved.Ok)
                return Problems.From(saved);
            http.Response.Headers.ETag = ETags.For(saved.Value!.Version);
            return TypedResults.Ok(new TranslationSavedResponse(saved.Value.Version, saved.Value.Version, TranslationStatus.ToWire(TranslationState.Original)));
        }
        var translates = body.TranslatesDraft ?? current;
        if (translates < 1 || translates > current)
            return Problems.Invalid("translatesDraft", $"translatesDraft: a draft of the original, 1 to {current}");
        var outcome = await grains.GetGrain<IClauseTranslationGrain>(ClauseKey.For(mouId, clauseId, opened.Language.Code)).SaveTranslationAsync(
            new SaveTranslation(mouId, clauseId, opened.OriginalView.Number, string.IsNullOrWhiteSpace(body.Heading) ? null : body.Heading.Trim(),
                body.Text!, body.Rationale ?? "", expected, translates, user.ToActor()));
        if (!outcome.Ok)
            return Problems.From(outcome);
        http.Response.Headers.ETag = ETags.For(outcome.Value!.View.Version);
        return TypedResults.Ok(new TranslationSavedResponse(outcome.Value.View.Version, translates,
            TranslationStatus.ToWire(TranslationStatus.Of(translates, current))));
    }

    private static async Task<IResult> DraftsAsync(string mouId, string clauseId, string language, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (opened, problem) = await OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        return TypedResults.Ok(await DraftsOf(grains, mouId, clauseId, opened));
    }

    private static async Task<IResult> DiffAsync(string mouId, string clauseId, string language, int? from, int? to, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (from is null || to is null)
            return Problems.Invalid(from is null ? "from" : "to", "from and to must both name draft versions");
        var (opened, problem) = await OpenAsync(grains, mouId, clauseId, language, user);
        if (opened is null)
            return problem!;
        var drafts = await DraftsOf(grains, mouId, clauseId, opened);
        var left = drafts.FirstOrDefault(d => d.Version == from);
        var right = drafts.FirstOrDefault(d => d.Version == to);
        if (left is null || right is null)
            return Problems.NotFound($"there is no draft {(left is null ? from : to)} of this clause in {opened.Language.Name}");
        return TypedResults.Ok(new DiffResponse(from.Value, to.Value, WordDiff.Compute(left.Text, right.Text)));
    }

    private static async Task<IReadOnlyList<TranslationDraftResponse>> DraftsOf(IGrainFactory grains, string mouId, string clauseId, Opened opened)
    {
        if (opened.Language.Code == opened.Settings.Original)
            return (await opened.Original.GetDraftsAsync()).Select(d => new TranslationDraftResponse(d.Version, d.Text, d.Author, d.At, d.Rationale, d.Heading, null)).ToArray();
        var drafts = await grains.GetGrain<IClauseTranslationGrain>(ClauseKey.For(mouId, clauseId, opened.Language.Code)).GetTranslatedDraftsAsync();
        return drafts.Select(t => new TranslationDraftResponse(t.Draft.Version, t.Draft.Text, t.Draft.Author, t.Draft.At, t.Draft.Rationale, t.Draft.Heading, t.TranslatesDraft)).ToArray();
    }

    /// <summary>As <see cref="ETags.TryParse"/>, but "0" (no translation yet) is a version too.</summary>
    private static bool TryParseVersion(string header, out int version)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        return int.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }
}
