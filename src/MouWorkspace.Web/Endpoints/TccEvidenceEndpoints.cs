using System.Security.Claims;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Mvc;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Tracking;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Tracking;

namespace MouWorkspace.Web.Endpoints;

/// <summary>Evidence documents: uploaded and downloaded by staff of the organization that holds them.</summary>
public static class TccEvidenceEndpoints
{
    public static void Map(RouteGroupBuilder tccs)
    {
        tccs.MapPost("/{code}/evidence", UploadAsync).RequireAuthorization(Policies.Staff)
            // Kestrel's limit for this call: the file plus the multipart framing; the handler enforces the exact size.
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceFiles.MaxBytes + Domain.Text.UploadLimits.EvidenceEnvelope))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .Produces<EvidenceResponse>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
        tccs.MapGet("/{code}/evidence/{id}", DownloadAsync).RequireAuthorization(Policies.Staff).ProducesProblem(404).ProducesProblem(403);
    }

    private static async Task<IResult> UploadAsync(string code, IFormFile? file, ClaimsPrincipal user, IGrainFactory grains, BlobServiceClient blobs, TimeProvider clock, CancellationToken ct)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        if (file is null || file.Length == 0)
            return Problems.Invalid("file", "file: send the document as the multipart field 'file'");
        if (file.Length > EvidenceFiles.MaxBytes)
            return TrackingInput.TooLarge($"file: {file.Length} bytes; evidence documents are limited to {EvidenceFiles.MaxBytes / (1024 * 1024)} MB");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        if (EvidenceFiles.Detect(content) is not { } type)
            return TrackingInput.UnsupportedType("file: evidence must be a PDF, a Word document (.docx), or a PNG or JPEG scan; the content is none of these");
        var fileName = Path.GetFileName(file.FileName);
        if (TextRules.Validate(fileName, "fileName", maxLength: 255) is not null)
            fileName = "evidence" + type.Extension;

        var store = new EvidenceStore(blobs, clock);
        var actor = user.ToActor();
        var document = await store.SaveAsync(country, actor.Organization, fileName, type, content, actor.Name, ct);
        Outcome<EvidenceDocument> outcome;
        try
        {
            outcome = await grains.GetGrain<ITccGrain>(country).AddEvidenceAsync(document);
        }
        catch
        {
            await store.DeleteAsync(document, CancellationToken.None);
            throw;
        }
        if (!outcome.Ok)
        {
            await store.DeleteAsync(document, CancellationToken.None);
            return Problems.From(outcome);
        }
        return TypedResults.Created($"/api/tccs/{country}/evidence/{document.Id}", EvidenceResponse.From(document));
    }

    private static async Task<IResult> DownloadAsync(string code, string id, ClaimsPrincipal user, IGrainFactory grains, BlobServiceClient blobs, TimeProvider clock, CancellationToken ct)
    {
        var (country, problem) = TrackingInput.Country(code);
        if (country is null)
            return problem!;
        var document = Ids.IsWellFormed(id) ? await grains.GetGrain<ITccGrain>(country).GetEvidenceAsync(id) : null;
        if (document is null)
            return Problems.NotFound($"there is no evidence {id} for {country}");
        if (document.Organization != user.Organization() && !user.IsInRole(Roles.Admin))
            return Problems.NotFoundAs403($"there is no evidence {id} for {country}");
        var stream = await new EvidenceStore(blobs, clock).OpenAsync(document, ct);
        return TypedResults.File(stream, document.ContentType, document.FileName);
    }
}
