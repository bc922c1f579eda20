using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Domain;
using MouWorkspace.Web.Audit;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// Reading and verifying the audit logs (staff of the organization; an Admin everywhere). The reads take optional
/// filters (<see cref="AuditQuery"/>: user, clause, from, to); the verification always walks the whole chain.
/// </summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/mous/{mouId}/audit", MouAuditAsync).RequireAuthorization(Policies.StaffOrAdmin).WithTags("Audit")
            .Produces<IReadOnlyList<AuditRecord>>().ProducesValidationProblem().ProducesProblem(404);
        api.MapGet("/mous/{mouId}/audit/verify", VerifyMouAsync).RequireAuthorization(Policies.StaffOrAdmin).WithTags("Audit")
            .Produces<AuditVerification>();
        api.MapGet("/audit", OrganizationAuditAsync).RequireAuthorization(Policies.StaffOrAdmin).WithTags("Audit")
            .Produces<IReadOnlyList<AuditRecord>>().ProducesValidationProblem();
        api.MapGet("/admin/audit", AdminAuditAsync).RequireAuthorization(Policies.Admin).WithTags("Audit")
            .Produces<IReadOnlyList<AuditRecord>>().ProducesValidationProblem();
        return api;
    }

    /// <summary>The MOU's records, oldest first; <c>?user=</c> (id or part of a name), <c>clause=</c>, <c>from=</c>, <c>to=</c> narrow them.</summary>
    private static async Task<IResult> MouAuditAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains,
        [FromQuery(Name = "user")] string? who, string? clause, string? from, string? to)
    {
        var (query, queryProblem) = AuditQuery.Parse(who, clause, from, to);
        if (query is null)
            return queryProblem!;
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        return access is null ? problem! : TypedResults.Ok(query.Apply(await grains.GetGrain<IAuditLogGrain>(AuditScopes.Mou(mouId)).ReadAsync()));
    }

    private static async Task<IResult> VerifyMouAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        return access is null ? problem! : TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(AuditScopes.Mou(mouId)).VerifyAsync());
    }

    /// <summary>The organization's records outside any one MOU (tracking, new MOUs).</summary>
    private static async Task<IResult> OrganizationAuditAsync(string? organization, ClaimsPrincipal user, IGrainFactory grains,
        [FromQuery(Name = "user")] string? who, string? clause, string? from, string? to)
    {
        var (query, queryProblem) = AuditQuery.Parse(who, clause, from, to);
        if (query is null)
            return queryProblem!;
        var code = organization?.ToLowerInvariant() ?? user.Organization();
        if (Organizations.Find(code) is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{code}'");
        if (!user.IsInRole(Roles.Admin) && code != user.Organization())
            return Problems.Forbidden($"you may read the audit of {user.Organization()} only");
        return TypedResults.Ok(query.Apply(await grains.GetGrain<IAuditLogGrain>(AuditScopes.Organization(code)).ReadAsync()));
    }

    private static async Task<IResult> AdminAuditAsync(IGrainFactory grains, [FromQuery(Name = "user")] string? who, string? from, string? to)
    {
        var (query, problem) = AuditQuery.Parse(who, null, from, to);
        return query is null ? problem! : TypedResults.Ok(query.Apply(await grains.GetGrain<IAuditLogGrain>(AuditScopes.Administration).ReadAsync()));
    }
}
