using System.Security.Claims;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain;
using MouWorkspace.Search;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Search;

public sealed record SearchHitResponse(string Kind, string Title, string TitleHtml, string Html, string Link, string Organization,
    string? MouId, string? ClauseId, double Score, DateTimeOffset At);

/// <summary>
/// <c>Html</c> fields are the matching passages as HTML in which the text is encoded and only &lt;mark&gt; is markup.
/// <c>Ready</c> is false until this host has built its index once after starting.
/// </summary>
public sealed record SearchResponse(string Query, bool Ready, int Total, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<SearchHitResponse> Hits);

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Search").RequireAuthorization(Policies.Reader)
            .Produces<SearchResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> SearchAsync(string? q, string? organization, string? mou, string? kind, int? take,
        ClaimsPrincipal user, IGrainFactory grains, ISearchIndex index, SearchStatus status, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
            return Problems.Invalid("q", "q: say what to search for");
        if (q.Length > SearchQuery.MaxLength)
            return Problems.Invalid("q", $"q: at most {SearchQuery.MaxLength} characters");
        if (kind is not null && !SearchKinds.IsKnown(kind))
            return Problems.Invalid("kind", "kind: must be clause, comment, proposal or reform-item");
        if (organization is not null && Organizations.Find(organization) is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{organization}'");
        if (take is < 1 or > 200)
            return Problems.Invalid("take", "take: from 1 to 200");
        if (mou is not null)
        {
            // The API's own rule for reading an MOU: unknown 404, another organization's 403.
            var (access, problem) = await MouAccess.OpenAsync(grains, mou, user);
            if (access is null)
                return problem!;
        }

        SearchResults results;
        try
        {
            results = await index.SearchAsync(new SearchQuery(q, SearchAccess.CallerReaders(user), organization?.ToLowerInvariant(), mou, kind, take ?? 50),
                cancellationToken);
        }
        catch (SearchQueryException ex)
        {
            return Problems.Invalid("q", ex.Message);
        }

        // Every hit once more against its MOU as it stands now: the index may lag a change by a moment.
        var mous = new Dictionary<string, MouInfo?>();
        var hits = new List<SearchHitResponse>();
        foreach (var hit in results.Hits)
        {
            if (hit.MouId is { } mouId)
            {
                if (!mous.TryGetValue(mouId, out var info))
                    mous[mouId] = info = await grains.GetGrain<IMouGrain>(mouId).GetInfoAsync();
                if (info is null || !MouAccess.CanRead(user, info) ||
                    (hit.ClauseId is { } clauseId && !info.ClauseIds.Contains(clauseId)))
                    continue;
            }
            hits.Add(new SearchHitResponse(hit.Kind, hit.Title, hit.TitleHighlight, hit.Highlight, hit.Link, hit.Organization,
                hit.MouId, hit.ClauseId, Math.Round(hit.Score, 4), hit.At));
        }
        return TypedResults.Ok(new SearchResponse(q, status.Ready, results.Total, results.Counts, hits));
    }
}
