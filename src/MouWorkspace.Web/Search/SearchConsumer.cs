using MouWorkspace.Abstractions.Events;
using MouWorkspace.Abstractions.Search;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Web.Search;

/// <summary>Released when this host appended change keys to the feed, so that its indexer reads the feed at once rather than at the next poll.</summary>
public sealed class SearchFeedSignal
{
    private readonly SemaphoreSlim appended = new(0);

    public void Appended()
    {
        if (appended.CurrentCount == 0)
            appended.Release();
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => appended.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Follows the change streams (on the silo that consumes them): appends the keys of what a change touched to the
/// cluster's search feed, which every host's <see cref="SearchIndexer"/> reads. Repeating a key only re-reads the
/// thing, so a redelivered event is harmless.
/// </summary>
public sealed class SearchConsumer(SearchFeedSignal signal) : IChangeConsumer
{
    public async Task ConsumeAsync(ChangeEvent change, IGrainFactory grains)
    {
        if (KeyFor(change) is not { } key)
            return;
        await grains.GetGrain<ISearchFeedGrain>(ISearchFeedGrain.Key).AppendAsync([key]);
        signal.Appended();
    }

    /// <summary>
    /// What a change touched: a new comment on the original (its own document), a clause (its drafts, comments' resolution,
    /// proposals, translations, its removal), a whole MOU (a new
    /// text), or a reform item. Revisions, positions, silence procedures, language settings and the room's pointer
    /// change no searchable text; TCC records hold no MOU text.
    /// </summary>
    public static string? KeyFor(ChangeEvent change) => change switch
    {
        // A new comment on the original is one more document: its clause (with all its comments) is not re-read.
        CommentAdded { Language: null } c => SearchDocuments.CommentKey(c.MouId, c.ClauseId, c.CommentId),
        ClauseChange c => SearchDocuments.ClauseKey(c.MouId, c.ClauseId),
        MouCreated m => SearchDocuments.MouKey(m.MouId),
        ReformStatusChanged r => SearchDocuments.ReformKey(r.ItemId),
        _ => null,
    };
}
