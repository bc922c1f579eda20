using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Projection;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// The "now discussing" pointer the room's screen follows (<c>/mous/{id}/projection</c>). The secretariat of the
/// MOU's organization moves it, naming the version it read (If-Match: <c>"0"</c> before it was ever set). Reading it
/// is an inner record of the round: in a confidential round only parties and staff learn what is being discussed.
/// </summary>
public static class ProjectionEndpoints
{
    public static RouteGroupBuilder MapProjectionEndpoints(this RouteGroupBuilder api)
    {
        const string path = "/mous/{mouId}/now-discussing";
        api.MapGet(path, GetAsync).RequireAuthorization(Policies.Reader).WithTags("Projection")
            .Produces<NowDiscussingResponse>().ProducesProblem(403).ProducesProblem(404);
        api.MapPut(path, SetAsync).RequireAuthorization(Policies.Secretariat).WithTags("Projection")
            .Produces<NowDiscussingResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
        api.MapDelete(path, ClearAsync).RequireAuthorization(Policies.Secretariat).WithTags("Projection")
            .Produces(204).ProducesValidationProblem().ProducesProblem(412).ProducesProblem(428);
        return api;
    }

    private static async Task<IResult> GetAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var pointer = await grains.GetGrain<INowDiscussingGrain>(access.Mou.Id).GetAsync();
        http.Response.Headers.ETag = Tag(pointer.Version);
        return TypedResults.Ok(NowDiscussingResponse.From(pointer));
    }

    private static async Task<IResult> SetAsync(string mouId, NowDiscussingRequest body, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var (expected, preconditionProblem) = Expected(http);
        if (preconditionProblem is not null)
            return preconditionProblem;
        if (string.IsNullOrWhiteSpace(body.ClauseId))
            return Problems.Invalid("clauseId", "clauseId: name the clause under negotiation (DELETE clears the pointer)");
        if (!Ids.IsWellFormed(body.ClauseId))
            return Problems.Invalid("clauseId", "clauseId: not a clause id");
        var proposalId = string.IsNullOrWhiteSpace(body.ProposalId) ? null : body.ProposalId;
        if (proposalId is not null && !Ids.IsWellFormed(proposalId))
            return Problems.Invalid("proposalId", "proposalId: not a proposal id");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        // Only a clause of the current text can be under negotiation (a removed one lives on in old revisions only).
        if (!access.Mou.ClauseIds.Contains(body.ClauseId))
            return Problems.NotFound($"there is no clause {body.ClauseId} in this MOU");
        if (proposalId is not null)
        {
            var (clause, _, clauseProblem) = await ClauseEndpoints.OpenAsync(grains, mouId, body.ClauseId, user);
            if (clause is null)
                return clauseProblem!;
            if (!(await clause.GetProposalsAsync()).Any(p => p.Id == proposalId))
                return Problems.NotFound($"there is no proposal {proposalId} on clause {body.ClauseId}");
        }
        var outcome = await grains.GetGrain<INowDiscussingGrain>(access.Mou.Id).SetAsync(body.ClauseId, proposalId, expected, user.ToActor());
        if (!outcome.Ok)
            return Problems.From(outcome);
        http.Response.Headers.ETag = Tag(outcome.Value!.Version);
        return TypedResults.Ok(NowDiscussingResponse.From(outcome.Value));
    }

    private static async Task<IResult> ClearAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var (expected, preconditionProblem) = Expected(http);
        if (preconditionProblem is not null)
            return preconditionProblem;
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var outcome = await grains.GetGrain<INowDiscussingGrain>(access.Mou.Id).ClearAsync(expected, user.ToActor());
        if (!outcome.Ok)
            return Problems.From(outcome);
        http.Response.Headers.ETag = Tag(outcome.Value!.Version);
        return TypedResults.NoContent();
    }

    private static string Tag(int version) => $"\"{version}\"";

    /// <summary>The pointer version the caller read, from If-Match (<c>"0"</c> for a pointer never set).</summary>
    private static (int Version, IResult? Problem) Expected(HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return (0, Problems.PreconditionRequired("send If-Match with the pointer version you read (the ETag of GET …/now-discussing)"));
        var value = ifMatch.Trim();
        if (value is "\"0\"" or "W/\"0\"" or "0")
            return (0, null);
        return ETags.TryParse(value, out var version)
            ? (version, null)
            : (0, Problems.Invalid("If-Match", "If-Match: must be a pointer version such as \"3\""));
    }
}

public sealed record NowDiscussingRequest(string? ClauseId, string? ProposalId);

public sealed record NowDiscussingResponse(string MouId, string? ClauseId, string? ProposalId, int Version, string? SetBy, DateTimeOffset? SetAt)
{
    public static NowDiscussingResponse From(NowDiscussing p) => new(p.MouId, p.ClauseId, p.ProposalId, p.Version, p.SetBy, p.SetAt);
}
