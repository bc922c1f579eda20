namespace MouWorkspace.Web.Audit;

/// <summary>
/// An API operation as its audit record names it (<c>PUT /api/mous/{mouId}/clauses/{clauseId}</c>) with the status the API
/// answers it with. A page that performs it in-process (through the application services) records it under the same
/// name, so the audit log reads the same whether a change came from a page or from another client.
/// </summary>
public sealed record ApiOperation(string Method, string Route, int Status)
{
    public string Action => $"{Method} {Route}";

    /// <summary>The route's parameter names, in order (<c>mouId</c>, <c>clauseId</c>, …).</summary>
    public IReadOnlyList<string> Parameters { get; } =
        [.. System.Text.RegularExpressions.Regex.Matches(Route, @"\{([^}:?]+)").Select(m => m.Groups[1].Value)];
}

/// <summary>
/// The changes pages make in-process. Each is an endpoint of the API (a test holds them to the mapped routes and to the
/// records the API writes for the same change).
/// </summary>
public static class PageOperations
{
    public static readonly ApiOperation AddClause = new("POST", "/api/mous/{mouId}/clauses", 201);
    public static readonly ApiOperation SaveDraft = new("PUT", "/api/mous/{mouId}/clauses/{clauseId}", 200);
    public static readonly ApiOperation RemoveClause = new("DELETE", "/api/mous/{mouId}/clauses/{clauseId}", 204);
    public static readonly ApiOperation MoveClause = new("PUT", "/api/mous/{mouId}/clauses/{clauseId}/place", 204);
    public static readonly ApiOperation SetAgreement = new("PUT", "/api/mous/{mouId}/clauses/{clauseId}/agreement", 200);
    public static readonly ApiOperation AddComment = new("POST", "/api/mous/{mouId}/clauses/{clauseId}/comments", 201);
    public static readonly ApiOperation ResolveComment = new("PUT", "/api/mous/{mouId}/clauses/{clauseId}/comments/{commentId}/resolved", 200);
    public static readonly ApiOperation Propose = new("POST", "/api/mous/{mouId}/clauses/{clauseId}/proposals", 201);

    public static readonly IReadOnlyList<ApiOperation> All = [AddClause, SaveDraft, RemoveClause, MoveClause, SetAgreement, AddComment, ResolveComment, Propose];
}
