using System.Security.Claims;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Languages;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Languages;

namespace MouWorkspace.Web.Endpoints;

/// <summary>The MOU as a UN document (symbol, distribution, date, original language, session, agenda item): read by anyone, set by staff.</summary>
public static class IdentityEndpoints
{
    public static RouteGroupBuilder MapIdentityEndpoints(this RouteGroupBuilder api)
    {
        var mou = api.MapGroup("/mous/{mouId}").WithTags("MOUs");
        mou.MapGet("/identity", GetAsync).RequireAuthorization(Policies.Reader)
            .Produces<IdentityResponse>().ProducesProblem(404).ProducesProblem(403)
            .WithSummary("The document identity: symbol, distribution, date, original language, session and agenda item (symbol null until set)");
        mou.MapPut("/identity", SetAsync).RequireAuthorization(Policies.Staff)
            .Produces<IdentityResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Sets the document identity; revisions published afterwards take the symbol with their label (…/Rev.2)");
        return api;
    }

    private static async Task<IResult> GetAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        return TypedResults.Ok(IdentityResponse.From(access.Mou.Identity, (await LanguageReads.SettingsAsync(grains, mouId)).Original));
    }

    private static async Task<IResult> SetAsync(string mouId, IdentityRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (identity, invalid) = IdentityInput.Parse(body);
        if (identity is null)
            return invalid!;
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        // The original language is the MOU's language setting; naming it here changes that setting, first, so that a
        // refusal (other language versions exist) changes nothing.
        if (UnLanguages.Find(body.OriginalLanguage) is { } original)
        {
            var named = await grains.GetGrain<IMouLanguagesGrain>(mouId).SetOriginalLanguageAsync(original.Code, user.ToActor());
            if (!named.Ok)
                return Problems.From(named);
        }
        var outcome = await access.Grain.SetIdentityAsync(identity, user.ToActor());
        if (!outcome.Ok)
            return Problems.From(outcome);
        return TypedResults.Ok(IdentityResponse.From(outcome.Value, (await LanguageReads.SettingsAsync(grains, mouId)).Original));
    }
}

/// <param name="Symbol">The document's own symbol without Rev./Add./Corr., e.g. "A/AC.121/2026/L.2".</param>
/// <param name="Distribution">"general" (the default) or "limited".</param>
/// <param name="Date">yyyy-MM-dd; optional.</param>
/// <param name="OriginalLanguage">optional: ar, zh, en, fr, ru or es; names the MOU's original language (refused, 409, once other language versions exist).</param>
public sealed record IdentityRequest(string? Symbol, string? Distribution, string? Date, string? OriginalLanguage, string? Session, string? AgendaItem);

/// <param name="Symbol">null until the identity is set.</param>
public sealed record IdentityResponse(string? Symbol, string? Distribution, DateOnly? Date, string OriginalLanguage, string? Session, string? AgendaItem,
    string? SetBy, DateTimeOffset? SetAt)
{
    public static IdentityResponse From(DocumentIdentity? identity, string original) => identity is null
        ? new(null, null, null, original, null, null, null, null)
        : new(identity.Symbol, identity.Distribution, identity.Date, original, Blank(identity.Session), Blank(identity.AgendaItem), identity.SetBy, identity.SetAt);

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
