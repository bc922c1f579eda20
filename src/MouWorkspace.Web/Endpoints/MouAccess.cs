using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Grains;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// Loads an MOU for a user and applies the one read rule (<see cref="MouReadRule"/>) that every MOU call shares:
/// unknown ids are 404; another organization's texts are 403 (an Admin sees all); a confidential round is 403 for
/// anyone but its parties' delegates and staff — its text, revisions, positions, exports, translations alike.
/// </summary>
public static class MouAccess
{
    public sealed record Access(IMouGrain Grain, MouInfo Mou);

    public static async Task<(Access? Access, IResult? Problem)> OpenAsync(IGrainFactory grains, string mouId, ClaimsPrincipal user)
    {
        if (!Ids.IsWellFormed(mouId))
            return (null, Problems.NotFound($"there is no MOU {mouId}"));
        var grain = grains.Get<IMouGrain>(mouId);
        return Check(grain, mouId, await grain.GetInfoAsync(), user);
    }

    /// <summary>
    /// The same rules for a call on one of the MOU's clauses, with the clause's membership found in the same grain
    /// call (the clause read is the hottest path of the API).
    /// </summary>
    public static async Task<(Access? Access, bool HasClause, IResult? Problem)> OpenClauseAsync(
        IGrainFactory grains, string mouId, string clauseId, ClaimsPrincipal user, LocalReads? reads = null)
    {
        if (!Ids.IsWellFormed(mouId))
            return (null, false, Problems.NotFound($"there is no MOU {mouId}"));
        var grain = grains.Get<IMouGrain>(mouId);
        // The MOU grain active in this process has published its stored facts: the same check, without a call.
        if (reads?.Mou(mouId) is { } local && Ids.IsWellFormed(clauseId))
        {
            var (localAccess, localProblem) = Check(grain, mouId, local.Info, user);
            return (localAccess, local.HasClause(clauseId), localProblem);
        }
        var facts = Ids.IsWellFormed(clauseId) ? await grain.GetClauseAccessAsync(clauseId) : null;
        var mou = facts?.Mou ?? (Ids.IsWellFormed(clauseId) ? null : await grain.GetInfoAsync());
        var (access, problem) = Check(grain, mouId, mou, user);
        return (access, facts?.HasClause == true, problem);
    }

    private static (Access? Access, IResult? Problem) Check(IMouGrain grain, string mouId, MouInfo? mou, ClaimsPrincipal user)
    {
        if (mou is null)
            return (null, Problems.NotFound($"there is no MOU {mouId}"));
        var reader = user.AsReader();
        if (MouReadRule.CanRead(reader, mou))
            return (new Access(grain, mou), null);
        // Say no more than the caller may know: another organization's text is answered as if it did not exist (the
        // words of the 404, with the 403 the contract names for it), neither the text nor its organization named (issue 15.18).
        return reader.Organization != mou.Organization
            ? (null, Problems.NotFoundAs403($"there is no MOU {mouId}"))
            : (null, Problems.Forbidden("this round is confidential: its texts are for its parties and staff only"));
    }

    /// <summary>The same rule as <see cref="OpenAsync"/> for an MOU already read (search checks its hits with it).</summary>
    public static bool CanRead(ClaimsPrincipal user, MouInfo mou) => MouReadRule.CanRead(user.AsReader(), mou);
}
