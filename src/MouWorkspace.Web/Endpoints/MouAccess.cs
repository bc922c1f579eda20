using System.Security.Claims;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Grains;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;
using Rules = MouWorkspace.Application.Access.MouAccess;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// The application layer's MOU read rule (<see cref="Rules"/>) for the endpoints that do not have a service of their
/// own yet: the same checks, with the problem as an HTTP answer. A resource moved to a service drops this.
/// </summary>
public static class MouAccess
{
    public static async Task<(Rules.Access? Access, IResult? Problem)> OpenAsync(IGrainFactory grains, string mouId, ClaimsPrincipal user)
    {
        var opened = await new Rules(grains).OpenAsync(mouId, user.ToCaller());
        return opened.Ok ? (opened.Value, null) : (null, Problems.From(opened.Problem!));
    }

    public static async Task<(Rules.Access? Access, bool HasClause, IResult? Problem)> OpenClauseAsync(
        IGrainFactory grains, string mouId, string clauseId, ClaimsPrincipal user, LocalReads? reads = null)
    {
        var opened = await new Rules(grains, reads).OpenClauseAsync(mouId, clauseId, user.ToCaller(), local: reads is not null);
        return opened.Ok ? (opened.Value.Access, opened.Value.HasClause, null) : (null, false, Problems.From(opened.Problem!));
    }

    /// <summary>The same rule for an MOU already read (search checks its hits with it).</summary>
    public static bool CanRead(ClaimsPrincipal user, MouInfo mou) => Rules.CanRead(user.ToCaller(), mou);
}
