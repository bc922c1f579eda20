using MouWorkspace.Abstractions.Organizations;
using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Abstractions.Search;
using MouWorkspace.Domain;
using MouWorkspace.Search;
using MouWorkspace.Search.Lucene;

namespace MouWorkspace.Web.Search;

/// <summary>Whether the index has been built once since this host started (a search before then may miss things).</summary>
public sealed class SearchStatus
{
    public volatile bool Ready;
}

/// <summary>
/// Keeps this host's index current: reads the cluster's feed grain (filled from the change streams by
/// <see cref="SearchConsumer"/>) every <see cref="SearchOptions.PollMilliseconds"/>, or at once when this host's
/// silo appended to it, re-reads what changed from the grains and replaces it in the index. Rebuilds the whole index from the grains when it is missing,
/// of another schema, or cannot prove it saw every change (the feed restarted or moved past it).
/// </summary>
public sealed class SearchIndexer(
    ISearchIndex index, IGrainFactory grains, SearchFeedSignal signal, SearchStatus status,
    Microsoft.Extensions.Options.IOptions<SearchOptions> options, ILogger<SearchIndexer> logger) : BackgroundService
{
    private const int PageSize = 2000;
    private readonly SearchDocuments documents = new(grains);
    private SearchCheckpoint? position;
    private DateTimeOffset lastCommit = DateTimeOffset.UtcNow;
    private bool dirty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.Indexer)
        {
            status.Ready = true;
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Search indexing failed; trying again in 2 s");
                await Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (dirty && position is not null)
        {
            try
            {
                await index.CommitAsync(position, cancellationToken);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Search index not committed at shutdown; it will catch up or rebuild at the next start");
            }
        }
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var feed = grains.GetGrain<ISearchFeedGrain>(ISearchFeedGrain.Key);
        position ??= await index.ReadCheckpointAsync(stoppingToken) is { Schema: LuceneSearchIndex.Schema } saved ? saved : null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (position is null)
                position = await RebuildAsync(feed, stoppingToken);
            var page = await feed.ReadAsync(position.Epoch, position.Sequence, PageSize);
            if (!page.Complete)
            {
                logger.LogInformation("The search index cannot prove it saw every change (feed {Epoch} at {Last}): rebuilding", page.Epoch, page.Last);
                position = null;
                continue;
            }
            status.Ready = true;
            if (page.Keys.Count > 0)
                await ApplyAsync(page.Keys, stoppingToken);
            position = position with { Epoch = page.Epoch, Sequence = page.Last };
            if (dirty && DateTimeOffset.UtcNow - lastCommit > TimeSpan.FromSeconds(5))
                await CommitAsync(stoppingToken);
            if (page.Keys.Count < PageSize)
                await WaitForChangesAsync(stoppingToken);
        }
    }

    private async Task ApplyAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct().ToList();
        var byOwner = new Dictionary<string, IReadOnlyList<SearchDocument>>();
        foreach (var key in distinct.Where(k => SearchDocuments.ClauseOfComment(k) is null))
            foreach (var (owner, docs) in await documents.ForKeyAsync(key))
                byOwner[owner] = docs;
        // A new comment is added as its own document, unless its clause is re-read anyway.
        var comments = new List<SearchDocument>();
        foreach (var key in distinct.Where(k => SearchDocuments.ClauseOfComment(k) is { } clause && !byOwner.ContainsKey(clause)))
            if (await documents.CommentAsync(key) is { } comment)
                comments.Add(comment);
        if (byOwner.Count == 0 && comments.Count == 0)
            return;
        if (byOwner.Count > 0)
            await index.ReplaceAsync(byOwner, cancellationToken);
        if (comments.Count > 0)
            await index.UpsertAsync(comments, cancellationToken);
        dirty = true;
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        await index.CommitAsync(position!, cancellationToken);
        lastCommit = DateTimeOffset.UtcNow;
        dirty = false;
    }

    /// <summary>Everything from the grains; changes made meanwhile are in the feed after the position read first.</summary>
    private async Task<SearchCheckpoint> RebuildAsync(ISearchFeedGrain feed, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var head = await feed.ReadAsync(Guid.Empty, 0, 1);
        await index.BeginRebuildAsync(cancellationToken);
        var count = 0;
        var mous = new List<string>();
        foreach (var organization in Organizations.All)
            mous.AddRange((await grains.GetGrain<IOrganizationGrain>(organization.Code).ListAsync()).Select(m => m.Id));
        // A few MOUs at a time: the grain reads overlap, the index writer takes documents from several threads.
        await Parallel.ForEachAsync(mous, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (mouId, ct) =>
        {
            var docs = await documents.ForKeyAsync(SearchDocuments.MouKey(mouId));
            await index.ReplaceAsync(docs, ct);
            Interlocked.Add(ref count, docs.Values.Sum(d => d.Count));
        });
        foreach (var item in await grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync())
        {
            var docs = await documents.ForKeyAsync(SearchDocuments.ReformKey(item.Id));
            await index.ReplaceAsync(docs, cancellationToken);
            count += docs.Values.Sum(d => d.Count);
        }
        var checkpoint = new SearchCheckpoint(LuceneSearchIndex.Schema, head.Epoch, head.Last);
        position = checkpoint;
        await CommitAsync(cancellationToken);
        logger.LogInformation("Search index rebuilt from the grains: {Count} documents in {Elapsed} ms", count, started.ElapsedMilliseconds);
        return checkpoint;
    }

    /// <summary>Until the next poll, or sooner when this host's silo has just appended changes.</summary>
    private async Task WaitForChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
