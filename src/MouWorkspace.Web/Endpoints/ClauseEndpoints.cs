using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Application.Clauses;
using MouWorkspace.Grains;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>The clause routes: adapters from HTTP (route values, If-Match, JSON) to <see cref="ClauseService"/> and back.</summary>
public static class ClauseEndpoints
{
    public static RouteGroupBuilder MapClauseEndpoints(this RouteGroupBuilder api)
    {
        var clauses = api.MapGroup("/mous/{mouId}/clauses").WithTags("Clauses");
        clauses.MapPost("", AddAsync).RequireAuthorization(Policies.Staff).ProducesValidationProblem().ProducesProblem(404);
        // The answer is JSON bytes made once per stored view: its type is said here, not inferred.
        clauses.MapGet("/{clauseId}", GetAsync).RequireAuthorization(Policies.Reader).Produces<ClauseResponse>().ProducesProblem(404);
        clauses.MapPut("/{clauseId}", SaveAsync).RequireAuthorization(Policies.Staff)
            .ProducesProblem(412).ProducesProblem(428).ProducesValidationProblem();
        clauses.MapDelete("/{clauseId}", RemoveAsync).RequireAuthorization(Policies.Staff).ProducesProblem(404);
        clauses.MapPut("/{clauseId}/place", MoveAsync).RequireAuthorization(Policies.Staff).ProducesProblem(404).ProducesValidationProblem();
        clauses.MapPut("/{clauseId}/agreement", AgreeAsync).RequireAuthorization(Policies.Staff).ProducesProblem(409).ProducesValidationProblem();
        clauses.MapGet("/{clauseId}/drafts", DraftsAsync).RequireAuthorization(Policies.Reader);
        clauses.MapGet("/{clauseId}/diff", DiffAsync).RequireAuthorization(Policies.Reader).ProducesProblem(404);
        return api;
    }

    /// <summary>The clause grain, after the MOU rules (organization, confidentiality) and the clause's membership are checked.</summary>
    internal static async Task<(IClauseGrain? Clause, MouWorkspace.Application.Access.MouAccess.Access? Access, IResult? Problem)> OpenAsync(
        IGrainFactory grains, string mouId, string clauseId, ClaimsPrincipal user, LocalReads? reads = null)
    {
        var service = new ClauseService(grains, new MouWorkspace.Application.Access.MouAccess(grains, reads), reads);
        var opened = await service.OpenAsync(mouId, clauseId, user.ToCaller(), local: reads is not null);
        return opened.Ok ? (opened.Value.Clause, opened.Value.Access, null) : (null, null, Problems.From(opened.Problem!));
    }

    private static async Task<Results<Created<ClauseCreatedResponse>, ProblemHttpResult>> AddAsync(
        string mouId, AddClauseRequest body, ClaimsPrincipal user, ClauseService clauses)
    {
        var added = await clauses.AddAsync(mouId, body, user.ToCaller());
        if (!added.Ok)
            return Problems.From(added.Problem!);
        return TypedResults.Created($"/api/mous/{mouId}/clauses/{added.Value!.Id}", added.Value);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string mouId, string clauseId, ClaimsPrincipal user, ClauseService clauses, IOptions<JsonOptions> json, HttpContext http)
    {
        var read = await clauses.GetAsync(mouId, clauseId, user.ToCaller());
        if (!read.Ok)
            return Problems.From(read.Problem!);
        // A view its grain published (LocalReads) is answered with JSON made once for it, not per read.
        var (view, published) = read.Value!;
        if (!published || !Rendered.TryGetValue(view, out var rendered))
        {
            rendered = new RenderedClause(JsonSerializer.SerializeToUtf8Bytes(ClauseResponse.From(view), json.Value.SerializerOptions), ETags.For(view.Version));
            if (published)
                Rendered.TryAdd(view, rendered);
        }
        http.Response.Headers.ETag = rendered.ETag;
        return TypedResults.Bytes(rendered.Json, JsonContentType);
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    private sealed record RenderedClause(byte[] Json, string ETag);

    /// <summary>A published view's answer, kept as long as the view itself (views are immutable, one per stored version).</summary>
    private static readonly ConditionalWeakTable<ClauseView, RenderedClause> Rendered = new();

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> SaveAsync(
        string mouId, string clauseId, SaveDraftRequest body, ClaimsPrincipal user, ClauseService clauses, HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return Problems.From(new(MouWorkspace.Application.Results.ProblemKind.PreconditionRequired,
                "send If-Match with the version you edited (the ETag of GET …/clauses/{clauseId})"));
        if (!ETags.TryParse(ifMatch, out var expected))
            return Problems.From(MouWorkspace.Application.Results.AppProblem.Invalid("If-Match", "If-Match: must be a clause version such as \"3\""));
        var saved = await clauses.SaveDraftAsync(mouId, clauseId, expected, body, user.ToCaller());
        if (!saved.Ok)
            return Problems.From(saved.Problem!);
        http.Response.Headers.ETag = ETags.For(saved.Value!.Version);
        return TypedResults.Ok(saved.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string mouId, string clauseId, ClaimsPrincipal user, ClauseService clauses) =>
        (await clauses.RemoveAsync(mouId, clauseId, user.ToCaller())).NoContentOr();

    private static async Task<Results<NoContent, ProblemHttpResult>> MoveAsync(
        string mouId, string clauseId, MoveClauseRequest body, ClaimsPrincipal user, ClauseService clauses) =>
        (await clauses.MoveAsync(mouId, clauseId, body, user.ToCaller())).NoContentOr();

    private static async Task<Results<Ok<ClauseResponse>, ProblemHttpResult>> AgreeAsync(
        string mouId, string clauseId, AgreementRequest body, ClaimsPrincipal user, ClauseService clauses) =>
        (await clauses.SetAgreementAsync(mouId, clauseId, body, user.ToCaller())).OkOr();

    private static async Task<Results<Ok<IReadOnlyList<Draft>>, ProblemHttpResult>> DraftsAsync(
        string mouId, string clauseId, ClaimsPrincipal user, ClauseService clauses) =>
        (await clauses.DraftsAsync(mouId, clauseId, user.ToCaller())).OkOr();

    private static async Task<Results<Ok<DiffResponse>, ProblemHttpResult>> DiffAsync(
        string mouId, string clauseId, int? from, int? to, ClaimsPrincipal user, ClauseService clauses) =>
        (await clauses.DiffAsync(mouId, clauseId, from, to, user.ToCaller())).OkOr();
}
