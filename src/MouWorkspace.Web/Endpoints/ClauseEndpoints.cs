using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Clauses;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Text;
using MouWorkspace.Grains;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

public static class ClauseEndpoints
{
    public static RouteGroupBuilder MapClauseEndpoints(this RouteGroupBuilder api)
    {
        var clauses = api.MapGroup("/mous/{mouId}/clauses").WithTags("Clauses");
        clauses.MapPost("", AddAsync).RequireAuthorization(Policies.Staff)
            .Produces<ClauseCreatedResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        clauses.MapGet("/{clauseId}", GetAsync).RequireAuthorization(Policies.Reader).Produces<ClauseResponse>().ProducesProblem(404);
        clauses.MapPut("/{clauseId}", SaveAsync).RequireAuthorization(Policies.Staff)
            .Produces<VersionResponse>().ProducesProblem(412).ProducesProblem(428).ProducesValidationProblem();
        clauses.MapDelete("/{clauseId}", RemoveAsync).RequireAuthorization(Policies.Staff).Produces(204).ProducesProblem(404);
        clauses.MapPut("/{clauseId}/place", MoveAsync).RequireAuthorization(Policies.Staff)
            .Produces(204).ProducesProblem(404).ProducesValidationProblem();
        clauses.MapPut("/{clauseId}/agreement", AgreeAsync).RequireAuthorization(Policies.Staff)
            .Produces<ClauseResponse>().ProducesProblem(409).ProducesValidationProblem();
        clauses.MapGet("/{clauseId}/drafts", DraftsAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<Draft>>();
        clauses.MapGet("/{clauseId}/diff", DiffAsync).RequireAuthorization(Policies.Reader).Produces<DiffResponse>().ProducesProblem(404);
        return api;
    }

    /// <summary>The clause grain, after the MOU rules (organization, confidentiality) and the clause's membership are checked.</summary>
    internal static async Task<(IClauseGrain? Clause, MouAccess.Access? Access, IResult? Problem)> OpenAsync(
        IGrainFactory grains, string mouId, string clauseId, ClaimsPrincipal user, LocalReads? reads = null)
    {
        var (access, hasClause, problem) = await MouAccess.OpenClauseAsync(grains, mouId, clauseId, user, reads);
        if (access is null)
            return (null, null, problem);
        if (!hasClause)
            return (null, null, Problems.NotFound($"there is no clause {clauseId} in this MOU"));
        return (grains.Get<IClauseGrain>(ClauseKey.For(mouId, clauseId)), access, null);
    }

    private static async Task<IResult> AddAsync(string mouId, AddClauseRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (TextRules.Validate(body.Heading, "heading", required: false, maxLength: TextLimits.Heading) is { } headingError)
            return Problems.Invalid("heading", headingError);
        if (TextRules.Validate(body.Text, "text") is { } textError)
            return Problems.Invalid("text", textError);
        var kind = ClauseKind.Operative;
        if (body.Kind is not null && !TryParseKind(body.Kind, out kind))
            return Problems.Invalid("kind", "kind: must be preambular or operative");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var outcome = await access.Grain.AddClauseAsync(new AddClause(body.Heading?.Trim() ?? "", body.Text!, body.After, kind, user.ToActor()));
        if (!outcome.Ok)
            return Problems.From(outcome);
        var clause = outcome.Value!;
        return TypedResults.Created($"/api/mous/{mouId}/clauses/{clause.Id}", new ClauseCreatedResponse(clause.Id, clause.Number, clause.Version));
    }

    private static async Task<IResult> GetAsync(string mouId, string clauseId, ClaimsPrincipal user, IGrainFactory grains, LocalReads reads,
        IOptions<JsonOptions> json, HttpContext http)
    {
        var (clause, _, problem) = await OpenAsync(grains, mouId, clauseId, user, reads: reads);
        if (clause is null)
            return problem!;
        // The clause grain active in this process has published its stored view (LocalReads): no call needed, and
        // the answer to that view is made once, not per read.
        var published = reads.Clause(ClauseKey.For(mouId, clauseId));
        var view = published ?? await clause.GetAsync();
        if (view is null)
            return Problems.NotFound($"there is no clause {clauseId} in this MOU");
        RenderedClause? rendered = null;
        if (published is null || !Rendered.TryGetValue(published, out rendered))
        {
            rendered = new RenderedClause(JsonSerializer.SerializeToUtf8Bytes(ClauseResponse.From(view), json.Value.SerializerOptions), ETags.For(view.Version));
            if (published is not null)
                Rendered.TryAdd(published, rendered);
        }
        http.Response.Headers.ETag = rendered.ETag;
        return TypedResults.Bytes(rendered.Json, JsonContentType);
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    private sealed record RenderedClause(byte[] Json, string ETag);

    /// <summary>A published view's answer, kept as long as the view itself (views are immutable, one per stored version).</summary>
    private static readonly ConditionalWeakTable<ClauseView, RenderedClause> Rendered = new();

    private static async Task<IResult> SaveAsync(string mouId, string clauseId, SaveDraftRequest body, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return Problems.PreconditionRequired("send If-Match with the version you edited (the ETag of GET …/clauses/{clauseId})");
        if (!ETags.TryParse(ifMatch, out var expected))
            return Problems.Invalid("If-Match", "If-Match: must be a clause version such as \"3\"");
        if (TextRules.Validate(body.Text, "text") is { } textError)
            return Problems.Invalid("text", textError);
        if (TextRules.Validate(body.Rationale, "rationale", required: false, maxLength: TextLimits.Rationale) is { } rationaleError)
            return Problems.Invalid("rationale", rationaleError);
        var (clause, _, problem) = await OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await clause.SaveDraftAsync(body.Text!, body.Rationale ?? "", expected, user.ToActor());
        if (!outcome.Ok)
            return Problems.From(outcome);
        http.Response.Headers.ETag = ETags.For(outcome.Value!.Version);
        return TypedResults.Ok(new VersionResponse(outcome.Value.Version));
    }

    private static async Task<IResult> RemoveAsync(string mouId, string clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (clause, access, problem) = await OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await access!.Grain.RemoveClauseAsync(clauseId, user.ToActor());
        return outcome.Ok ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static async Task<IResult> MoveAsync(string mouId, string clauseId, MoveClauseRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (clause, access, problem) = await OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await access!.Grain.MoveClauseAsync(clauseId, string.IsNullOrEmpty(body.After) ? null : body.After, user.ToActor());
        return outcome.Ok ? TypedResults.NoContent() : Problems.From(outcome);
    }

    private static async Task<IResult> AgreeAsync(string mouId, string clauseId, AgreementRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ClauseStatusRules.TryParseAgreement(body.Agreement, out var agreement))
            return Problems.Invalid("agreement", "agreement: must be open, ad-ref or agreed");
        var (clause, _, problem) = await OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var outcome = await clause.SetAgreementAsync(agreement, user.ToActor());
        return outcome.Ok ? TypedResults.Ok(ClauseResponse.From(outcome.Value!)) : Problems.From(outcome);
    }

    private static async Task<IResult> DraftsAsync(string mouId, string clauseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (clause, _, problem) = await OpenAsync(grains, mouId, clauseId, user);
        return clause is null ? problem! : TypedResults.Ok(await clause.GetDraftsAsync());
    }

    private static async Task<IResult> DiffAsync(string mouId, string clauseId, int? from, int? to, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (from is null || to is null)
            return Problems.Invalid(from is null ? "from" : "to", "from and to must both name draft versions");
        var (clause, _, problem) = await OpenAsync(grains, mouId, clauseId, user);
        if (clause is null)
            return problem!;
        var drafts = await clause.GetDraftsAsync();
        var left = drafts.FirstOrDefault(d => d.Version == from);
        var right = drafts.FirstOrDefault(d => d.Version == to);
        if (left is null || right is null)
            return Problems.NotFound($"there is no draft {(left is null ? from : to)} of this clause");
        return TypedResults.Ok(new DiffResponse(from.Value, to.Value, WordDiff.Compute(left.Text, right.Text)));
    }

    private static bool TryParseKind(string value, out ClauseKind kind)
    {
        kind = value.ToLowerInvariant() switch { "preambular" or "pp" => ClauseKind.Preambular, "operative" or "op" => ClauseKind.Operative, _ => (ClauseKind)(-1) };
        return Enum.IsDefined(kind);
    }
}
