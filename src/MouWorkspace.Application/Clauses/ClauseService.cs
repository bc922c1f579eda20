using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Application.Access;
using MouWorkspace.Application.Results;
using MouWorkspace.Domain.Clauses;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Text;
using MouWorkspace.Grains;

namespace MouWorkspace.Application.Clauses;

/// <summary>
/// A text's clauses for a caller: read, add, save a draft, move, remove, agree, their drafts and diffs. The same rules for
/// the API and the pages: the MOU's read rule and the clause's membership first, the request's fields checked before any
/// grain call (bad input stores nothing), the grain's refusal mapped to a problem. Changes are staff's (the API's
/// <c>staff</c> policy says it once more in front of the endpoints; a page calling in-process has only this check).
/// </summary>
public sealed class ClauseService(IGrainFactory grains, MouAccess access, LocalReads? reads = null)
{
    /// <summary>The clause grain, after the MOU rules (organization, confidentiality) and the clause's membership are checked.</summary>
    public async Task<AppResult<(IClauseGrain Clause, MouAccess.Access Access)>> OpenAsync(string mouId, string clauseId, Caller caller, bool local = false)
    {
        var opened = await access.OpenClauseAsync(mouId, clauseId, caller, local);
        if (!opened.Ok)
            return opened.Problem!;
        if (!opened.Value.HasClause)
            return AppProblem.NotFound($"there is no clause {clauseId} in this MOU");
        return (grains.Get<IClauseGrain>(ClauseKey.For(mouId, clauseId)), opened.Value.Access);
    }

    /// <summary>
    /// The clause's current text. When its grain is active in this process, what it last stored is read without a call
    /// (<see cref="LocalReads"/>: exact, not a cache with a lifetime).
    /// </summary>
    public async Task<AppResult<ClauseRead>> GetAsync(string mouId, string clauseId, Caller caller)
    {
        var opened = await OpenAsync(mouId, clauseId, caller, local: true);
        if (!opened.Ok)
            return opened.Problem!;
        if (reads?.Clause(ClauseKey.For(mouId, clauseId)) is { } published)
            return new ClauseRead(published, true);
        return await opened.Value.Clause.GetAsync() is { } view
            ? new ClauseRead(view, false)
            : AppProblem.NotFound($"there is no clause {clauseId} in this MOU");
    }

    public async Task<AppResult<ClauseCreatedResponse>> AddAsync(string mouId, AddClauseRequest command, Caller caller)
    {
        if (!caller.IsStaff)
            return StaffOnly;
        if (TextRules.Validate(command.Heading, "heading", required: false, maxLength: TextLimits.Heading) is { } headingError)
            return AppProblem.Invalid("heading", headingError);
        if (TextRules.Validate(command.Text, "text") is { } textError)
            return AppProblem.Invalid("text", textError);
        var kind = ClauseKind.Operative;
        if (command.Kind is not null && !TryParseKind(command.Kind, out kind))
            return AppProblem.Invalid("kind", "kind: must be preambular or operative");
        var opened = await access.OpenAsync(mouId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        var outcome = await opened.Value!.Grain.AddClauseAsync(new AddClause(command.Heading?.Trim() ?? "", command.Text!, command.After, kind, caller.ToActor()));
        return AppResult<ClauseCreatedResponse>.From(outcome, c => new ClauseCreatedResponse(c.Id, c.Number, c.Version));
    }

    /// <summary>A new draft of the version the caller edited; a stale version is refused and the other writer's draft stays.</summary>
    public async Task<AppResult<VersionResponse>> SaveDraftAsync(string mouId, string clauseId, int editedVersion, SaveDraftRequest command, Caller caller)
    {
        if (!caller.IsStaff)
            return StaffOnly;
        if (TextRules.Validate(command.Text, "text") is { } textError)
            return AppProblem.Invalid("text", textError);
        if (TextRules.Validate(command.Rationale, "rationale", required: false, maxLength: TextLimits.Rationale) is { } rationaleError)
            return AppProblem.Invalid("rationale", rationaleError);
        var opened = await OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        var outcome = await opened.Value.Clause.SaveDraftAsync(command.Text!, command.Rationale ?? "", editedVersion, caller.ToActor());
        return AppResult<VersionResponse>.From(outcome, v => new VersionResponse(v.Version));
    }

    public async Task<AppResult<Done>> RemoveAsync(string mouId, string clauseId, Caller caller)
    {
        if (!caller.IsStaff)
            return StaffOnly;
        var opened = await OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        return AppResult<Done>.From(await opened.Value.Access.Grain.RemoveClauseAsync(clauseId, caller.ToActor()), _ => Done.Value);
    }

    public async Task<AppResult<Done>> MoveAsync(string mouId, string clauseId, MoveClauseRequest command, Caller caller)
    {
        if (!caller.IsStaff)
            return StaffOnly;
        var opened = await OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        var outcome = await opened.Value.Access.Grain.MoveClauseAsync(clauseId, string.IsNullOrEmpty(command.After) ? null : command.After, caller.ToActor());
        return AppResult<Done>.From(outcome, _ => Done.Value);
    }

    public async Task<AppResult<ClauseResponse>> SetAgreementAsync(string mouId, string clauseId, AgreementRequest command, Caller caller)
    {
        if (!caller.IsStaff)
            return StaffOnly;
        if (!ClauseStatusRules.TryParseAgreement(command.Agreement, out var agreement))
            return AppProblem.Invalid("agreement", "agreement: must be open, ad-ref or agreed");
        var opened = await OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        return AppResult<ClauseResponse>.From(await opened.Value.Clause.SetAgreementAsync(agreement, caller.ToActor()), ClauseResponse.From);
    }

    public async Task<AppResult<IReadOnlyList<Draft>>> DraftsAsync(string mouId, string clauseId, Caller caller)
    {
        var opened = await OpenAsync(mouId, clauseId, caller);
        return opened.Ok ? AppResult<IReadOnlyList<Draft>>.Of(await opened.Value.Clause.GetDraftsAsync()) : opened.Problem!;
    }

    /// <summary>The word diff between two drafts of the clause.</summary>
    public async Task<AppResult<DiffResponse>> DiffAsync(string mouId, string clauseId, int? from, int? to, Caller caller)
    {
        if (from is null || to is null)
            return AppProblem.Invalid(from is null ? "from" : "to", "from and to must both name draft versions");
        var opened = await OpenAsync(mouId, clauseId, caller);
        if (!opened.Ok)
            return opened.Problem!;
        var drafts = await opened.Value.Clause.GetDraftsAsync();
        var left = drafts.FirstOrDefault(d => d.Version == from);
        var right = drafts.FirstOrDefault(d => d.Version == to);
        if (left is null || right is null)
            return AppProblem.NotFound($"there is no draft {(left is null ? from : to)} of this clause");
        return new DiffResponse(from.Value, to.Value, WordDiff.Compute(left.Text, right.Text));
    }

    private static readonly AppProblem StaffOnly = AppProblem.Forbidden("only the secretariat and legal officers change the text");

    private static bool TryParseKind(string value, out ClauseKind kind)
    {
        kind = value.ToLowerInvariant() switch { "preambular" or "pp" => ClauseKind.Preambular, "operative" or "op" => ClauseKind.Operative, _ => (ClauseKind)(-1) };
        return Enum.IsDefined(kind);
    }
}
