using System.Net.Http.Json;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>
/// A request for an endpoint, who may send it and the exact status they get (<paramref name="Ok"/>, written from
/// ../shared/API.md and the handlers), whether it changes the context (then each caller gets a fresh one), and what a
/// write would change (<paramref name="Leaves"/>: re-read before and after a refused call, besides the audit logs).
/// </summary>
public sealed record Rule(Func<MatrixContext, HttpRequestMessage> Request, Func<Caller, bool> Allows, int Ok, bool Mutates = false,
    Func<MatrixContext, Look[]>? Leaves = null);

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
    private static bool OwnStateDelegate(Caller c) => c.Role == "Delegate" && c.SameOrganization && c.State == Caller.OwnState;
    private static bool WebhookManager(Caller c) => (c.Role == "Secretariat" && c.SameOrganization) || c.IsAdmin;

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

    /// <summary>France's tracking record as each organization's staff sees it (adoptions, trainings, discipline, evidence).</summary>
    private static Look[] France(MatrixContext _) => [new("/api/tccs/FRA", ReadAs.Staff)];
    /// <summary>What the caller follows.</summary>
    private static Look[] Follows(MatrixContext _) => [new("/api/me/follows", ReadAs.Caller)];

    private static string Mou(MatrixContext x) => $"/api/mous/{x.MouId}";
    private static string Clause(MatrixContext x) => $"/api/mous/{x.MouId}/clauses/{x.ClauseId}";

    public static readonly IReadOnlyDictionary<string, Rule> Cases = new Dictionary<string, Rule>
    {
        ["POST /api/mous"] = new(_ => Send(HttpMethod.Post, "/api/mous", new { organization = "un", title = "Matrix", parties = new[] { "FRA" } }),
            c => c.Role == "Secretariat" && c.SameOrganization, Ok: 201, Mutates: true, Leaves: _ => [new Look("/api/mous?organization=un"), new Look("/api/mous?organization=osce")]),
        ["GET /api/mous"] = new(_ => Get("/api/mous?organization=un"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}"] = new(x => Get(Mou(x)), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/identity"] = new(x => Get(Mou(x) + "/identity"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/identity"] = new(x => Send(HttpMethod.Put, Mou(x) + "/identity", new { symbol = "A/AC.121/2026/L.9", distribution = "limited" }),
            Staff, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/identity")]),
        ["POST /api/mous/{mouId}/clauses"] = new(x => Send(HttpMethod.Post, Mou(x) + "/clauses", new { heading = "h", text = "New clause." }), Staff, Ok: 201, Mutates: true, Leaves: x => [new Look(Mou(x))]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}"] = new(x => Get(Clause(x)), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}"] = new(x => Send(HttpMethod.Put, Clause(x), new { text = "Edited.", rationale = "r" }, "\"1\""), Staff, Ok: 200, Mutates: true, Leaves: x => [new Look(Clause(x) + "/drafts")]),
        ["DELETE /api/mous/{mouId}/clauses/{clauseId}"] = new(x => Delete(Clause(x)), Staff, Ok: 204, Mutates: true, Leaves: x => [new Look(Mou(x))]),
        // The matrix MOU has one clause: moving it to the top is allowed (204) and leaves the order as it was.
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/place"] = new(x => Send(HttpMethod.Put, Clause(x) + "/place", new { after = (string?)null }), Staff, Ok: 204, Mutates: true, Leaves: x => [new Look(Mou(x))]),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/agreement"] = new(x => Send(HttpMethod.Put, Clause(x) + "/agreement", new { agreement = "ad-ref" }), Staff, Ok: 200, Mutates: true, Leaves: x => [new Look(Clause(x))]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/drafts"] = new(x => Get(Clause(x) + "/drafts"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/diff"] = new(x => Get(Clause(x) + "/diff?from=1&to=1"), Reader, Ok: 200),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/comments"] = new(x => Send(HttpMethod.Post, Clause(x) + "/comments", new { text = "A comment." }), Commenter, Ok: 201, Mutates: true, Leaves: x => [new Look(Clause(x) + "/comments")]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/comments"] = new(x => Get(Clause(x) + "/comments"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/comments/{commentId}/resolved"] = new(x => Send(HttpMethod.Put, Clause(x) + $"/comments/{x.CommentId}/resolved", new { resolved = true }), Resolver, Ok: 200, Mutates: true, Leaves: x => [new Look(Clause(x) + "/comments")]),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/proposals"] = new(x => Send(HttpMethod.Post, Clause(x) + "/proposals", new { text = "Alternative wording." }),
            c => c.Role == "Delegate" && c.SameOrganization, Ok: 201, Mutates: true, Leaves: x => [new Look(Clause(x) + "/proposals")]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/proposals"] = new(x => Get(Clause(x) + "/proposals"), Reader, Ok: 200),
        ["POST /api/mous/{mouId}/revisions"] = new(x => Send(HttpMethod.Post, Mou(x) + "/revisions", new { symbol = "Rev.2" }), c => c.Role == "Secretariat" && c.SameOrganization, Ok: 201, Mutates: true, Leaves: x => [new Look(Mou(x))]),
        ["GET /api/mous/{mouId}/revisions/{number:int}"] = new(x => Get(Mou(x) + "/revisions/1"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/progress"] = new(x => Get(Mou(x) + "/progress"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/activity"] = new(x => Get(Mou(x) + "/activity?since=2000-01-01T00:00:00Z"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/compare"] = new(x => Get(Mou(x) + "/compare?from=1&to=1"), Reader, Ok: 200),
        ["POST /api/mous/{mouId}/revisions/{number:int}/positions"] = new(x => Send(HttpMethod.Post, Mou(x) + "/revisions/1/positions", new { memberState = "FRA", position = "agree" }),
            c => c.Role == "Delegate" && c.SameOrganization && c.State == Caller.OwnState, Ok: 201, Mutates: true, Leaves: x => [new Look(Mou(x) + "/revisions/1/positions")]),
        ["GET /api/mous/{mouId}/revisions/{number:int}/positions"] = new(x => Get(Mou(x) + "/revisions/1/positions"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/audit"] = new(x => Get(Mou(x) + "/audit"), StaffOrAdmin, Ok: 200),
        ["GET /api/mous/{mouId}/audit/verify"] = new(x => Get(Mou(x) + "/audit/verify"), StaffOrAdmin, Ok: 200),
        ["GET /api/audit"] = new(_ => Get("/api/audit?organization=un"), StaffOrAdmin, Ok: 200),
        ["GET /api/admin/audit"] = new(_ => Get("/api/admin/audit"), c => c.IsAdmin, Ok: 200),
        ["GET /api/admin/users"] = new(_ => Get("/api/admin/users"), c => c.IsAdmin, Ok: 200),
        ["PUT /api/admin/users/{userId}"] = new(x => Send(HttpMethod.Put, $"/api/admin/users/{x.UserId}", new { name = "Renamed", memberState = "FRA", organization = "un" }), c => c.IsAdmin, Ok: 200, Mutates: true, Leaves: _ => [new Look("/api/admin/users")]),
        ["GET /api/mous/{mouId}/export.docx"] = new(x => Get(Mou(x) + "/export.docx?revision=1"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/export.pdf"] = new(x => Get(Mou(x) + "/export.pdf?revision=1"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/export.akn.xml"] = new(x => Get(Mou(x) + "/export.akn.xml?revision=1"), Reader, Ok: 200),
        ["POST /api/mous/import"] = new(_ => new HttpRequestMessage(HttpMethod.Post, "/api/mous/import")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Docx.Minimal()), "file", "text.docx" } },
        }, StaffAnywhere, Ok: 201, Mutates: true, Leaves: _ => [new Look("/api/mous?organization=un"), new Look("/api/mous?organization=osce")]),
        ["POST /api/mous/import/preview"] = new(_ => new HttpRequestMessage(HttpMethod.Post, "/api/mous/import/preview")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Docx.Minimal()), "file", "text.docx" } },
        }, StaffAnywhere, Ok: 200, Leaves: _ => [new Look("/api/mous?organization=un"), new Look("/api/mous?organization=osce")]),
        ["POST /api/mous/{mouId}/markups"] = new(x => new HttpRequestMessage(HttpMethod.Post, Mou(x) + "/markups")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Docx.Minimal()), "file", "markup.docx" } },
        }, c => c.Role == "Delegate" && c.SameOrganization, Ok: 200, Mutates: true, Leaves: x => [new Look(Clause(x) + "/comments"), new Look(Clause(x) + "/proposals")]),
        ["POST /api/mous/{mouId}/revisions/{number:int}/silence"] = new(x => Send(HttpMethod.Post, Mou(x) + "/revisions/1/silence",
            new { deadline = DateTimeOffset.UtcNow.AddDays(4).ToString("O") }), c => c.Role == "Secretariat" && c.SameOrganization, Ok: 201, Mutates: true, Leaves: x => [new Look(Mou(x) + "/revisions/1/silence")]),
        ["GET /api/mous/{mouId}/revisions/{number:int}/silence"] = new(x => Get(Mou(x) + "/revisions/1/silence"), Reader, Ok: 200),
        ["GET /api/tccs"] = new(_ => Get("/api/tccs"), Anyone, Ok: 200),
        ["GET /api/tccs/matrix"] = new(_ => Get("/api/tccs/matrix"), Anyone, Ok: 200),
        ["GET /api/tccs/export.xlsx"] = new(_ => Get("/api/tccs/export.xlsx"), Anyone, Ok: 200),
        ["GET /api/tccs/{code}"] = new(_ => Get("/api/tccs/FRA"), Anyone, Ok: 200),
        ["PUT /api/tccs/{code}/adoptions/{mouId}"] = new(x => Send(HttpMethod.Put, $"/api/tccs/FRA/adoptions/{x.MouId}", new { revision = 1, adoptedOn = "2007-03-01", evidence = "note verbale" }),
            c => LegalOfficer(c) && c.SameOrganization, Ok: 200, Mutates: true, Leaves: France),
        ["GET /api/tccs/{code}/drift/{mouId}"] = new(x => Get($"/api/tccs/FRA/drift/{x.MouId}"), Reader, Ok: 200),
        ["POST /api/tccs/{code}/training"] = new(_ => Send(HttpMethod.Post, "/api/tccs/FRA/training", new { certifiedOn = "2007-01-15" }), LegalOfficer, Ok: 201, Mutates: true, Leaves: France),
        ["PUT /api/tccs/{code}/discipline/{year:int}"] = new(_ => Send(HttpMethod.Put, "/api/tccs/FRA/discipline/2006", new { count = 2 }), LegalOfficer, Ok: 200, Mutates: true, Leaves: France),
        ["POST /api/tccs/{code}/evidence"] = new(_ => new HttpRequestMessage(HttpMethod.Post, "/api/tccs/FRA/evidence")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "file", "signed.pdf" } },
        }, StaffAnywhere, Ok: 201, Mutates: true, Leaves: France),
        ["GET /api/tccs/{code}/evidence/{id}"] = new(x => Get($"/api/tccs/FRA/evidence/{x.EvidenceId}"), Staff, Ok: 200),
        ["GET /api/reform-items"] = new(_ => Get("/api/reform-items"), Anyone, Ok: 200),
        ["GET /api/reform-items/board"] = new(_ => Get("/api/reform-items/board"), Anyone, Ok: 200),
        ["GET /api/reform-items/export.xlsx"] = new(_ => Get("/api/reform-items/export.xlsx"), Anyone, Ok: 200),
        ["GET /api/reform-items/report.docx"] = new(_ => Get("/api/reform-items/report.docx"), Anyone, Ok: 200),
        ["GET /api/reform-items/{id}"] = new(_ => Get("/api/reform-items/un-victim-assistance"), Anyone, Ok: 200),
        ["GET /api/mous/{mouId}/proposals"] = new(x => Get(Mou(x) + "/proposals?status=open"), Reader, Ok: 200),
        ["POST /api/mous/{mouId}/proposals"] = new(x => Send(HttpMethod.Post, Mou(x) + "/proposals",
                new { kind = "insert", after = x.ClauseId, text = "A new paragraph.", clauseKind = "operative" }),
            c => c.Role == "Delegate" && c.SameOrganization, Ok: 201, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals")]),
        ["GET /api/mous/{mouId}/compilation"] = new(x => Get(Mou(x) + "/compilation"), Reader, Ok: 200),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/proposals/bridging"] = new(x => Send(HttpMethod.Post, Clause(x) + "/proposals/bridging",
                new { text = "A compromise on jurisdiction.", supersedes = new[] { x.ProposalId } }),
            Staff, Ok: 201, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals")]),
        ["PUT /api/mous/{mouId}/proposals/{proposalId}/responses/{state}"] = new(x => Send(HttpMethod.Put, Mou(x) + $"/proposals/{x.BridgingId}/responses/FRA",
                new { canAccept = true, note = "France can join it" }),
            OwnStateDelegate, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals")]),
        ["PUT /api/mous/{mouId}/proposals/{proposalId}/status"] = new(x => Send(HttpMethod.Put, Mou(x) + $"/proposals/{x.ProposalId}/status", new { status = "rejected", note = "matrix" }),
            Staff, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals")]),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/proposals/accept"] = new(x => Send(HttpMethod.Post, Clause(x) + "/proposals/accept", new { ids = new[] { x.ProposalId } }),
            Staff, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals"), new Look(Clause(x) + "/drafts")]),
        ["PUT /api/mous/{mouId}/proposals/{proposalId}/cosponsors/{state}"] = new(x => Send(HttpMethod.Put, Mou(x) + $"/proposals/{x.ProposalId}/cosponsors/FRA", new { }),
            OwnStateDelegate, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals")]),
        ["DELETE /api/mous/{mouId}/proposals/{proposalId}/cosponsors/{state}"] = new(x => Delete(Mou(x) + $"/proposals/{x.ProposalId}/cosponsors/FRA"),
            OwnStateDelegate, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposals")]),
        ["GET /api/mous/{mouId}/proposal-window"] = new(x => Get(Mou(x) + "/proposal-window"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/proposal-window"] = new(x => Send(HttpMethod.Put, Mou(x) + "/proposal-window", new { open = false }),
            c => c.Role == "Secretariat" && c.SameOrganization, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/proposal-window")]),
        ["POST /api/organizations/{organization}/webhooks"] = new(_ => Send(HttpMethod.Post, "/api/organizations/un/webhooks",
                new { url = "https://203.0.113.10/matrix-hook", events = new[] { "matrix.none" }, secret = "matrix-webhook-secret-0123" }),
            WebhookManager, Ok: 201, Mutates: true, Leaves: _ => [new Look("/api/organizations/un/webhooks")]),
        ["GET /api/organizations/{organization}/webhooks"] = new(_ => Get("/api/organizations/un/webhooks"), WebhookManager, Ok: 200),
        ["DELETE /api/organizations/{organization}/webhooks/{webhookId}"] = new(x => Delete($"/api/organizations/un/webhooks/{x.WebhookId}"),
            WebhookManager, Ok: 204, Mutates: true, Leaves: _ => [new Look("/api/organizations/un/webhooks")]),
        ["GET /api/organizations/{organization}/webhooks/{webhookId}/deliveries"] = new(x => Get($"/api/organizations/un/webhooks/{x.WebhookId}/deliveries"),
            WebhookManager, Ok: 200),
        ["POST /api/reform-items/{id}/status"] = new(_ => Send(HttpMethod.Post, "/api/reform-items/un-victim-assistance/status",
            new { status = "in-progress", note = "Matrix check", on = "2007-06-01" }), Staff, Ok: 200, Mutates: true, Leaves: _ => [new Look("/api/reform-items/un-victim-assistance")]),
        ["GET /api/mous/{mouId}/now-discussing"] = new(x => Get(Mou(x) + "/now-discussing"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/now-discussing"] = new(x => Send(HttpMethod.Put, Mou(x) + "/now-discussing", new { clauseId = x.ClauseId }, "\"0\""),
            c => c.Role == "Secretariat" && c.SameOrganization, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/now-discussing")]),
        ["DELETE /api/mous/{mouId}/now-discussing"] = new(x => new HttpRequestMessage(HttpMethod.Delete, Mou(x) + "/now-discussing") { Headers = { { "If-Match", "\"0\"" } } },
            c => c.Role == "Secretariat" && c.SameOrganization, Ok: 204, Mutates: true, Leaves: x => [new Look(Mou(x) + "/now-discussing")]),
        // Parallel texts (issue 9): MatrixSetup adds a French version; the original (English) goes through the same routes.
        ["GET /api/mous/{mouId}/languages"] = new(x => Get(Mou(x) + "/languages?revision=1"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/languages/{language}"] = new(x => Send(HttpMethod.Put, Mou(x) + "/languages/ar", new { required = true }),
            c => c.Role == "Secretariat" && c.SameOrganization, Ok: 200, Mutates: true, Leaves: x => [new Look(Mou(x) + "/languages")]),
        ["GET /api/mous/{mouId}/parallel"] = new(x => Get(Mou(x) + "/parallel?left=en&right=fr"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}"] = new(x => Get(Clause(x) + "/languages/fr"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/languages/{language}"] = new(x => Send(HttpMethod.Put, Clause(x) + "/languages/fr",
            new { text = "Le Gouvernement exerce sa juridiction.", rationale = "traduction" }, "\"0\""), Staff, Ok: 200, Mutates: true, Leaves: x => [new Look(Clause(x) + "/languages/fr/drafts")]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/drafts"] = new(x => Get(Clause(x) + "/languages/fr/drafts"), Reader, Ok: 200),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/diff"] = new(x => Get(Clause(x) + "/languages/en/diff?from=1&to=1"), Reader, Ok: 200),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments"] = new(x => Send(HttpMethod.Post, Clause(x) + "/languages/en/comments", new { text = "A comment." }), Commenter, Ok: 201, Mutates: true, Leaves: x => [new Look(Clause(x) + "/languages/en/comments")]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments"] = new(x => Get(Clause(x) + "/languages/fr/comments"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments/{commentId}/resolved"] = new(x => Send(HttpMethod.Put,
            Clause(x) + $"/languages/en/comments/{x.CommentId}/resolved", new { resolved = true }), Resolver, Ok: 200, Mutates: true, Leaves: x => [new Look(Clause(x) + "/languages/en/comments")]),
        ["POST /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/proposals"] = new(x => Send(HttpMethod.Post, Clause(x) + "/languages/en/proposals",
            new { text = "Alternative wording." }), c => c.Role == "Delegate" && c.SameOrganization, Ok: 201, Mutates: true, Leaves: x => [new Look(Clause(x) + "/languages/en/proposals")]),
        ["GET /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/proposals"] = new(x => Get(Clause(x) + "/languages/fr/proposals"), Reader, Ok: 200),
        ["DELETE /api/admin/users/{userId}"] = new(x => Delete($"/api/admin/users/{x.UserId}"), c => c.IsAdmin, Ok: 204, Mutates: true, Leaves: _ => [new Look("/api/admin/users")]),
        ["GET /api/search"] = new(x => Get($"/api/search?q=jurisdiction&mou={x.MouId}"), Reader, Ok: 200),
        ["PUT /api/mous/{mouId}/follow"] = new(x => Send(HttpMethod.Put, Mou(x) + "/follow", new { }), Reader, Ok: 200, Leaves: Follows),
        ["DELETE /api/mous/{mouId}/follow"] = new(x => Delete(Mou(x) + "/follow"), Reader, Ok: 204, Leaves: Follows),
        ["PUT /api/mous/{mouId}/clauses/{clauseId}/follow"] = new(x => Send(HttpMethod.Put, Clause(x) + "/follow", new { }), Reader, Ok: 200, Leaves: Follows),
        ["DELETE /api/mous/{mouId}/clauses/{clauseId}/follow"] = new(x => Delete(Clause(x) + "/follow"), Reader, Ok: 204, Leaves: Follows),
        ["GET /api/me/follows"] = new(_ => Get("/api/me/follows"), Anyone, Ok: 200),
        ["GET /api/me/notifications"] = new(_ => Get("/api/me/notifications?unread=true"), Anyone, Ok: 200),
        ["POST /api/me/notifications/read"] = new(_ => Send(HttpMethod.Post, "/api/me/notifications/read", new { all = true }), Anyone, Ok: 200),
    };
}
