using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
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
        mou.MapGet("/proposal-window", WindowAsync).RequireAuthorization(Policies.Reader).Produces<ProposalWindow>();
        mou.MapPut("/proposal-window", SetWindowAsync).RequireAuthorization(Policies.Secretariat)
            .Produces<ProposalWindow>().ProducesValidationProblem().ProducesProblem(404);
        return api;
    }

    /// <summary>409 in plain words while the window is closed (or past its deadline); null while it is open.</summary>
    internal static async Task<IResult?> WindowClosedAsync(IGrainFactory grains, string mouId)
    {
        var window = await grains.GetGrain<IMouGrain>(mouId).GetProposalWindowAsync();
        if (window.Open)
            return null;
        return Problems.Conflict(window.ClosesAt is { } at
            ? $"proposals closed at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC: the secretariat is consolidating the text"
            : "proposals are closed: the secretariat is consolidating the text; no new proposals until it opens them again");
    }

    private static async Task<IResult> ListAsync(string mouId, string? status, string? clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var clauses = clauseId is null ? access.Mou.ClauseIds : access.Mou.ClauseIds.Where(c => c == clauseId).ToList();
        var all = await Task.WhenAll(clauses.Select(c => ClauseProposalsAsync(grains, mouId, c)));
        return TypedResults.Ok(all.SelectMany(p => p).Where(p => status is null || p.Status == status).ToArray());
    }

    /// <summary>A clause's proposals with who supports them and which open ones clash (their changed words overlap).</summary>
    private static async Task<IReadOnlyList<ProposalResponse>> ClauseProposalsAsync(IGrainFactory grains, string mouId, string clauseId)
    {
        var clause = grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId));
        var proposals = await clause.GetProposalsAsync();
        if (proposals.Count == 0)
            return [];
        IReadOnlyDictionary<string, IReadOnlyList<string>> clashes = new Dictionary<string, IReadOnlyList<string>>();
        var open = proposals.Where(p => p.IsOpen && p.Amends is null).ToList();
        if (open.Count > 1)
        {
            var drafts = await clause.GetDraftsAsync();
            var current = drafts[^1].Text;
            clashes = Clashes.Find(current, open.Select(p => new ProposalText(p.Id, drafts.FirstOrDefault(d => d.Version == p.BaseVersion)?.Text ?? current, p.Text)).ToList())
                .ClashesWith;
        }
        return proposals.Select(p => Response(clauseId, p, clashes.GetValueOrDefault(p.Id) ?? [])).ToArray();
    }

    private static ProposalResponse Response(string clauseId, Proposal p, IReadOnlyList<string> clashesWith) =>
        new(p.Id, "replace", clauseId, null, p.Text, p.BaseVersion, p.Amends, p.OnBehalfOf, p.MemberState, p.By, p.At, p.Status,
            p.DecidedBy, p.DecidedAt, p.Note, p.Cosponsors ?? [], clashesWith,
            p.FoldedIntoVersion is { } v ? new FoldedInto(clauseId, v) : null);

    /// <summary>The clause that holds a proposal (ids are unique within an MOU), with the proposal.</summary>
    private static async Task<(string ClauseId, Proposal Proposal)?> FindAsync(IGrainFactory grains, MouAccess.Access access, string proposalId)
    {
        if (!Ids.IsWellFormed(proposalId))
            return null;
        var found = await Task.WhenAll(access.Mou.ClauseIds.Select(async c =>
            (Clause: c, Proposal: (await grains.GetGrain<IClauseGrain>(ClauseKey.For(access.Mou.Id, c)).GetProposalsAsync()).FirstOrDefault(p => p.Id == proposalId))));
        return found.FirstOrDefault(f => f.Proposal is not null) is { Proposal: { } proposal } hit ? (hit.Clause, proposal) : null;
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
        if (await FindAsync(grains, access, proposalId) is not { } found)
            return Problems.NotFound($"there is no proposal {proposalId} in this MOU");
        var clause = grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, found.ClauseId));
        if (status == ProposalStatuses.Accepted)
        {
            var accepted = await clause.AcceptProposalsAsync([proposalId], note, user.ToActor());
            return accepted.Ok ? TypedResults.Ok(Response(found.ClauseId, accepted.Value![0], [])) : Problems.From(accepted);
        }
        var outcome = await clause.CloseProposalAsync(proposalId, status, note, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(Response(found.ClauseId, outcome.Value!, [])) : Problems.From(outcome);
    }

    private static async Task<IResult> AcceptManyAsync(string mouId, string clauseId, AcceptProposalsRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var ids = (body.Ids ?? []).Where(id => id is not null).Select(id => id!).Distinct().ToArray();
        if (ids.Length == 0 || ids.Any(id => !Ids.IsWellFormed(id)))
            return Problems.Invalid("ids", "ids: the open proposals of this clause to accept together");
        var note = body.Note?.Trim() ?? "";
        if (TextRules.Validate(note, "note", maxLength: TextLimits.Rationale, required: false) is { } noteError)
            return Problems.Invalid("note", noteError);
        var (clause, _, problem) = await ClauseEndpoints.OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await clause.AcceptProposalsAsync(ids, note, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(outcome.Value!.Select(p => Response(clauseId, p, [])).ToArray()) : Problems.From(outcome);
    }

    private static async Task<IResult> CosponsorAsync(string mouId, string proposalId, string state, bool joining, ClaimsPrincipal user, IGrainFactory grains)
    {
        var code = state.ToUpperInvariant();
        if (!MemberStates.IsKnown(code))
            return Problems.NotFound($"'{state}' is not an ISO 3166-1 alpha-3 code of a UN member state");
        if (user.MemberState() != code)
            return Problems.Forbidden($"only a delegate of {code} may {(joining ? "join" : "leave")} a proposal for {code}");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        if (!access.Mou.Parties.Contains(code))
            return Problems.Forbidden($"{code} is not a party to this MOU");
        if (await FindAsync(grains, access, proposalId) is not { } found)
            return Problems.NotFound($"there is no proposal {proposalId} in this MOU");
        var outcome = await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, found.ClauseId)).SetCosponsorAsync(proposalId, code, joining, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(Response(found.ClauseId, outcome.Value!, [])) : Problems.From(outcome);
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

public sealed record FoldedInto(string ClauseId, int Version);

/// <summary>A proposal as the amendments contract lists it (API.md, "Amendments").</summary>
public sealed record ProposalResponse(string Id, string Kind, string ClauseId, string? After, string Text, int BaseVersion, string? Amends,
    string OnBehalfOf, string? MemberState, string By, DateTimeOffset At, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note,
    IReadOnlyList<string> Cosponsors, IReadOnlyList<string> ClashesWith, FoldedInto? FoldedInto);
