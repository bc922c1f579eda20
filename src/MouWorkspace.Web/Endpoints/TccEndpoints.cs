using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Tracking;
using MouWorkspace.Documents.Tracking;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Domain.Tracking;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Tracking;

namespace MouWorkspace.Web.Endpoints;

public static class TccEndpoints
{
    public static RouteGroupBuilder MapTccEndpoints(this RouteGroupBuilder api)
    {
        var tccs = api.MapGroup("/tccs").WithTags("Tracking");
        tccs.MapGet("/", ListAsync).RequireAuthorization(Policies.Reader).Produces<IReadOnlyList<TccListItem>>();
        tccs.MapGet("/matrix", MatrixAsync).RequireAuthorization(Policies.Reader).Produces<MatrixResponse>().ProducesValidationProblem();
        tccs.MapGet("/export.xlsx", ExportAsync).RequireAuthorization(Policies.Reader).WithMetadata(new ExpensiveAttribute()).Produces(200, contentType: Xlsx);
        tccs.MapGet("/{code}", GetAsync).RequireAuthorization(Policies.Reader).Produces<TccResponse>().ProducesProblem(404);
        tccs.MapPut("/{code}/adoptions/{mouId}", AdoptAsync).RequireAuthorization(Policies.LegalOfficer)
            .Produces<AdoptionResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        tccs.MapGet("/{code}/drift/{mouId}", DriftAsync).RequireAuthorization(Policies.Reader).Produces<DriftResponse>().ProducesProblem(404);
        tccs.MapPost("/{code}/training", CertifyTrainingAsync).RequireAuthorization(Policies.LegalOfficer)
            .Produces<TrainingResponse>(201).ProducesValidationProblem().ProducesProblem(404);
        tccs.MapPut("/{code}/discipline/{year:int}", ReportDisciplineAsync).RequireAuthorization(Policies.LegalOfficer)
            .Produces<DisciplineResponse>().ProducesValidationProblem().ProducesProblem(404);
        TccEvidenceEndpoints.Map(tccs);
        return api;
    }

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var (organizations, problem) = TrackingInput.Organizations(user, null);
        if (organizations is null)
            return problem!;
        var summaries = (await grains.GetGrain<ITccIndexGrain>(ITccIndexGrain.Key).ListAsync()).ToDictionary(s => s.Code);
        return TypedResults.Ok(MemberStates.All.Select(state =>
        {
            summaries.TryGetValue(state.Code, out var summary);
            var adoptions = summary?.Adoptions.Where(a => organizations.Contains(a.Organization)).Select(AdoptionResponse.From).ToArray() ?? [];
            var trained = summary?.Trainings.Where(t => organizations.Contains(t.Organization)).Select(t => (DateOnly?)t.CertifiedOn).Max();
            var actions = summary?.Discipline.Where(d => organizations.Contains(d.Organization)).Sum(d => d.Count) ?? 0;
            return new TccListItem(state.Code, state.Name, Region(state.Code), adoptions, trained, actions);
        }).ToArray());
    }

    private static async Task<IResult> GetAsync(string code, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        var (organizations, orgProblem) = TrackingInput.Organizations(user, null);
        if (organizations is null)
            return orgProblem!;
        var view = await grains.GetGrain<ITccGrain>(country).GetAsync();
        bool Mine(string organization) => organizations.Contains(organization);
        // Evidence metadata is listed for staff only, as the documents themselves are.
        var evidence = user.IsStaff() ? view.Evidence.Where(e => Mine(e.Organization)).Select(EvidenceResponse.From).ToArray() : [];
        return TypedResults.Ok(new TccResponse(country, MemberStates.Find(country)!.Name, Region(country),
            view.Adoptions.Where(a => Mine(a.Organization)).Select(AdoptionResponse.From).ToArray(),
            view.AdoptionHistory.Where(a => Mine(a.Organization)).Select(AdoptionResponse.From).ToArray(),
            view.Trainings.Where(t => Mine(t.Organization)).Select(TrainingResponse.From).ToArray(),
            view.Discipline.Where(d => Mine(d.Organization)).Select(DisciplineResponse.From).ToArray(), evidence));
    }

    private static async Task<IResult> AdoptAsync(string code, string mouId, AdoptionRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        if (body.Revision is not > 0)
            return Problems.Invalid("revision", "revision: must be the number of a published revision (1, 2 …)");
        if (TrackingInput.Date(body.AdoptedOn, "adoptedOn", out var dateProblem) is not { } adoptedOn)
            return dateProblem!;
        if (TextRules.Validate(body.Evidence, "evidence", required: false, maxLength: TextLimits.TrackingNote) is { } evidenceError)
            return Problems.Invalid("evidence", evidenceError);
        if (body.EvidenceId is not null && !Ids.IsWellFormed(body.EvidenceId))
            return Problems.Invalid("evidenceId", "evidenceId: not an evidence id");
        var (access, accessProblem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return accessProblem!;

        // "evidence" may name an uploaded document by its id, or describe the evidence in words.
        var tcc = grains.GetGrain<ITccGrain>(country);
        var evidenceId = body.EvidenceId;
        var note = body.Evidence?.Trim() ?? "";
        if (evidenceId is null && Ids.IsWellFormed(note) && await tcc.GetEvidenceAsync(note) is not null)
            (evidenceId, note) = (note, "");
        var outcome = await tcc.RecordAdoptionAsync(new RecordAdoption(access.Mou.Id, body.Revision.Value, adoptedOn,
            body.IncorporatesStandards ?? true, evidenceId, note, user.ToActor()));
        return outcome.Ok ? TypedResults.Ok(AdoptionResponse.From(outcome.Value!)) : Problems.From(outcome);
    }

    private static async Task<IResult> DriftAsync(string code, string mouId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        var (access, accessProblem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return accessProblem!;
        if (access.Mou.Revisions.Count == 0)
            return Problems.NotFound("this MOU has no published revision yet: there is nothing to drift from");
        var reads = new TrackingReads(grains);
        var latest = access.Mou.Revisions[^1];
        var mou = new TrackedMou(access.Mou.Id, access.Mou.Title, latest, await reads.ClausesAsync(access.Mou.Id, latest.Number));
        var adoption = (await grains.GetGrain<ITccGrain>(country).GetAsync()).Adoptions.FirstOrDefault(a => a.MouId == access.Mou.Id);
        var drift = await reads.DriftAsync(mou, adoption);
        return TypedResults.Ok(new DriftResponse(country, access.Mou.Id, drift.AdoptedRevision, drift.LatestRevision, drift.Size, drift.Clauses));
    }

    private static async Task<IResult> MatrixAsync(ClaimsPrincipal user, IGrainFactory grains, string? organization, string? filter, string? sort, bool? descending, string? mouId)
    {
        var (rows, mous, problem) = await BuildMatrixAsync(user, grains, organization, filter, sort, descending, mouId);
        if (rows is null)
            return problem!;
        return TypedResults.Ok(new MatrixResponse(
            mous!.Select(m => new MatrixMouResponse(m.Id, m.Title, m.Latest.Number, m.Latest.Label)).ToArray(),
            rows.Select(r => new MatrixRowResponse(r.Code, r.Name, RegionalGroups.ToWire(r.Region), r.Cells.Select(c =>
                new MatrixCellResponse(c.MouId, c.AdoptedRevision, c.AdoptedOn, c.LatestRevision, c.DriftSize, c.State)).ToArray())).ToArray()));
    }

    private static async Task<IResult> ExportAsync(ClaimsPrincipal user, IGrainFactory grains, string? organization, string? filter, string? sort, bool? descending, string? mouId)
    {
        var (rows, mous, problem) = await BuildMatrixAsync(user, grains, organization, filter, sort, descending, mouId);
        if (rows is null)
            return problem!;
        var stream = new MemoryStream();
        AdoptionWorkbook.Write(stream, new AdoptionSnapshot(mous!.Select(m => new AdoptionMou(m.Id, m.Title, m.Latest.Label)).ToArray(), rows)
        {
            Records = await AdoptionRecordsAsync(grains, rows, mous!, user.IsStaff() ? user.Organization() : null),
        });
        stream.Position = 0;
        return TypedResults.File(stream, Xlsx, "tcc-adoptions.xlsx");
    }

    private static async Task<(IReadOnlyList<MatrixRow>? Rows, IReadOnlyList<TrackedMou>? Mous, IResult? Problem)> BuildMatrixAsync(
        ClaimsPrincipal user, IGrainFactory grains, string? organization, string? filter, string? sort, bool? descending, string? mouId)
    {
        if (!TryParse(filter, AdoptionFilter.All, out AdoptionFilter parsedFilter))
            return (null, null, Problems.Invalid("filter", "filter: must be adopted, not-adopted or behind"));
        if (!TryParse(sort, MatrixSort.Name, out MatrixSort parsedSort))
            return (null, null, Problems.Invalid("sort", "sort: must be name, code, region, drift or adopted-on"));
        var (organizations, problem) = TrackingInput.Organizations(user, organization);
        if (organizations is null)
            return (null, null, problem);
        var reads = new TrackingReads(grains);
        var mous = await reads.PublishedMousAsync(organizations);
        if (mouId is not null)
        {
            mous = mous.Where(m => m.Id == mouId).ToArray();
            if (mous.Count == 0)
                return (null, null, Problems.NotFound($"there is no published MOU {mouId} among the texts you may see"));
        }
        var rows = (await reads.RowsAsync(mous)).Select(r => r.Row);
        return (AdoptionMatrix.Apply(rows, parsedFilter, parsedSort, descending ?? false, mouId), mous, null);
    }

    /// <summary>
    /// The evidence behind each adoption the sheet shows: the index's adoptions (note, who recorded it, revision label) and,
    /// for those naming an uploaded document, its file name from the country's grain (only adopting countries are asked).
    /// File names are evidence metadata: shown to the staff of the organization that holds the document, as GET /api/tccs/{code} does.
    /// </summary>
    private static async Task<IReadOnlyDictionary<(string Code, string MouId), AdoptionRecord>> AdoptionRecordsAsync(
        IGrainFactory grains, IReadOnlyList<MatrixRow> rows, IReadOnlyList<TrackedMou> mous, string? staffOf)
    {
        var shown = rows.Where(r => r.Cells.Any(c => c.Adopted)).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var records = new Dictionary<(string Code, string MouId), AdoptionRecord>();
        foreach (var summary in await grains.GetGrain<ITccIndexGrain>(ITccIndexGrain.Key).ListAsync())
        {
            if (!shown.Contains(summary.Code))
                continue;
            foreach (var adoption in summary.Adoptions.Where(a => mous.Any(m => m.Id == a.MouId)))
            {
                var evidence = adoption.EvidenceId is { } id && staffOf is not null ? await grains.GetGrain<ITccGrain>(summary.Code).GetEvidenceAsync(id) : null;
                var file = evidence?.Organization == staffOf ? evidence?.FileName : null;
                records[(summary.Code, adoption.MouId)] = new AdoptionRecord(adoption.RevisionLabel, adoption.EvidenceNote, file, adoption.RecordedBy);
            }
        }
        return records;
    }

    /// <summary>Kebab-case query values ("not-adopted", "adopted-on") onto enum members.</summary>
    private static bool TryParse<T>(string? value, T fallback, out T parsed) where T : struct, Enum
    {
        parsed = fallback;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        return Enum.TryParse(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);
    }

    private static string Region(string code) => RegionalGroups.Of(code) is { } group ? RegionalGroups.ToWire(group) : "";

    private static async Task<IResult> CertifyTrainingAsync(string code, TrainingRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        if (TrackingInput.Date(body.CertifiedOn, "certifiedOn", out var dateProblem) is not { } certifiedOn)
            return dateProblem!;
        if (TextRules.Validate(body.Note, "note", required: false, maxLength: TextLimits.TrackingNote) is { } noteError)
            return Problems.Invalid("note", noteError);
        if (body.EvidenceId is not null && !Ids.IsWellFormed(body.EvidenceId))
            return Problems.Invalid("evidenceId", "evidenceId: not an evidence id");
        var outcome = await grains.GetGrain<ITccGrain>(country).CertifyTrainingAsync(certifiedOn, body.EvidenceId, body.Note?.Trim() ?? "", user.ToActor());
        return outcome.Ok ? TypedResults.Created($"/api/tccs/{country}", TrainingResponse.From(outcome.Value!)) : Problems.From(outcome);
    }

    private static async Task<IResult> ReportDisciplineAsync(string code, int year, DisciplineRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        if (body.Count is not >= 0)
            return Problems.Invalid("count", "count: the number of personnel facing disciplinary or criminal action, 0 or more");
        if (TextRules.Validate(body.Note, "note", required: false, maxLength: TextLimits.TrackingNote) is { } noteError)
            return Problems.Invalid("note", noteError);
        var outcome = await grains.GetGrain<ITccGrain>(country).ReportDisciplineAsync(year, body.Count.Value, body.Note?.Trim() ?? "", user.ToActor());
        return outcome.Ok ? TypedResults.Ok(DisciplineResponse.From(outcome.Value!)) : Problems.From(outcome);
    }
}
