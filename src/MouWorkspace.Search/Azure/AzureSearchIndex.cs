using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;
using AzureDocument = Azure.Search.Documents.Models.SearchDocument;

namespace MouWorkspace.Search.Azure;

/// <summary>Settings of the Azure AI Search adapter (<c>Search:AzureAISearch:*</c>).</summary>
public sealed record AzureSearchSettings(Uri Endpoint, string IndexName, string? ApiKey);

/// <summary>
/// The index on Azure AI Search, for a cloud deployment where every web host shares one index. Written against
/// Azure.Search.Documents 11.5.1 and NOT run against the service (no Azure access where it was written): the
/// mapping, filters and escaping are unit-tested offline (<see cref="AzureSearchMapping"/>); see docs/search.md.
/// </summary>
public sealed class AzureSearchIndex : ISearchIndex
{
    private readonly SearchIndexClient indexes;
    private readonly SearchClient documents;
    private readonly string indexName;
    private SearchCheckpoint? checkpoint;
    private bool ensured;

    public AzureSearchIndex(AzureSearchSettings settings)
    {
        indexName = settings.IndexName;
        if (string.IsNullOrEmpty(settings.ApiKey))
        {
            // Managed identity (or a developer's az login): needs the "Search Index Data Contributor" and
            // "Search Service Contributor" roles on the service.
            TokenCredential credential = new DefaultAzureCredential();
            indexes = new SearchIndexClient(settings.Endpoint, credential);
        }
        else
        {
            indexes = new SearchIndexClient(settings.Endpoint, new AzureKeyCredential(settings.ApiKey));
        }
        documents = indexes.GetSearchClient(settings.IndexName);
    }

    /// <summary>The index definition: keyword fields filterable, title and text searchable with the standard Lucene analyzer.</summary>
    public static SearchIndex Definition(string name) => new(name)
    {
        Fields =
        {
            new SimpleField(AzureSearchMapping.Key, SearchFieldDataType.String) { IsKey = true },
            new SimpleField(AzureSearchMapping.DocId, SearchFieldDataType.String),
            new SimpleField(AzureSearchMapping.Owner, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(AzureSearchMapping.Kind, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SimpleField(AzureSearchMapping.Organization, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(AzureSearchMapping.MouId, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(AzureSearchMapping.ClauseId, SearchFieldDataType.String),
            new SearchableField(AzureSearchMapping.Title) { AnalyzerName = LexicalAnalyzerName.StandardLucene },
            new SearchableField(AzureSearchMapping.Text) { AnalyzerName = LexicalAnalyzerName.StandardLucene },
            new SimpleField(AzureSearchMapping.Link, SearchFieldDataType.String),
            new SimpleField(AzureSearchMapping.Readers, SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true },
            new SimpleField(AzureSearchMapping.At, SearchFieldDataType.DateTimeOffset) { IsSortable = true },
        },
    };

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (ensured)
            return;
        await indexes.CreateOrUpdateIndexAsync(Definition(indexName), cancellationToken: cancellationToken);
        ensured = true;
    }

    public async Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
            return;
        await EnsureIndexAsync(cancellationToken);
        await IndexAsync(documents.Select(d => IndexDocumentsAction.MergeOrUpload(AzureSearchMapping.ToAzure(d))), cancellationToken);
    }

    public async Task ReplaceAsync(IReadOnlyDictionary<string, IReadOnlyList<SearchDocument>> byOwner, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        var keep = byOwner.Values.SelectMany(d => d).Select(d => AzureSearchMapping.EncodeKey(d.Id)).ToHashSet();
        var stale = new List<string>();
        foreach (var owner in byOwner.Keys)
        {
            var options = new SearchOptions { Filter = AzureSearchMapping.OwnerFilter(owner), Size = 1000, Select = { AzureSearchMapping.Key } };
            var found = await documents.SearchAsync<AzureDocument>("*", options, cancellationToken);
            await foreach (var result in found.Value.GetResultsAsync().WithCancellation(cancellationToken))
            {
                var key = result.Document.GetString(AzureSearchMapping.Key);
                if (!keep.Contains(key))
                    stale.Add(key);
            }
        }
        await IndexAsync(byOwner.Values.SelectMany(d => d).Select(d => IndexDocumentsAction.MergeOrUpload(AzureSearchMapping.ToAzure(d)))
            .Concat(stale.Select(key => IndexDocumentsAction.Delete(AzureSearchMapping.Key, key))), cancellationToken);
    }

    /// <summary>Sends the actions in batches of at most 1000 (the most the service takes in one).</summary>
    private async Task IndexAsync(IEnumerable<IndexDocumentsAction<AzureDocument>> actions, CancellationToken cancellationToken)
    {
        foreach (var chunk in actions.Chunk(1000))
        {
            var part = new IndexDocumentsBatch<AzureDocument>();
            foreach (var action in chunk)
                part.Actions.Add(action);
            await documents.IndexDocumentsAsync(part, new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
        }
    }

    /// <summary>The shared index is never emptied (other hosts search it): a rebuild upserts every document.</summary>
    public Task BeginRebuildAsync(CancellationToken cancellationToken = default) => EnsureIndexAsync(cancellationToken);

    /// <summary>Writes are visible within the service's own refresh (about a second); the position is kept in memory.</summary>
    public Task CommitAsync(SearchCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        this.checkpoint = checkpoint;
        return Task.CompletedTask;
    }

    public Task<SearchCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken = default) => Task.FromResult(checkpoint);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
            throw new SearchQueryException("q: say what to search for");
        if (query.Text.Length > SearchQuery.MaxLength)
            throw new SearchQueryException($"q: at most {SearchQuery.MaxLength} characters");
        await EnsureIndexAsync(cancellationToken);
        var options = Options(query, query.Kind, Math.Clamp(query.Take, 1, 200));
        options.Facets.Add(AzureSearchMapping.Kind);
        try
        {
            var response = (await documents.SearchAsync<AzureDocument>(query.Text, options, cancellationToken)).Value;
            var hits = new List<SearchHit>();
            await foreach (var result in response.GetResultsAsync().WithCancellation(cancellationToken))
                hits.Add(ToHit(result));
            var counts = SearchKinds.All.ToDictionary(k => k, _ => 0);
            if (query.Kind is null && response.Facets?.TryGetValue(AzureSearchMapping.Kind, out var facets) == true)
            {
                foreach (var facet in facets)
                    if (facet.Value is string kind && counts.ContainsKey(kind))
                        counts[kind] = (int)(facet.Count ?? 0);
            }
            else
            {
                foreach (var kind in SearchKinds.All)
                {
                    var count = Options(query, kind, 0);
                    counts[kind] = (int)((await documents.SearchAsync<AzureDocument>(query.Text, count, cancellationToken)).Value.TotalCount ?? 0);
                }
            }
            return new SearchResults((int)(response.TotalCount ?? hits.Count), counts, hits);
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            throw new SearchQueryException("q: the query cannot be read", ex);
        }
    }

    public static SearchOptions Options(SearchQuery query, string? kind, int size)
    {
        var options = new SearchOptions
        {
            QueryType = SearchQueryType.Full,
            SearchMode = SearchMode.All,
            Filter = AzureSearchMapping.Filter(query, kind),
            Size = size,
            IncludeTotalCount = true,
            HighlightPreTag = AzureSearchMapping.PreTag,
            HighlightPostTag = AzureSearchMapping.PostTag,
        };
        options.SearchFields.Add(AzureSearchMapping.Title);
        options.SearchFields.Add(AzureSearchMapping.Text);
        options.HighlightFields.Add(AzureSearchMapping.Title);
        options.HighlightFields.Add(AzureSearchMapping.Text);
        return options;
    }

    /// <summary>A service result as our hit: highlights made safe (<see cref="SafeHtml.FromMarkers"/>).</summary>
    public static SearchHit ToHit(SearchResult<AzureDocument> result)
    {
        var d = result.Document;
        var title = d.GetString(AzureSearchMapping.Title) ?? "";
        var text = d.GetString(AzureSearchMapping.Text) ?? "";
        string? Highlighted(string field) =>
            result.Highlights?.TryGetValue(field, out var parts) == true && parts.Count > 0
                ? string.Join(" … ", parts.Select(p => SafeHtml.FromMarkers(p, AzureSearchMapping.PreTag, AzureSearchMapping.PostTag)))
                : null;
        return new SearchHit(d.GetString(AzureSearchMapping.DocId), d.GetString(AzureSearchMapping.Kind), d.GetString(AzureSearchMapping.Organization),
            d.GetString(AzureSearchMapping.MouId), d.GetString(AzureSearchMapping.ClauseId), title,
            Highlighted(AzureSearchMapping.Title) ?? SafeHtml.Encode(title), Highlighted(AzureSearchMapping.Text) ?? SafeHtml.Excerpt(text),
            d.GetString(AzureSearchMapping.Link), (float)(result.Score ?? 0),
            d.TryGetValue(AzureSearchMapping.At, out var at) && at is DateTimeOffset when ? when : DateTimeOffset.MinValue);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
