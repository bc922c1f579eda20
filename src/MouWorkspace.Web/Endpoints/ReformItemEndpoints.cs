using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Documents.Reform;
using MouWorkspace.Domain;
using MouWorkspace.Domain.Text;
using MouWorkspace.Domain.Tracking;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>The reform board: readable by everyone across organizations (the report is public), changed by staff of the owner.</summary>
public static class ReformItemEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RouteGroupBuilder MapReformItemEndpoints(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/reform-items").WithTags("Reform items");
        items.MapGet("/", ListAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<ReformItemResponse>>().ProducesValidationProblem();
        items.MapGet("/board", BoardAsync).RequireAuthorization(Policies.Reader).Produces<BoardResponse>();
        items.MapGet("/export.xlsx", ExportAsync).RequireAuthorization(Policies.Reader).WithMetadata(new ExpensiveAttribute()).Produces(200, contentType: TccEndpoints.Xlsx);
        items.MapGet("/report.docx", ReportAsync).RequireAuthorization(Policies.Reader).WithMetadata(new ExpensiveAttribute()).Produces(200, contentType: Docx);
        items.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Reader).Produces<ReformItemDetailResponse>().ProducesProblem(404);
        items.MapPost("/{id}/status", SetStatusAsync).RequireAuthorization(Policies.Staff)
            .Produces<ReformItemDetailResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> ListAsync(string? organization, IGrainFactory grains)
    {
        if (organization is not null && Organizations.Find(organization) is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{organization}'");
        var items = await grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync();
        return TypedResults.Ok(items.Where(i => organization is null || string.Equals(i.Organization, organization, StringComparison.OrdinalIgnoreCase))
            .Select(ReformItemResponse.From).ToArray());
    }

    private static async Task<IResult> BoardAsync(IGrainFactory grains, TimeProvider clock)
    {
        var items = await grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync();
        var pillars = Enum.GetValues<ReformPillar>().Select(p => new BoardPillarResponse(ReformRules.ToWire(p), ReformRules.Title(p),
            Enum.GetValues<ReformStatus>().Select(s => new BoardColumnResponse(ReformRules.ToWire(s),
                items.Where(i => i.Pillar == p && i.Status == s).Select(ReformItemResponse.From).ToArray())).ToArray())).ToArray();
        var totals = Enum.GetValues<ReformStatus>().ToDictionary(ReformRules.ToWire, s => items.Count(i => i.Status == s));
        return TypedResults.Ok(new BoardResponse(PastDates.Today(clock.GetUtcNow()), items.Select(i => i.Organization).Distinct().ToArray(),
            pillars, totals, items.Count(i => i.Overdue)));
    }

    private static async Task<IResult> ExportAsync(IGrainFactory grains, TimeProvider clock)
    {
        var stream = new MemoryStream();
        ReformWorkbook.Write(stream, await SnapshotAsync(grains, clock));
        stream.Position = 0;
        return TypedResults.File(stream, TccEndpoints.Xlsx, "reform-items.xlsx");
    }

    private static async Task<IResult> ReportAsync(IGrainFactory grains, TimeProvider clock)
    {
        var stream = new MemoryStream();
        ReformReportDocx.Write(stream, await SnapshotAsync(grains, clock));
        stream.Position = 0;
        return TypedResults.File(stream, Docx, "reform-status.docx");
    }

    /// <summary>The board as the workbook and the report take it.</summary>
    private static async Task<ReformSnapshot> SnapshotAsync(IGrainFactory grains, TimeProvider clock) => new(PastDates.Today(clock.GetUtcNow()),
        (await grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync())
            .Select(i => new ReformRow(i.Id, i.Title, i.Pillar, i.Organization, i.Status, i.StatusOn, i.DueOn, i.Overdue)).ToArray());

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains)
    {
        var item = Ids.IsWellFormed(id) ? await grains.GetGrain<IReformItemGrain>(id).GetAsync() : null;
        return item is null ? Problems.NotFound($"there is no reform item {id}") : TypedResults.Ok(ReformItemDetailResponse.From(item));
    }

    private static async Task<IResult> SetStatusAsync(string id, ReformStatusRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ReformRules.TryParseStatus(body.Status, out var status))
            return Problems.Invalid("status", "status: must be not-started, in-progress, completed or stalled");
        if (TextRules.Validate(body.Note, "note", maxLength: TextLimits.StatusNote) is { } noteError)
            return Problems.Invalid("note", noteError + " (say why the status changed)");
        if (TrackingInput.Date(body.On, "on", out var dateProblem) is not { } on)
            return dateProblem!;
        if (!Ids.IsWellFormed(id))
            return Problems.NotFound($"there is no reform item {id}");
        var outcome = await grains.GetGrain<IReformItemGrain>(id).SetStatusAsync(status, on, body.Note!.Trim(), user.ToActor());
        return outcome.Ok ? TypedResults.Ok(ReformItemDetailResponse.From(outcome.Value!)) : Problems.From(outcome);
    }
}
