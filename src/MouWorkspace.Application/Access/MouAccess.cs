using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Application.Results;
using MouWorkspace.Grains;

namespace MouWorkspace.Application.Access;

/// <summary>
/// Loads an MOU for a caller and applies the one read rule (<see cref="MouReadRule"/>) that every MOU call shares:
/// unknown ids are not found; another organization's texts are refused in the words of "not found" (an Admin sees all);
/// a confidential round is forbidden to anyone but its parties' delegates and staff — its text, revisions, positions,
/// exports, translations alike.
/// </summary>
public sealed class MouAccess(IGrainFactory grains, LocalReads? reads = null)
{
    public sealed record Access(IMouGrain Grain, MouInfo Mou);

    public async Task<AppResult<Access>> OpenAsync(string mouId, Caller caller)
    {
        if (!Ids.IsWellFormed(mouId))
            return AppProblem.NotFound($"there is no MOU {mouId}");
        var grain = grains.Get<IMouGrain>(mouId);
        return Check(grain, mouId, await grain.GetInfoAsync(), caller);
    }

    /// <summary>
    /// The same rules for a call on one of the MOU's clauses, with the clause's membership found in the same grain call
    /// (the clause read is the hottest path). With <paramref name="local"/>, the facts an MOU grain active in this process
    /// has published are used without a call (<see cref="LocalReads"/>).
    /// </summary>
    public async Task<AppResult<(Access Access, bool HasClause)>> OpenClauseAsync(string mouId, string clauseId, Caller caller, bool local = false)
    {
        if (!Ids.IsWellFormed(mouId))
            return AppProblem.NotFound($"there is no MOU {mouId}");
        var grain = grains.Get<IMouGrain>(mouId);
        if (local && reads?.Mou(mouId) is { } published && Ids.IsWellFormed(clauseId))
        {
            var checkedLocally = Check(grain, mouId, published.Info, caller);
            return checkedLocally.Ok ? (checkedLocally.Value!, published.HasClause(clauseId)) : checkedLocally.Problem!;
        }
        var facts = Ids.IsWellFormed(clauseId) ? await grain.GetClauseAccessAsync(clauseId) : null;
        var mou = facts?.Mou ?? (Ids.IsWellFormed(clauseId) ? null : await grain.GetInfoAsync());
        var access = Check(grain, mouId, mou, caller);
        return access.Ok ? (access.Value!, facts?.HasClause == true) : access.Problem!;
    }

    /// <summary>The same rule as <see cref="OpenAsync"/> for an MOU already read (search checks its hits with it).</summary>
    public static bool CanRead(Caller caller, MouInfo mou) => MouReadRule.CanRead(caller.AsReader(), mou);

    private static AppResult<Access> Check(IMouGrain grain, string mouId, MouInfo? mou, Caller caller)
    {
        if (mou is null)
            return AppProblem.NotFound($"there is no MOU {mouId}");
        var reader = caller.AsReader();
        if (MouReadRule.CanRead(reader, mou))
            return new Access(grain, mou);
        // Say no more than the caller may know: another organization's text is answered as if it did not exist (the
        // words of "not found", with the 403 the contract names for it), neither the text nor its organization named.
        return reader.Organization != mou.Organization
            ? new AppProblem(ProblemKind.NotFoundAsForbidden, $"there is no MOU {mouId}")
            : new AppProblem(ProblemKind.Forbidden, "this round is confidential: its texts are for its parties and staff only");
    }
}
