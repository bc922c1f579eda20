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
/// Keeps this host's index current: publishes the keys of its own API's changes to the cluster's feed grain,
/// reads the feed (every host's changes) every <see cref="SearchOptions.PollMilliseconds"/>, re-reads what changed
/// from the grains and replaces it in the index. Rebuilds the whole index from the grains when it is missing,
/// of another schema, or cannot prove it saw every change (the feed restarted or moved past it).
/// </summary>
public sealed class SearchIndexer(
    ISearchIndex index, IGrainFactory grains, SearchChangeQueue queue, SearchStatus status,
    Microsoft.Extensions.Options.IOptions<SearchOptions> options, ILogger<SearchIndexer> logger) : BackgroundService
{
    private const int PageSize = 2000;
    private readonly SearchDocuments documents = new(grains);
    private readonly HashSet<string> knownMous = [];
    private readonly Dictionary<string, ReformItemSummary> knownReform = [];
    private readonly List<(string Key, DateTimeOffset Due)> settling = [];

    /// <summary>Released when this host published changes, so that the feed is read at once rather than at the next poll.</summary>
    private readonly SemaphoreSlim published = new(0);
    private SearchCheckpoint? position;
    private DateTimeOffset lastCommit = DateTimeOffset.UtcNow;
    private DateTimeOffset lastReconcile = DateTimeOffset.MinValue;
    private bool dirty;

    /// <summary>Whether the known MOUs and reform items have been listed once (by a rebuild, or at a start that needed none).</summary>
    private bool primed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var publisher = PublishAsync(stoppingToken);
        if (!options.Value.Indexer)
        {
            status.Ready = true;
            await publisher;
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
        await publisher;
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

    public override void Dispose()
    {
        published.Dispose();
        base.Dispose();
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
            await ReconcileAsync(stoppingToken);
            if (dirty && DateTimeOffset.UtcNow - lastCommit > TimeSpan.FromSeconds(5))
                await CommitAsync(stoppingToken);
            if (page.Keys.Count < PageSize)
                await WaitForChangesAsync(stoppingToken);
        }
    }

    private async Task ApplyAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var byOwner = new Dictionary<string, IReadOnlyList<SearchDocument>>();
        foreach (var key in keys.Distinct())
            foreach (var (owner, docs) in await documents.ForKeyAsync(key))
                byOwner[owner] = docs;
        if (byOwner.Count == 0)
            return;
        await index.ReplaceAsync(byOwner, cancellationToken);
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
        knownMous.Clear();
        knownReform.Clear();
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
        knownMous.UnionWith(mous);
        primed = true;
        foreach (var item in await grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync())
        {
            var docs = await documents.ForKeyAsync(SearchDocuments.ReformKey(item.Id));
            await index.ReplaceAsync(docs, cancellationToken);
            count += docs.Values.Sum(d => d.Count);
            knownReform[item.Id] = item;
        }
        var checkpoint = new SearchCheckpoint(LuceneSearchIndex.Schema, head.Epoch, head.Last);
        position = checkpoint;
        await CommitAsync(cancellationToken);
        lastReconcile = DateTimeOffset.UtcNow;
        logger.LogInformation("Search index rebuilt from the grains: {Count} documents in {Elapsed} ms", count, started.ElapsedMilliseconds);
        return checkpoint;
    }

    /// <summary>
    /// MOUs and reform items made without the API (the demo seeder, imports by tools) never reach the feed: new
    /// ones are indexed when seen, and once more a little later in case they were still being filled.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (now - lastReconcile < TimeSpan.FromSeconds(options.Value.ReconcileSeconds))
            return;
        lastReconcile = now;
        var keys = new List<string>();
        foreach (var organization in Organizations.All)
            foreach (var mou in await grains.GetGrain<IOrganizationGrain>(organization.Code).ListAsync())
                if (knownMous.Add(mou.Id))
                    keys.Add(SearchDocuments.MouKey(mou.Id));
        foreach (var item in await grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync())
        {
            if (!knownReform.TryGetValue(item.Id, out var known) || known with { Overdue = item.Overdue } != item)
                keys.Add(SearchDocuments.ReformKey(item.Id));
            knownReform[item.Id] = item;
        }
        if (!primed)
        {
            // A start that resumed from the feed: what exists now was indexed before (or is in the feed).
            primed = true;
            return;
        }
        var due = settling.Where(s => s.Due <= now).Select(s => s.Key).ToArray();
        settling.RemoveAll(s => s.Due <= now);
        settling.AddRange(keys.Select(k => (k, now.AddSeconds(30))));
        if (keys.Count + due.Length > 0)
            await ApplyAsync(keys.Concat(due), cancellationToken);
    }

    /// <summary>Sends this host's change keys to the feed grain in batches, retrying while the cluster is away.</summary>
    private async Task PublishAsync(CancellationToken stoppingToken)
    {
        var feed = grains.GetGrain<ISearchFeedGrain>(ISearchFeedGrain.Key);
        var batch = new List<string>();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 1000 && queue.Reader.TryRead(out var key))
                    if (!batch.Contains(key))
                        batch.Add(key);
                try
                {
                    await feed.AppendAsync(batch.ToArray());
                    batch.Clear();
                    if (published.CurrentCount == 0)
                        published.Release();
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Search feed not reachable; {Count} changes wait", batch.Count);
                    await Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Until the next poll, or sooner when this host has just published changes.</summary>
    private async Task WaitForChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await published.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), cancellationToken);
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
