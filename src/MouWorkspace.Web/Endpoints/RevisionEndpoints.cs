using System.Security.Claims;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Positions;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

public static class RevisionEndpoints
{
    public static RouteGroupBuilder MapRevisionEndpoints(this RouteGroupBuilder api)
    {
        var mou = api.MapGroup("/mous/{mouId}").WithTags("Revisions");
        mou.MapPost("/revisions", PublishAsync).RequireAuthorization(Policies.Secretariat)
            .Produces<Languages.PublishedRevisionResponse>(201).ProducesValidationProblem().ProducesProblem(409);
        mou.MapGet("/revisions/{number:int}", GetAsync).RequireAuthorization(Policies.Reader).Produces<RevisionResponse>().ProducesProblem(404);
        mou.MapGet("/compare", CompareAsync).RequireAuthorization(Policies.Reader).WithMetadata(new ExpensiveAttribute()).Produces<CompareResponse>().ProducesProblem(404);
        mou.MapPost("/revisions/{number:int}/positions", GivePositionAsync).RequireAuthorization(Policies.Delegate)
            .Produces<PositionResponse>(201).ProducesProblem(403).ProducesProblem(409);
        mou.MapGet("/revisions/{number:int}/positions", PositionsAsync).RequireAuthorization(Policies.Reader).Produces<PositionsResponse>();
        return api;
    }

    private static async Task<IResult> PublishAsync(string mouId, RevisionRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        if (TextRules.Validate(body.Symbol, "symbol", maxLength: TextLimits.Symbol) is { } error)
            return Problems.Invalid("symbol", error);
        DateOnly? publishedOn = null;
        if (!string.IsNullOrWhiteSpace(body.PublishedOn))
        {
            if (TrackingInput.Date(body.PublishedOn, "publishedOn", out var dateProblem) is not { } day)
                return dateProblem!;
            publishedOn = day;
        }
        var outcome = await access.Grain.PublishRevisionAsync(body.Symbol!.Trim(), user.ToActor(), publishedOn);
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/revisions/{outcome.Value!.Number}", await Languages.RevisionLanguages.PublishedAsync(grains, mouId, outcome.Value))
            : Problems.From(outcome);
    }

    private static async Task<IResult> GetAsync(string mouId, int number, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var revision = await access.Grain.GetRevisionAsync(number);
        if (revision is null)
            return Problems.NotFound($"there is no revision {number} of this MOU");
        var info = revision.Info;
        return TypedResults.Ok(new RevisionResponse(info.Number, info.Label, info.Hash, info.PublishedAt, info.PublishedBy,
            revision.Clauses.Select(c => new RevisionClauseResponse(c.Id, c.Number, c.Heading, c.Text, c.Version, c.Status)).ToArray(), info.Symbol));
    }

    private static async Task<IResult> CompareAsync(string mouId, int? from, int? to, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (from is null || to is null)
            return Problems.Invalid(from is null ? "from" : "to", "from and to must both name revision numbers");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var left = await access.Grain.GetRevisionAsync(from.Value);
        var right = await access.Grain.GetRevisionAsync(to.Value);
        if (left is null || right is null)
            return Problems.NotFound($"there is no revision {(left is null ? from : to)} of this MOU");
        var comparison = RevisionCompare.Compare(Snapshots(left), Snapshots(right));
        return TypedResults.Ok(new CompareResponse(from.Value, to.Value, comparison));
    }

    private static async Task<IResult> GivePositionAsync(string mouId, int number, PositionRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!MemberStates.IsKnown(body.MemberState))
            return Problems.Invalid("memberState", $"memberState: '{body.MemberState}' is not an ISO 3166-1 alpha-3 code of a UN member state");
        if (!Enum.TryParse<PositionKind>(body.Position, ignoreCase: true, out var position) || !Enum.IsDefined(position) || int.TryParse(body.Position, out _))
            return Problems.Invalid("position", "position: must be agree, reserve or object");
        if (TextRules.Validate(body.Note, "note", required: position != PositionKind.Agree, maxLength: TextLimits.PositionNote) is { } noteError)
            return Problems.Invalid("note", position == PositionKind.Agree ? noteError : noteError + " (a reservation or objection says why)");
        var state = body.MemberState!.ToUpperInvariant();
        if (user.MemberState() != state)
            return Problems.Forbidden($"a delegate gives positions for its own state only ({user.MemberState() ?? "none"}), not for {state}");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var outcome = await access.Grain.GivePositionAsync(number, state, position, body.Note ?? "", user.ToActor());
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/revisions/{number}/positions", PositionResponse.From(outcome.Value!))
            : Problems.From(outcome);
    }

    private static async Task<IResult> PositionsAsync(string mouId, int number, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var positions = await access.Grain.GetPositionsAsync(number);
        if (positions is null)
            return Problems.NotFound($"there is no revision {number} of this MOU");
        return TypedResults.Ok(new PositionsResponse(positions.Revision, positions.Hash,
            positions.Positions.Select(PositionResponse.From).ToArray(), positions.Consensus.ToString().ToLowerInvariant(),
            (positions.History ?? positions.Positions).Select(PositionResponse.From).ToArray()));
    }

    private static List<ClauseSnapshot> Snapshots(RevisionSnapshot revision) =>
        revision.Clauses.Select(c => new ClauseSnapshot(c.Id, c.Number, c.Heading, c.Text, c.Version)).ToList();
}
