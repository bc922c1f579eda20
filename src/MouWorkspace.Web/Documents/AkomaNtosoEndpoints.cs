using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Documents.AkomaNtoso;
using MouWorkspace.Web.Audit;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Languages;

namespace MouWorkspace.Web.Documents;

/// <summary>Akoma Ntoso 3.0 export of a revision (or the current drafts); the import goes through <c>POST /api/mous/import</c>.</summary>
public static class AkomaNtosoEndpoints
{
    public static RouteGroupBuilder MapAkomaNtosoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/mous").WithTags("Akoma Ntoso")
            .MapGet("/{mouId}/export.akn.xml", ExportAsync).RequireAuthorization(Policies.Reader).WithMetadata(new AuditedAttribute(), new ExpensiveAttribute())
            .Produces(200, contentType: AkomaNtosoWriter.ContentType).ProducesProblem(404).ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> ExportAsync(string mouId, int? revision, string? language,
        ClaimsPrincipal user, IGrainFactory grains, ExportSnapshot snapshots, ExportArchive archive, HttpContext http)
    {
        if (language is not null && !MouWorkspace.Domain.Languages.UnLanguages.IsKnown(language))
            return Problems.Invalid("language", $"language: one of {MouWorkspace.Domain.Languages.UnLanguages.Codes}");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var languages = await LanguageReads.SettingsAsync(grains, mouId);
        var lang = language?.ToLowerInvariant() ?? languages.Original;
        if (TranslatedExport.NoVersion(languages, lang) is { } noVersion)
            return noVersion;
        var target = revision is { } n ? await access.Grain.GetRevisionAsync(n) : null;
        if (revision is not null && target is null)
            return Problems.NotFound($"revision: there is no revision {revision} of this MOU");

        byte[] content;
        if (revision is not null && lang == languages.Original)
        {
            // A published revision in its original language never changes: built once, archived, served from the archive.
            var archived = await archive.GetOrAddAsync(access.Mou.Organization, $"{mouId}/rev-{revision}-{lang}.akn.xml",
                () => BuildAsync(mouId, revision, target, lang, access, grains, snapshots, http), http.RequestAborted, AkomaNtosoWriter.ContentType);
            content = archived.Content;
        }
        else
        {
            content = await BuildAsync(mouId, revision, target, lang, access, grains, snapshots, http);
        }

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        http.Items[AuditFilter.ContentHashItem] = "sha256:" + sha256;
        http.Response.Headers["X-Content-SHA256"] = sha256;
        var label = revision is null ? "draft" : $"rev{revision}";
        return TypedResults.File(content, AkomaNtosoWriter.ContentType, $"{mouId}-{label}-{lang}.akn.xml");
    }

    private static async Task<byte[]> BuildAsync(string mouId, int? revision, RevisionSnapshot? target, string lang, MouWorkspace.Application.Access.MouAccess.Access access,
        IGrainFactory grains, ExportSnapshot snapshots, HttpContext http)
    {
        var (document, translation) = await snapshots.BuildInLanguageAsync(access.Mou, new ExportRequest(revision, null, false, lang, false));
        TranslationHeaders.Write(http, translation);
        var clauses = target?.Clauses ?? (await access.Grain.GetClausesAsync()).Select(c => c.ToText()).ToArray();
        // A clause's brackets are attributed to the author of the draft the export shows.
        var sponsors = new Dictionary<string, AknSponsor>();
        foreach (var clause in clauses.Where(c => document.Clauses.Any(d => d.Id == c.Id && d.Text.Contains('[', StringComparison.Ordinal))))
        {
            var drafts = await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clause.Id)).GetDraftsAsync();
            if (drafts.LastOrDefault(d => d.Version <= clause.Version) is { } draft)
                sponsors[clause.Id] = new AknSponsor(draft.Author, draft.AuthorState);
        }
        var context = new AknExportContext(mouId, access.Mou.Organization, DateOnly.FromDateTime(access.Mou.CreatedAt.UtcDateTime)) { Sponsors = sponsors };
        return AkomaNtosoWriter.ToBytes(document, context);
    }
}
