using System.Net.Http.Json;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>A request for an endpoint, whether it changes the context (then each caller gets a fresh one), and who may.</summary>
public sealed record Rule(Func<MatrixContext, HttpRequestMessage> Request, Func<Caller, bool> Allows, bool Mutates = false);

/// <summary>The rules of ../shared/API.md and issue 3, one per endpoint.</summary>
public static class AuthorizationRules
{
    private static bool Reader(Caller c) => c.SameOrganization || c.IsAdmin;
    private static bool Staff(Caller c) => c.In("Secretariat", "LegalOfficer") && c.SameOrganization;
    private static bool StaffOrAdmin(Caller c) => (c.In("Secretariat", "LegalOfficer") && c.SameOrganization) || c.IsAdmin;
    private static bool Commenter(Caller c) => c.In("Delegate", "LegalOfficer", "Secretariat") && c.SameOrganization;
    /// <summary>A thread (France's comment) is resolved by staff or France's delegation only.</summary>
    private static bool Resolver(Caller c) => Staff(c) || (c.Role == "Delegate" && c.SameOrganization && c.State == Caller.OwnState);

    private static bool Anyone(Caller c) => true;
    private static bool LegalOfficer(Caller c) => c.Role == "LegalOfficer";
    private static bool StaffAnywhere(Caller c) => c.In("Secretariat", "LegalOfficer");

    /// <summary>The smallest file the evidence store takes as a PDF (it checks the signature).</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
    private static HttpRequestMessage Delete(string path) => new(HttpMethod.Delete, path);
    private static HttpRequestMessage Send(HttpMethod method, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static string Mou(MatrixContext x) => $"/api/mous/{x.MouId}";
    private static string Clause(MatrixContext x) => $"/api/mous/{x.MouId}/clauses/{x.ClauseId}";

    public static readonly IReadOnlyDictionary<string, Rule> Cases = new Dictionary<string, Rule>
    {
        ["POST /api/mous"] = new(_ => Send(HttpMethod.Post, "/api/mous", new { organization = "un", title = "Matrix", parties = new[] { "FRA" } }),
            c => c.Role == "Secretariat" && c.SameOrganization, Mutates: true),
        ["GET /api/mous"] = new(_ => Get("/api/mous?organization=un"), Reader),
        ["GET /api/mous/{mouId}"] = new(x => Get(Mou(x)), Reader),
        ["POST /api/mous/{mouId}/clauses"] = new(x => Send(HttpMethod.Post, Mou(x) + "/clauses", new { heading = "h", text = "New clause." }), Staff, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}"] = new(x => Get(Clause(x)), Reader),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}"] = new(x => Send(HttpMethod.Put, Clause(x), new { text = "Edited.", rationale = "r" }, "\"1\""), Staff, Mutates: true),
        ["DELETE /api/mous/{mouId}/clauses/{clauseId}"] = new(x => Delete(Clause(x)), Staff, Mutates: true),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/agreement"] = new(x => Send(HttpMethod.Put, Clause(x) + "/agreement", new { agreement = "ad-ref" }), Staff, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/drafts"] = new(x => Get(Clause(x) + "/drafts"), Reader),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/diff"] = new(x => Get(Clause(x) + "/diff?from=1&to=1"), Reader),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/comments"] = new(x => Send(HttpMethod.Post, Clause(x) + "/comments", new { text = "A comment." }), Commenter, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/comments"] = new(x => Get(Clause(x) + "/comments"), Reader),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/comments/{commentId}/resolved"] = new(x => Send(HttpMethod.Put, Clause(x) + $"/comments/{x.CommentId}/resolved", new { resolved = true }), Resolver, Mutates: true),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/proposals"] = new(x => Send(HttpMethod.Post, Clause(x) + "/proposals", new { text = "Alternative wording." }),
            c => c.Role == "Delegate" && c.SameOrganization, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/proposals"] = new(x => Get(Clause(x) + "/proposals"), Reader),
        ["POST /api/mous/{mouId}/revisions"] = new(x => Send(HttpMethod.Post, Mou(x) + "/revisions", new { symbol = "Rev.2" }), c => c.Role == "Secretariat" && c.SameOrganization, Mutates: true),
        ["GET /api/mous/{mouId}/revisions/{number:int}"] = new(x => Get(Mou(x) + "/revisions/1"), Reader),
        ["GET /api/mous/{mouId}/progress"] = new(x => Get(Mou(x) + "/progress"), Reader),
        ["GET /api/mous/{mouId}/compare"] = new(x => Get(Mou(x) + "/compare?from=1&to=1"), Reader),
        ["POST /api/mous/{mouId}/revisions/{number:int}/positions"] = new(x => Send(HttpMethod.Post, Mou(x) + "/revisions/1/positions", new { memberState = "FRA", position = "agree" }),
            c => c.Role == "Delegate" && c.SameOrganization && c.State == Caller.OwnState, Mutates: true),
        ["GET /api/mous/{mouId}/revisions/{number:int}/positions"] = new(x => Get(Mou(x) + "/revisions/1/positions"), Reader),
        ["GET /api/mous/{mouId}/audit"] = new(x => Get(Mou(x) + "/audit"), StaffOrAdmin),
        ["GET /api/mous/{mouId}/audit/verify"] = new(x => Get(Mou(x) + "/audit/verify"), StaffOrAdmin),
        ["GET /api/audit"] = new(_ => Get("/api/audit?organization=un"), StaffOrAdmin),
        ["GET /api/admin/audit"] = new(_ => Get("/api/admin/audit"), c => c.IsAdmin),
        ["GET /api/admin/users"] = new(_ => Get("/api/admin/users"), c => c.IsAdmin),
        ["PUT /api/admin/users/{userId}"] = new(x => Send(HttpMethod.Put, $"/api/admin/users/{x.UserId}", new { name = "Renamed", memberState = "FRA", organization = "un" }), c => c.IsAdmin, Mutates: true),
        ["GET /api/mous/{mouId}/export.docx"] = new(x => Get(Mou(x) + "/export.docx?revision=1"), Reader),
        ["GET /api/mous/{mouId}/export.akn.xml"] = new(x => Get(Mou(x) + "/export.akn.xml?revision=1"), Reader),
        ["POST /api/mous/import"] = new(_ => new HttpRequestMessage(HttpMethod.Post, "/api/mous/import")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Docx.Minimal()), "file", "text.docx" } },
        }, StaffAnywhere, Mutates: true),
        ["POST /api/mous/{mouId}/markups"] = new(x => new HttpRequestMessage(HttpMethod.Post, Mou(x) + "/markups")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Docx.Minimal()), "file", "markup.docx" } },
        }, c => c.Role == "Delegate" && c.SameOrganization, Mutates: true),
        ["POST /api/mous/{mouId}/revisions/{number:int}/silence"] = new(x => Send(HttpMethod.Post, Mou(x) + "/revisions/1/silence",
            new { deadline = DateTimeOffset.UtcNow.AddDays(4).ToString("O") }), c => c.Role == "Secretariat" && c.SameOrganization, Mutates: true),
        ["GET /api/mous/{mouId}/revisions/{number:int}/silence"] = new(x => Get(Mou(x) + "/revisions/1/silence"), Reader),
        ["GET /api/tccs"] = new(_ => Get("/api/tccs"), Anyone),
        ["GET /api/tccs/matrix"] = new(_ => Get("/api/tccs/matrix"), Anyone),
        ["GET /api/tccs/export.xlsx"] = new(_ => Get("/api/tccs/export.xlsx"), Anyone),
        ["GET /api/tccs/{code}"] = new(_ => Get("/api/tccs/FRA"), Anyone),
        ["PUT /api/tccs/{code}/adoptions/{mouId}"] = new(x => Send(HttpMethod.Put, $"/api/tccs/FRA/adoptions/{x.MouId}", new { revision = 1, adoptedOn = "2007-03-01", evidence = "note verbale" }),
            c => LegalOfficer(c) && c.SameOrganization, Mutates: true),
        ["GET /api/tccs/{code}/drift/{mouId}"] = new(x => Get($"/api/tccs/FRA/drift/{x.MouId}"), Reader),
        ["POST /api/tccs/{code}/training"] = new(_ => Send(HttpMethod.Post, "/api/tccs/FRA/training", new { certifiedOn = "2007-01-15" }), LegalOfficer, Mutates: true),
        ["PUT /api/tccs/{code}/discipline/{year:int}"] = new(_ => Send(HttpMethod.Put, "/api/tccs/FRA/discipline/2006", new { count = 2 }), LegalOfficer, Mutates: true),
        ["POST /api/tccs/{code}/evidence"] = new(_ => new HttpRequestMessage(HttpMethod.Post, "/api/tccs/FRA/evidence")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "signed.pdf" } },
        }, StaffAnywhere, Mutates: true),
        ["GET /api/tccs/{code}/evidence/{id}"] = new(x => Get($"/api/tccs/FRA/evidence/{x.EvidenceId}"), Staff),
        ["GET /api/reform-items"] = new(_ => Get("/api/reform-items"), Anyone),
        ["GET /api/reform-items/board"] = new(_ => Get("/api/reform-items/board"), Anyone),
        ["GET /api/reform-items/export.xlsx"] = new(_ => Get("/api/reform-items/export.xlsx"), Anyone),
        ["GET /api/reform-items/report.docx"] = new(_ => Get("/api/reform-items/report.docx"), Anyone),
        ["GET /api/reform-items/{id}"] = new(_ => Get("/api/reform-items/un-victim-assistance"), Anyone),
        ["POST /api/reform-items/{id}/status"] = new(_ => Send(HttpMethod.Post, "/api/reform-items/un-victim-assistance/status",
            new { status = "in-progress", note = "Matrix check", on = "2007-06-01" }), Staff, Mutates: true),
        ["GET /api/mous/{mouId}/now-discussing"] = new(x => Get(Mou(x) + "/now-discussing"), Reader),
        ["PUT /api/mous/{mouId}/now-discussing"] = new(x => Send(HttpMethod.Put, Mou(x) + "/now-discussing", new { clauseId = x.ClauseId }, "\"0\""),
            c => c.Role == "Secretariat" && c.SameOrganization, Mutates: true),
        ["DELETE /api/mous/{mouId}/now-discussing"] = new(x => new HttpRequestMessage(HttpMethod.Delete, Mou(x) + "/now-discussing") { Headers = { { "If-Match", "\"0\"" } } },
            c => c.Role == "Secretariat" && c.SameOrganization, Mutates: true),
        // Parallel texts (issue 9): MatrixSetup adds a French version; the original (English) goes through the same routes.
        ["GET /api/mous/{mouId}/languages"] = new(x => Get(Mou(x) + "/languages?revision=1"), Reader),
        ["PUT /api/mous/{mouId}/languages/{language}"] = new(x => Send(HttpMethod.Put, Mou(x) + "/languages/ar", new { required = true }),
            c => c.Role == "Secretariat" && c.SameOrganization, Mutates: true),
        ["GET /api/mous/{mouId}/parallel"] = new(x => Get(Mou(x) + "/parallel?left=en&right=fr"), Reader),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}"] = new(x => Get(Clause(x) + "/languages/fr"), Reader),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/languages/{language}"] = new(x => Send(HttpMethod.Put, Clause(x) + "/languages/fr",
            new { text = "Le Gouvernement exerce sa juridiction.", rationale = "traduction" }, "\"0\""), Staff, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/drafts"] = new(x => Get(Clause(x) + "/languages/fr/drafts"), Reader),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/diff"] = new(x => Get(Clause(x) + "/languages/en/diff?from=1&to=1"), Reader),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments"] = new(x => Send(HttpMethod.Post, Clause(x) + "/languages/en/comments", new { text = "A comment." }), Commenter, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments"] = new(x => Get(Clause(x) + "/languages/fr/comments"), Reader),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments/{commentId}/resolved"] = new(x => Send(HttpMethod.Put,
            Clause(x) + $"/languages/en/comments/{x.CommentId}/resolved", new { resolved = true }), Resolver, Mutates: true),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/proposals"] = new(x => Send(HttpMethod.Post, Clause(x) + "/languages/en/proposals",
            new { text = "Alternative wording." }), c => c.Role == "Delegate" && c.SameOrganization, Mutates: true),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/proposals"] = new(x => Get(Clause(x) + "/languages/fr/proposals"), Reader),
        ["DELETE /api/admin/users/{userId}"] = new(x => Delete($"/api/admin/users/{x.UserId}"), c => c.IsAdmin, Mutates: true),
        ["GET /api/search"] = new(x => Get($"/api/search?q=jurisdiction&mou={x.MouId}"), Reader),
        ["PUT /api/mous/{mouId}/follow"] = new(x => Send(HttpMethod.Put, Mou(x) + "/follow", new { }), Reader),
        ["DELETE /api/mous/{mouId}/follow"] = new(x => Delete(Mou(x) + "/follow"), Reader),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/follow"] = new(x => Send(HttpMethod.Put, Clause(x) + "/follow", new { }), Reader),
        ["DELETE /api/mous/{mouId}/clauses/{clauseId}/follow"] = new(x => Delete(Clause(x) + "/follow"), Reader),
        ["GET /api/me/follows"] = new(_ => Get("/api/me/follows"), Anyone),
        ["GET /api/me/notifications"] = new(_ => Get("/api/me/notifications?unread=true"), Anyone),
        ["POST /api/me/notifications/read"] = new(_ => Send(HttpMethod.Post, "/api/me/notifications/read", new { all = true }), Anyone),
    };
}
