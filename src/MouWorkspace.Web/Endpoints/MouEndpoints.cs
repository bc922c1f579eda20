using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Organizations;
using MouWorkspace.Domain;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

public static class MouEndpoints
{
    public static RouteGroupBuilder MapMouEndpoints(this RouteGroupBuilder api)
    {
        var mous = api.MapGroup("/mous").WithTags("MOUs");
        mous.MapPost("", CreateAsync).RequireAuthorization(Policies.Secretariat)
            .Produces<IdResponse>(201).ProducesValidationProblem().ProducesProblem(403);
        mous.MapGet("", ListAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<MouSummary>>();
        mous.MapGet("/{mouId}", GetAsync).RequireAuthorization(Policies.Reader)
            .Produces<MouResponse>().ProducesProblem(404).ProducesProblem(403);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateMouRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (TextRules.Validate(body.Title, "title", maxLength: TextLimits.Title) is { } titleError)
            return Problems.Invalid("title", titleError);
        var organization = Organizations.Find(body.Organization);
        if (organization is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{body.Organization}'; known: {string.Join(", ", Organizations.All.Select(o => o.Code))}");
        if (!user.IsInRole(Roles.Admin) && user.Organization() != organization.Code)
            return Problems.Forbidden($"you act for {user.Organization()}, not {organization.Code}");
        var parties = body.Parties ?? [];
        if (parties.FirstOrDefault(p => !MemberStates.IsKnown(p)) is { } unknown)
            return Problems.Invalid("parties", $"parties: '{unknown}' is not an ISO 3166-1 alpha-3 code of a UN member state");

        DocumentIdentity? identity = null;
        if (body.Identity is { } given)
        {
            (identity, var invalid) = IdentityInput.Parse(given);
            if (identity is null)
                return invalid!;
        }

        var id = Ids.New();
        var outcome = await grains.GetGrain<IMouGrain>(id).CreateAsync(
            new CreateMou(organization.Code, body.Title!.Trim(), parties, body.Confidential ?? false, user.ToActor(), Identity: identity));
        if (outcome.Ok && Domain.Languages.UnLanguages.Find(body.Identity?.OriginalLanguage) is { } original)
            await grains.GetGrain<Abstractions.Languages.IMouLanguagesGrain>(id).SetOriginalLanguageAsync(original.Code, user.ToActor());
        return outcome.Ok ? TypedResults.Created($"/api/mous/{id}", new IdResponse(id)) : Problems.From(outcome);
    }

    private static async Task<IResult> ListAsync(string? organization, ClaimsPrincipal user, IGrainFactory grains)
    {
        var code = organization?.ToLowerInvariant() ?? user.Organization();
        if (Organizations.Find(code) is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{code}'");
        if (!user.IsInRole(Roles.Admin) && code != user.Organization())
            return Problems.Forbidden($"you may list the texts of {user.Organization()} only");
        // The list is read through the same rule as each MOU: a confidential round is not even listed for a non-party.
        var summaries = await grains.GetGrain<IOrganizationGrain>(code).ListAsync();
        var infos = await Task.WhenAll(summaries.Select(s => grains.Get<IMouGrain>(s.Id).GetInfoAsync()));
        return TypedResults.Ok(summaries.Where((_, i) => infos[i] is { } info && MouAccess.CanRead(user, info)).ToArray());
    }

    private static async Task<IResult> GetAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var mou = access.Mou;
        var clauses = await access.Grain.GetClausesAsync();
        var clean = clauses.Count == 0 ? 0 : (double)clauses.Count(c => c.OpenBrackets == 0) / clauses.Count;
        return TypedResults.Ok(new MouResponse(mou.Id, mou.Title, mou.Organization, mou.Status, mou.Confidential, mou.Parties,
            clauses.Select(ClauseResponse.From).ToArray(), mou.Revisions.Select(RevisionSummaryResponse.From).ToArray(), Math.Round(clean, 4),
            mou.Identity is null ? null : IdentityResponse.From(mou.Identity, (await Languages.LanguageReads.SettingsAsync(grains, mouId)).Original)));
    }
}
