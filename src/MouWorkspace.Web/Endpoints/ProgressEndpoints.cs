using System.Security.Claims;
using MouWorkspace.Domain.Brackets;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Endpoints;

/// <summary>One point of an MOU's burndown: a published revision, or the current drafts (Number null).</summary>
public sealed record ProgressPoint(int? Number, string Label, DateTimeOffset? PublishedAt, int Clauses, int BracketedClauses,
    int OpenBrackets, int UnagreedClauses);

public sealed record ProgressResponse(string MouId, string Title, IReadOnlyList<ProgressPoint> Points);

/// <summary>
/// The negotiation's progress across revisions, for the burndown on the reader page: per revision how many clauses
/// still hold brackets, how many bracket groups are open (nested ones included, as <see cref="BracketParser"/>
/// counts them) and how many clauses are not yet agreed (neither agreed nor agreed ad referendum); the current
/// drafts come last. Same access rules as reading the MOU.
/// </summary>
public static class ProgressEndpoints
{
    public static RouteGroupBuilder MapProgressEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/mous/{mouId}/progress", ProgressAsync).WithTags("MOUs").RequireAuthorization(Policies.Reader)
            .Produces<ProgressResponse>().ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    public static ProgressPoint Point(int? number, string label, DateTimeOffset? publishedAt, IReadOnlyList<(string Text, string Status)> clauses)
    {
        var analyses = clauses.Select(c => BracketParser.Parse(c.Text)).ToArray();
        return new ProgressPoint(number, label, publishedAt, clauses.Count, analyses.Count(a => !a.IsClean), analyses.Sum(a => a.Count),
            clauses.Count(c => !IsAgreed(c.Status)));
    }

    private static bool IsAgreed(string status) => status is "agreed" or "agreed-ad-ref";

    private static async Task<IResult> ProgressAsync(string mouId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var points = new List<ProgressPoint>(access.Mou.Revisions.Count + 1);
        foreach (var revision in access.Mou.Revisions)
        {
            var snapshot = await access.Grain.GetRevisionAsync(revision.Number);
            points.Add(Point(revision.Number, revision.Label, revision.PublishedAt,
                snapshot?.Clauses.Select(c => (c.Text, c.Status)).ToArray() ?? []));
        }
        var current = await access.Grain.GetClausesAsync();
        points.Add(Point(null, "Current drafts", null, current.Select(c => (c.Text, c.Status)).ToArray()));
        return TypedResults.Ok(new ProgressResponse(access.Mou.Id, access.Mou.Title, points));
    }
}
