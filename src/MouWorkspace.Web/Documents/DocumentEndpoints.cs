using MouWorkspace.Domain.Text;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Documents.AkomaNtoso;
using MouWorkspace.Documents.Export;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Pdf;
using MouWorkspace.Domain.States;
using MouWorkspace.Web.Audit;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Languages;

namespace MouWorkspace.Web.Documents;

/// <summary>Word in and out: export (clean, redline, comments), import of a new text, and delegations' markups back as proposals.</summary>
public static class DocumentEndpoints
{
    private const long UploadLimit = Domain.Text.UploadLimits.Document + Domain.Text.UploadLimits.DocumentEnvelope;

    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var docs = api.MapGroup("/mous").WithTags("Word documents");
        docs.MapGet("/{mouId}/export.docx", ExportAsync).RequireAuthorization(Policies.Reader).WithMetadata(new AuditedAttribute(), new ExpensiveAttribute())
            .Produces(200, contentType: WordExporter.ContentType).ProducesProblem(404).ProducesValidationProblem();
        docs.MapGet("/{mouId}/export.pdf", ExportPdfAsync).RequireAuthorization(Policies.Reader).WithMetadata(new AuditedAttribute(), new ExpensiveAttribute())
            .Produces(200, contentType: PdfExporter.ContentType).ProducesProblem(404).ProducesProblem(503).ProducesValidationProblem();
        docs.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Staff).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimit)).Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportResponse>(201).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        docs.MapPost("/import/preview", PreviewImportAsync).RequireAuthorization(Policies.Staff).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimit)).Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportPreviewResponse>().ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        docs.MapPost("/{mouId}/markups", MarkupUpload.UploadAsync).RequireAuthorization(Policies.Delegate).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimit)).Accepts<IFormFile>("multipart/form-data")
            .Produces<MarkupResponse>().ProducesProblem(415).ProducesProblem(422);
        return api;
    }

    /// <summary>What both exports check first: the language, the compilation's limits, the MOU and its access, the revisions named.</summary>
    private sealed record ExportTarget(MouWorkspace.Application.Access.MouAccess.Access Access, string Language, string Original, bool Compilation);

    private static async Task<(ExportTarget? Target, IResult? Problem)> TargetAsync(string mouId, int? revision, int? @base, string? language,
        bool? compilation, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (language is not null && !MouWorkspace.Domain.Languages.UnLanguages.IsKnown(language))
            return (null, Problems.Invalid("language", $"language: one of {MouWorkspace.Domain.Languages.UnLanguages.Codes}"));
        if (compilation == true && (revision is not null || @base is not null))
            return (null, Problems.Invalid("compilation", "compilation: the compilation text is of the current text with its open proposals, not of a revision or a redline"));
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return (null, problem!);
        // Default: the MOU's original language. A language version's text comes from Languages/TranslatedExport.cs.
        var languages = await LanguageReads.SettingsAsync(grains, mouId);
        var lang = language?.ToLowerInvariant() ?? languages.Original;
        if (TranslatedExport.NoVersion(languages, lang) is { } noVersion)
            return (null, noVersion);
        foreach (var (name, number) in new[] { ("revision", revision), ("base", @base) })
            if (number is { } n && await access.Grain.GetRevisionAsync(n) is null)
                return (null, Problems.NotFound($"{name}: there is no revision {n} of this MOU"));
        if (compilation == true && lang != languages.Original)
            return (null, Problems.Invalid("language", $"language: the compilation text is in the text's original language ({languages.Original}); proposals are made on it"));
        return (new ExportTarget(access, lang, languages.Original, compilation == true), null);
    }

    private static IResult Content(HttpContext http, byte[] content, string contentType, string fileName)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        http.Items[AuditFilter.ContentHashItem] = "sha256:" + sha256;
        http.Response.Headers["X-Content-SHA256"] = sha256;
        return TypedResults.File(content, contentType, fileName);
    }

    private static string FileName(string mouId, int? revision, int? @base, string language, bool compilation, string extension) => compilation
        ? $"{mouId}-compilation-{language}.{extension}"
        : $"{mouId}-{(revision is null ? "draft" : $"rev{revision}")}{(@base is null ? "" : $"-vs-rev{@base}")}-{language}.{extension}";

    /// <summary>
    /// The room paper (issue 18.10): the same texts as <c>export.docx</c> (a revision or the current drafts, a redline against
    /// a base, a language version, the compilation text) as a PDF with every line numbered per page. Comments are not part
    /// of a room paper; they travel in the Word copy.
    /// </summary>
    private static async Task<IResult> ExportPdfAsync(string mouId, int? revision, int? @base, bool? comments, string? language, bool? advanceUnedited,
        bool? compilation, ClaimsPrincipal user, IGrainFactory grains, ExportSnapshot snapshots, HttpContext http)
    {
        if (comments == true)
            return Problems.Invalid("comments", "comments: a room paper holds the text only; comments are in the Word copy (export.docx?comments=true)");
        var (target, problem) = await TargetAsync(mouId, revision, @base, language, compilation, user, grains);
        if (target is null)
            return problem!;
        MouWorkspace.Documents.Model.ExportDocument document;
        if (target.Compilation)
        {
            document = await snapshots.CompilationAsync(target.Access.Mou, comments: false, advanceUnedited ?? false);
            document = document with { Redline = document.Redline! with { Caption = CompilationExport.PdfCaption } };
        }
        else
        {
            (document, var translation) = await snapshots.BuildInLanguageAsync(target.Access.Mou,
                new ExportRequest(revision, @base, Comments: false, target.Language, advanceUnedited ?? false));
            TranslationHeaders.Write(http, translation);
        }
        byte[] content;
        try
        {
            content = PdfExporter.ToBytes(document);
        }
        catch (PdfFontMissingException missing)
        {
            return TypedResults.Problem(missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No font for this text");
        }
        return Content(http, content, PdfExporter.ContentType, FileName(mouId, revision, @base, target.Language, target.Compilation, "pdf"));
    }

    private static async Task<IResult> ExportAsync(string mouId, int? revision, int? @base, bool? comments, string? language, bool? advanceUnedited,
        bool? compilation, ClaimsPrincipal user, IGrainFactory grains, ExportSnapshot snapshots, ExportArchive archive, HttpContext http)
    {
        var withComments = comments ?? false;
        var (target, problem) = await TargetAsync(mouId, revision, @base, language, compilation, user, grains);
        if (target is null)
            return problem!;
        var (access, lang) = (target.Access, target.Language);
        if (target.Compilation)
        {
            var document = await snapshots.CompilationAsync(access.Mou, withComments, advanceUnedited ?? false);
            return Content(http, WordExporter.ToBytes(document), WordExporter.ContentType, FileName(mouId, null, null, lang, true, "docx"));
        }
        var request = new ExportRequest(revision, @base, withComments, lang, advanceUnedited ?? false);
        var translation = TranslationReport.None;
        byte[] content;
        string sha256;
        if (revision is not null && !withComments && lang == target.Original)
        {
            // A published revision (with or without a redline against another) never changes: archive it once. Not so a
            // language version's text of it, which follows its translations: those exports are written every time.
            var blobName = $"{mouId}/rev-{revision}{(@base is null ? "" : $"-base-{@base}")}-{lang}{(request.AdvanceUnedited ? "-auv" : "")}{IdentityTag(access.Mou.Identity)}.docx";
            var archived = await archive.GetOrAddAsync(access.Mou.Organization, blobName,
                async () => WordExporter.ToBytes(await snapshots.BuildAsync(access.Mou, request)));
            (content, sha256) = (archived.Content, archived.Sha256);
        }
        else
        {
            (var document, translation) = await snapshots.BuildInLanguageAsync(access.Mou, request);
            content = WordExporter.ToBytes(document);
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        }
        TranslationHeaders.Write(http, translation);
        http.Items[AuditFilter.ContentHashItem] = "sha256:" + sha256;
        http.Response.Headers["X-Content-SHA256"] = sha256;
        return TypedResults.File(content, WordExporter.ContentType, FileName(mouId, revision, @base, lang, false, "docx"));
    }

    /// <summary>
    /// The archived copy shows the corner block: a copy made before the identity was set, or under another one, is not
    /// the copy to return now. Empty without an identity (the names archived before identities existed stay valid).
    /// </summary>
    private static string IdentityTag(Abstractions.Mous.DocumentIdentity? identity) => identity is null ? ""
        : "-id" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{identity.Symbol}\n{identity.Distribution}\n{identity.Date:yyyy-MM-dd}\n{identity.Session}\n{identity.AgendaItem}")))[..12];

    /// <summary>What an import reads and checks before anything is created: shared by the import and its preview.</summary>
    private sealed record ImportRead(ImportedText Imported, string Title, string[] Parties, string Language);

    private static async Task<(ImportRead? Read, IResult? Problem)> ReadImportAsync(IFormFile? file, string? title, string? parties)
    {
        if (file is null || file.Length == 0)
            return (null, Problems.Invalid("file", "file: send the .docx (or an Akoma Ntoso .xml) as the multipart field 'file'"));
        var partyCodes = (parties ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToUpperInvariant()).ToArray();
        if (partyCodes.FirstOrDefault(p => !MemberStates.IsKnown(p)) is { } unknown)
            return (null, Problems.Invalid("parties", $"parties: '{unknown}' is not an ISO 3166-1 alpha-3 code of a UN member state"));
        ImportedText imported;
        try
        {
            var isXml = await IsXmlAsync(file); // sniffed on a stream of its own, closed before the real read starts
            await using var stream = file.OpenReadStream();
            imported = isXml
                ? AkomaNtosoReader.Read(stream, ImportOptions.Default) // an Akoma Ntoso document (e.g. our export.akn.xml)
                : WordImporter.Read(stream, ImportOptions.Default);
        }
        catch (DocumentRejectedException rejected)
        {
            return (null, Rejected(rejected));
        }
        if (imported.Clauses.Count == 0)
            return (null, Problems.Unprocessable("the document holds no paragraphs to make clauses of"));
        if (imported.Clauses.Count > Domain.Text.MouLimits.MaxClauses)
            return (null, Problems.Unprocessable($"the document holds {imported.Clauses.Count:N0} paragraphs; an MOU holds at most " +
                $"{Domain.Text.MouLimits.MaxClauses:N0} clauses. Split it, or import the part under negotiation."));
        var finalTitle = (title ?? imported.Title ?? Path.GetFileNameWithoutExtension(file.FileName)).Trim();
        if (Domain.Text.TextRules.Validate(finalTitle, "title", maxLength: TextLimits.Title) is { } titleError)
            return (null, Problems.Invalid("title", titleError));
        if (imported.Clauses.Select(c => Domain.Text.TextRules.Validate(c.Text, "text")).FirstOrDefault(e => e is not null) is { } textError)
            return (null, Problems.Unprocessable("a paragraph of the document cannot be a clause: " + textError));
        // The document's language (Akoma Ntoso FRBRlanguage) becomes the MOU's original; Word files name none: English.
        return (new ImportRead(imported, finalTitle, partyCodes, imported.Language ?? MouWorkspace.Domain.Languages.UnLanguages.Default), null);
    }

    /// <summary>
    /// The import read without creating anything (issue 18.6): the clauses it would make and what it would leave out, so
    /// that the import page shows both before the secretariat creates the text. The same checks and problems as the import.
    /// </summary>
    private static async Task<IResult> PreviewImportAsync(IFormFile? file, [FromForm] string? title, [FromForm] string? parties)
    {
        var (read, problem) = await ReadImportAsync(file, title, parties);
        if (read is null)
            return problem!;
        // The numbers the text will give (MouGrain.CreateWithClausesAsync numbers them the same way, in order).
        var numbers = new List<string>();
        foreach (var clause in read.Imported.Clauses)
            numbers.Add(clause.Number is { } given && !numbers.Contains(given, StringComparer.OrdinalIgnoreCase)
                ? given : Domain.Numbering.ClauseNumbering.Next(clause.Kind, numbers, numbers.Count));
        return TypedResults.Ok(new ImportPreviewResponse(read.Title, read.Language,
            read.Imported.Clauses.Select((c, i) => new ImportPreviewClause(numbers[i], c.Kind == Domain.Numbering.ClauseKind.Preambular ? "preambular" : "operative",
                c.Heading, c.Text)).ToArray(),
            NotImported(read.Imported)));
    }

    private static async Task<IResult> ImportAsync(IFormFile? file, [FromForm] string? title, [FromForm] string? parties,
        ClaimsPrincipal user, IGrainFactory grains)
    {
        var (read, problem) = await ReadImportAsync(file, title, parties);
        if (read is null)
            return problem!;
        var (imported, finalTitle, partyCodes, language) = (read.Imported, read.Title, read.Parties, read.Language);

        // The same file imported again with the same title and parties for the same organization is the same MOU: a
        // client that retries after a timeout (the import may or may not have been made) gets it, not a second copy.
        var actor = user.ToActor();
        var id = await ImportIdAsync(file!, actor.Organization, finalTitle, partyCodes);
        var grain = grains.GetGrain<IMouGrain>(id);
        if (await grain.GetInfoAsync() is { } existing)
            return TypedResults.Created($"/api/mous/{id}", new ImportResponse(id, existing.Title, existing.ClauseIds.Count, NotImported(imported), language));
        var created = await grain.CreateWithClausesAsync(
            new CreateMou(actor.Organization, finalTitle, partyCodes, false, actor, imported.Language),
            imported.Clauses.Select(c => new AddClause(c.Heading, c.Text, null, c.Kind, actor, c.Number)).ToArray());
        if (!created.Ok && await grain.GetInfoAsync() is { } raced)
            return TypedResults.Created($"/api/mous/{id}", new ImportResponse(id, raced.Title, raced.ClauseIds.Count, NotImported(imported), language));
        if (!created.Ok)
            return Problems.From(created);
        return TypedResults.Created($"/api/mous/{id}", new ImportResponse(id, finalTitle, imported.Clauses.Count, NotImported(imported), language));
    }

    private static IReadOnlyList<NotImportedResponse> NotImported(ImportedText imported) =>
        imported.LeftOut.Select(l => new NotImportedResponse(l.Kind, l.Where, l.Words)).ToArray();

    /// <summary>"imp-" and 40 hex digits of SHA-256 over the organization, title, parties and the file's bytes.</summary>
    private static async Task<string> ImportIdAsync(IFormFile file, string organization, string title, IEnumerable<string> parties)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{organization}\n{title}\n{string.Join(",", parties.Order(StringComparer.Ordinal))}\n"));
        await using var stream = file.OpenReadStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
            hash.AppendData(buffer, 0, read);
        return "imp-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..40];
    }

    /// <summary>An upload whose first bytes are '&lt;' (after an optional BOM and whitespace) is XML; everything else goes to the Word path.</summary>
    private static async Task<bool> IsXmlAsync(IFormFile file)
    {
        await using var head = file.OpenReadStream();
        var buffer = new byte[64];
        var read = await head.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
        return AkomaNtosoReader.LooksLikeXml(buffer.AsSpan(0, read));
    }

    /// <summary>The rejection's message is ours (see <see cref="DocumentRejectedException"/>), never a parser's.</summary>
    internal static IResult Rejected(DocumentRejectedException rejected) => rejected.Reason switch
    {
        _ when rejected is XmlLimitExceededException => TypedResults.Problem(rejected.Message, statusCode: 422, title: "Document too complex"),
        RejectionReason.TooLarge => TypedResults.Problem(rejected.Message, statusCode: 413, title: "File too large"),
        RejectionReason.NotZip or RejectionReason.NotWordDocument or RejectionReason.MacroEnabled or RejectionReason.Encrypted =>
            TypedResults.Problem(rejected.Message, statusCode: 415, title: "Not an accepted Word document"),
        _ => Problems.Unprocessable(rejected.Message),
    };
}

/// <param name="NotImported">What the document holds that did not become clause text (tables, text boxes, footnotes, endnotes,
/// comments, front matter), with where it stood and its words: nothing is left out without saying so.</param>
/// <param name="Language">The MOU's original language: the document's (an Akoma Ntoso FRBRlanguage), else en.</param>
public sealed record ImportResponse(string Id, string Title, int Clauses, IReadOnlyList<NotImportedResponse> NotImported, string Language);

/// <summary>What <c>POST /api/mous/import</c> would make of the file, and what it would leave out; nothing is created.</summary>
public sealed record ImportPreviewResponse(string Title, string Language, IReadOnlyList<ImportPreviewClause> Clauses, IReadOnlyList<NotImportedResponse> NotImported);

/// <param name="Kind">"preambular" or "operative".</param>
public sealed record ImportPreviewClause(string Number, string Kind, string Heading, string Text);

/// <param name="Kind">table, text box, footnote, endnote, comment, front matter, annex; from Akoma Ntoso also document
/// identification, cover page, table of contents, foreign markup, heading</param>
/// <param name="Where">"in OP3", "after OP3", "before the first clause", "in the document"</param>
public sealed record NotImportedResponse(string Kind, string Where, int Words);

public sealed record UnmatchedResponse(string Kind, string Text, string Reason);

public sealed record MarkupResponse(int Proposals, int Comments, IReadOnlyList<UnmatchedResponse> Unmatched);
