using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Grains;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// Loads an MOU for a user and applies the rules every MOU call shares: unknown ids are 404, another
/// organization's texts are 403 (an Admin sees all), and in a confidential round only parties and staff see
/// drafts and comments.
/// </summary>
public static class MouAccess
{
    public sealed record Access(IMouGrain Grain, MouInfo Mou);

    public static async Task<(Access? Access, IResult? Problem)> OpenAsync(IGrainFactory grains, string mouId, ClaimsPrincipal user, bool innerRecord = false)
    {
        if (!Ids.IsWellFormed(mouId))
            return (null, Problems.NotFound($"there is no MOU {mouId}"));
        var grain = grains.Get<IMouGrain>(mouId);
        return Check(grain, mouId, await grain.GetInfoAsync(), user, innerRecord);
    }

    /// <summary>
    /// The same rules for a call on one of the MOU's clauses, with the clause's membership found in the same grain
    /// call (the clause read is the hottest path of the API).
    /// </summary>
    public static async Task<(Access? Access, bool HasClause, IResult? Problem)> OpenClauseAsync(
        IGrainFactory grains, string mouId, string clauseId, ClaimsPrincipal user, bool innerRecord = false, LocalReads? reads = null)
    {
        if (!Ids.IsWellFormed(mouId))
            return (null, false, Problems.NotFound($"there is no MOU {mouId}"));
        var grain = grains.Get<IMouGrain>(mouId);
        // The MOU grain active in this process has published its stored facts: the same check, without a call.
        if (reads?.Mou(mouId) is { } local && Ids.IsWellFormed(clauseId))
        {
            var (localAccess, localProblem) = Check(grain, mouId, local.Info, user, innerRecord);
            return (localAccess, local.HasClause(clauseId), localProblem);
        }
        var facts = Ids.IsWellFormed(clauseId) ? await grain.GetClauseAccessAsync(clauseId) : null;
        var mou = facts?.Mou ?? (Ids.IsWellFormed(clauseId) ? null : await grain.GetInfoAsync());
        var (access, problem) = Check(grain, mouId, mou, user, innerRecord);
        return (access, facts?.HasClause == true, problem);
    }

    private static (Access? Access, IResult? Problem) Check(IMouGrain grain, string mouId, MouInfo? mou, ClaimsPrincipal user, bool innerRecord)
    {
        if (mou is null)
            return (null, Problems.NotFound($"there is no MOU {mouId}"));
        if (!SameOrganization(user, mou))
            return (null, Problems.Forbidden($"this MOU belongs to another organization ({mou.Organization})"));
        if (innerRecord && mou.Confidential && !CanSeeConfidential(user, mou))
            return (null, Problems.Forbidden("this round is confidential: drafts and comments are visible to the parties and staff only"));
        return (new Access(grain, mou), null);
    }

    /// <summary>The same rules as <see cref="OpenAsync"/> for an MOU already read (search checks its hits with it).</summary>
    public static bool CanRead(ClaimsPrincipal user, MouInfo mou, bool innerRecord) =>
        SameOrganization(user, mou) && (!innerRecord || !mou.Confidential || CanSeeConfidential(user, mou));

    private static bool SameOrganization(ClaimsPrincipal user, MouInfo mou) =>
        user.IsInRole(Roles.Admin) || user.Organization() == mou.Organization;

    private static bool CanSeeConfidential(ClaimsPrincipal user, MouInfo mou) =>
        user.IsStaff() || user.IsInRole(Roles.Admin) ||
        (user.IsInRole(Roles.Delegate) && user.MemberState() is { } state && mou.Parties.Contains(state));
}
