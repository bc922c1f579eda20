using MouWorkspace.Application.Discussion;
using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Amendments;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// The amendment workflow over HTTP (../shared/API.md, "Amendments"): every proposal of a text with its co-sponsors and
/// clashes, deciding proposals (accepting folds them into a new draft on the server), co-sponsoring, the proposal window.
/// </summary>
public static class AmendmentEndpoints
{
    public static RouteGroupBuilder MapAmendmentEndpoints(this RouteGroupBuilder api)
    {
        var mou = api.MapGroup("/mous/{mouId}").WithTags("Amendments");
        mou.MapGet("/proposals", ListAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<ProposalResponse>>().ProducesProblem(404);
        mou.MapPost("/proposals", ProposeParagraphAsync).RequireAuthorization(Policies.Delegate)
            .Produces<ProposalCreatedResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        mou.MapGet("/compilation", CompilationAsync).RequireAuthorization(Policies.Reader).Produces<CompilationResponse>().ProducesValidationProblem().ProducesProblem(404);
        mou.MapPut("/proposals/{proposalId}/status", DecideAsync).RequireAuthorization(Policies.Reader)
            .Produces<ProposalResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        mou.MapPost("/clauses/{clauseId}/proposals/accept", AcceptManyAsync).RequireAuthorization(Policies.Staff)
            .Produces<IReadOnlyList<ProposalResponse>>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        mou.MapPut("/proposals/{proposalId}/cosponsors/{state}", (string mouId, string proposalId, string state, ClaimsPrincipal user, IGrainFactory grains) =>
            CosponsorAsync(mouId, proposalId, state, true, user, grains)).RequireAuthorization(Policies.Delegate)
            .Produces<ProposalResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        mou.MapDelete("/proposals/{proposalId}/cosponsors/{state}", (string mouId, string proposalId, string state, ClaimsPrincipal user, IGrainFactory grains) =>
            CosponsorAsync(mouId, proposalId, state, false, user, grains)).RequireAuthorization(Policies.Delegate)
            .Produces<ProposalResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        mou.MapPost("/clauses/{clauseId}/proposals/bridging", BridgingAsync).RequireAuthorization(Policies.Staff)
            .Produces<ProposalCreatedResponse>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        mou.MapPut("/proposals/{proposalId}/responses/{state}", AnswerBridgingAsync).RequireAuthorization(Policies.Delegate)
            .Produces<ProposalResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        mou.MapGet("/proposal-window", WindowAsync).RequireAuthorization(Policies.Reader).Produces<ProposalWindow>();
        mou.MapPut("/proposal-window", SetWindowAsync).RequireAuthorization(Policies.Secretariat)
            .Produces<ProposalWindow>().ProducesValidationProblem().ProducesProblem(404);
        return api;
    }

    /// <summary>409 in plain words while the window is closed (or past its deadline); null while it is open.</summary>
    private static async Task<IResult> ListAsync(string mouId, string? status, string? clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var all = await ProposalReads.AllAsync(grains, access.Mou, clauseId);
        return TypedResults.Ok(all.Where(p => status is null || p.Status == status).ToArray());
    }

    private static async Task<IResult> CompilationAsync(string mouId, string? state, string? status, ClaimsPrincipal user, IGrainFactory grains)
    {
        var code = state?.Trim().ToUpperInvariant();
        if (code is not null && !MemberStates.IsKnown(code) && MemberStates.FindGroup(code) is null)
            return Problems.Invalid("state", $"state: '{state}' is neither a member state nor a known group");
        if (status is not null && status is not ("open" or "ad-ref" or "agreed"))
            return Problems.Invalid("status", "status: open, ad-ref or agreed");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        return TypedResults.Ok(await Compilation.BuildAsync(grains, access.Mou, code, status));
    }

    private static async Task<IResult> ProposeParagraphAsync(string mouId, ParagraphProposalRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var kind = body.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !ProposalKinds.Structural.Contains(kind))
            return Problems.Invalid("kind", kind == ProposalKinds.Replace
                ? "kind: new wording for a clause is proposed on the clause (POST /api/mous/{mouId}/clauses/{clauseId}/proposals)"
                : "kind: insert (a new paragraph), delete or move");
        if (kind == ProposalKinds.Insert)
        {
            if (TextRules.Validate(body.Text, "text", maxLength: TextLimits.Proposal) is { } textError)
                return Problems.Invalid("text", textError);
            if (TextRules.Validate(body.Heading, "heading", required: false, maxLength: TextLimits.Heading) is { } headingError)
                return Problems.Invalid("heading", headingError);
            if (body.ClauseKind?.Trim().ToLowerInvariant() is not ("preambular" or "operative"))
                return Problems.Invalid("clauseKind", "clauseKind: preambular or operative");
        }
        else if (string.IsNullOrWhiteSpace(body.ClauseId) || !Ids.IsWellFormed(body.ClauseId))
            return Problems.Invalid("clauseId", $"clauseId: the paragraph to {kind}");
        if (body.After is { } after && !Ids.IsWellFormed(after))
            return Problems.Invalid("after", "after: not a clause id");
        var sponsor = DiscussionRules.ResolveSponsor(body.OnBehalfOf, user.ToCaller());
        if (!sponsor.Ok)
            return Problems.From(sponsor.Problem!);
        var onBehalfOf = sponsor.Value!;
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        if (await DiscussionService.WindowClosedAsync(access.Grain) is { } closed)
            return Problems.From(closed);
        var outcome = await access.Grain.ProposeParagraphAsync(new ParagraphProposal(kind, body.ClauseId, body.After,
            kind == ProposalKinds.Insert ? body.Heading?.Trim() ?? "" : null, kind == ProposalKinds.Insert ? body.Text!.Trim() : "",
            kind == ProposalKinds.Insert ? body.ClauseKind!.Trim().ToLowerInvariant() : null, onBehalfOf, user.ToActor()));
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/proposals#{outcome.Value!.Id}", new ProposalCreatedResponse(outcome.Value.Id, outcome.Value.Status, null))
            : Problems.From(outcome);
    }

    private static async Task<IResult> DecideAsync(string mouId, string proposalId, ProposalStatusRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var status = body.Status?.Trim().ToLowerInvariant();
        if (status is null || !ProposalStatuses.Decisions.Contains(status))
            return Problems.Invalid("status", "status: accepted, rejected or withdrawn");
        var note = body.Note?.Trim() ?? "";
        if (TextRules.Validate(note, "note", maxLength: TextLimits.Rationale, required: false) is { } noteError)
            return Problems.Invalid("note", noteError);
        if (status is ProposalStatuses.Accepted or ProposalStatuses.Rejected && !user.IsStaff())
            return Problems.Forbidden("only the secretariat and legal officers decide proposals; a sponsor may withdraw its own");
        if (status == ProposalStatuses.Withdrawn && !user.IsInRole(Roles.Delegate))
            return Problems.Forbidden("a proposal is withdrawn by its sponsor's delegates");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        if (await ProposalReads.FindAsync(grains, access.Mou, proposalId) is not { } found)
            return Problems.NotFound($"there is no proposal {proposalId} in this MOU");
        if (found.ClauseId is null)
        {
            var paragraph = await access.Grain.DecideParagraphProposalAsync(proposalId, status, note, user.ToActor());
            return paragraph.Ok ? TypedResults.Ok(ProposalReads.Response(paragraph.Value!, paragraph.Value!.ClauseId, [])) : Problems.From(paragraph);
        }
        var clause = grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, found.ClauseId));
        if (status == ProposalStatuses.Accepted)
        {
            var accepted = await clause.AcceptProposalsAsync([proposalId], note, user.ToActor());
            return accepted.Ok ? TypedResults.Ok(ProposalReads.Response(accepted.Value![0], found.ClauseId, [])) : Problems.From(accepted);
        }
        var outcome = await clause.CloseProposalAsync(proposalId, status, note, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(ProposalReads.Response(outcome.Value!, found.ClauseId, [])) : Problems.From(outcome);
    }

    private static async Task<IResult> AcceptManyAsync(string mouId, string clauseId, AcceptProposalsRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (ids, note, invalid) = IdsAndNote(body.Ids, "ids", "the open proposals of this clause to accept together", body.Note);
        if (invalid is not null)
            return invalid;
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await clause.AcceptProposalsAsync(ids, note, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(outcome.Value!.Select(p => ProposalReads.Response(p, clauseId, [])).ToArray()) : Problems.From(outcome);
    }

    private static async Task<IResult> CosponsorAsync(string mouId, string proposalId, string state, bool joining, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (OwnState(state, user, joining ? "join a proposal" : "leave a proposal") is { } refused)
            return refused;
        var code = state.ToUpperInvariant();
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        if (!access.Mou.Parties.Contains(code))
            return Problems.Forbidden($"{code} is not a party to this MOU");
        if (await ProposalReads.FindAsync(grains, access.Mou, proposalId) is not { } found)
            return Problems.NotFound($"there is no proposal {proposalId} in this MOU");
        var outcome = found.ClauseId is null
            ? await access.Grain.SetParagraphCosponsorAsync(proposalId, code, joining, user.ToActor())
            : await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, found.ClauseId)).SetCosponsorAsync(proposalId, code, joining, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(ProposalReads.Response(outcome.Value!, found.ClauseId ?? outcome.Value!.ClauseId, [])) : Problems.From(outcome);
    }

    /// <summary>At least one well-formed proposal id in <paramref name="field"/> and an optional note, or the 400 to answer.</summary>
    private static (string[] Ids, string Note, IResult? Problem) IdsAndNote(string?[]? ids, string field, string what, string? note)
    {
        var distinct = (ids ?? []).OfType<string>().Distinct().ToArray();
        if (distinct.Length == 0 || distinct.Any(id => !Ids.IsWellFormed(id)))
            return ([], "", Problems.Invalid(field, $"{field}: {what}"));
        var trimmed = note?.Trim() ?? "";
        return TextRules.Validate(trimmed, "note", maxLength: TextLimits.Rationale, required: false) is { } noteError
            ? ([], "", Problems.Invalid("note", noteError))
            : (distinct, trimmed, null);
    }

    /// <summary>404 for what is not a member state's code, 403 unless the caller is a delegate of that state; null when it is.</summary>
    private static IResult? OwnState(string state, ClaimsPrincipal user, string what)
    {
        var code = state.ToUpperInvariant();
        if (!MemberStates.IsKnown(code))
            return Problems.NotFound($"'{state}' is not an ISO 3166-1 alpha-3 code of a UN member state");
        return user.MemberState() != code ? Problems.Forbidden($"only a delegate of {code} may {what} for {code}") : null;
    }

    private static async Task<IResult> BridgingAsync(string mouId, string clauseId, BridgingTextRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (TextRules.Validate(body.Text, "text", maxLength: TextLimits.Proposal) is { } textError)
            return Problems.Invalid("text", textError);
        var (ids, note, invalid) = IdsAndNote(body.Supersedes, "supersedes", "the open proposals of this clause the bridging text replaces", body.Note);
        if (invalid is not null)
            return invalid;
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await clause.AddBridgingTextAsync(body.Text!.Trim(), ids, note, user.ToActor());
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/proposals#{outcome.Value!.Id}", new ProposalCreatedResponse(outcome.Value.Id, outcome.Value.Status, outcome.Value.BaseVersion))
            : Problems.From(outcome);
    }

    private static async Task<IResult> AnswerBridgingAsync(string mouId, string proposalId, string state, BridgingAnswerRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body.CanAccept is not { } canAccept)
            return Problems.Invalid("canAccept", "canAccept: true or false");
        var note = body.Note?.Trim() ?? "";
        if (TextRules.Validate(note, "note", maxLength: TextLimits.Rationale, required: false) is { } noteError)
            return Problems.Invalid("note", noteError);
        if (OwnState(state, user, "answer a bridging text") is { } refused)
            return refused;
        var code = state.ToUpperInvariant();
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        if (await ProposalReads.FindAsync(grains, access.Mou, proposalId) is not { ClauseId: { } clauseId })
            return Problems.NotFound($"there is no bridging text {proposalId} in this MOU");
        var outcome = await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId)).RespondToBridgingTextAsync(proposalId, code, canAccept, note, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(ProposalReads.Response(outcome.Value!, clauseId, [])) : Problems.From(outcome);
    }

    private static async Task<IResult> WindowAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        return access is null ? problem! : TypedResults.Ok(await access.Grain.GetProposalWindowAsync());
    }

    private static async Task<IResult> SetWindowAsync(string mouId, ProposalWindowRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body.Open is not { } open)
            return Problems.Invalid("open", "open: true to take proposals (with an optional closesAt), false to close them");
        if (!open && body.ClosesAt is not null)
            return Problems.Invalid("closesAt", "closesAt: only with open=true");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var outcome = await access.Grain.SetProposalWindowAsync(open, body.ClosesAt, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome);
    }
}
