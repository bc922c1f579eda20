using MouWorkspace.Domain;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary><c>POST /api/dev/token</c>: the local sign-in, mapped only when no Entra ID tenant is configured.</summary>
public static class DevTokenEndpoints
{
    public static RouteGroupBuilder MapDevTokenEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/dev/token", Issue).AllowAnonymous().WithTags("Local sign-in")
            .Produces<TokenResponse>().ProducesValidationProblem();
        return api;
    }

    private static IResult Issue(DevTokenRequest body, LocalTokenIssuer issuer, TimeProvider clock)
    {
        if (TextRules.Validate(body.Name, "name", maxLength: TextLimits.Name) is { } nameError)
            return Problems.Invalid("name", nameError);
        if (body.Roles is not { Length: > 0 })
            return Problems.Invalid("roles", $"roles: name at least one of {string.Join(", ", Roles.All)}");
        var roles = new List<string>();
        foreach (var role in body.Roles)
        {
            if (Roles.Canonical(role) is not { } canonical)
                return Problems.Invalid("roles", $"roles: unknown role '{role}'; known: {string.Join(", ", Roles.All)}");
            roles.Add(canonical);
        }
        var organization = Organizations.Find(body.Organization);
        if (organization is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{body.Organization}'; known: {string.Join(", ", Organizations.All.Select(o => o.Code))}");
        string? state = null;
        if (!string.IsNullOrWhiteSpace(body.MemberState))
        {
            if (!MemberStates.IsKnown(body.MemberState))
                return Problems.Invalid("memberState", $"memberState: '{body.MemberState}' is not an ISO 3166-1 alpha-3 code of a UN member state");
            state = body.MemberState.ToUpperInvariant();
        }
        if (state is null && roles.Contains(Roles.Delegate))
            return Problems.Invalid("memberState", "memberState: a delegate speaks for a member state; name it");
        var token = issuer.Issue(body.Name!.Trim(), roles.Distinct().ToArray(), state, organization.Code);
        return TypedResults.Ok(new TokenResponse(token, clock.GetUtcNow() + LocalTokenIssuer.Lifetime));
    }
}
