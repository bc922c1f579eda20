using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Search;

/// <summary>
/// The cluster's feed of what changed for search (key <see cref="Key"/>): every web host appends the keys of the
/// things its API changed ("clause:{mouId}/{clauseId}", "mou:{mouId}", "reform:{id}") and every host reads the
/// feed to keep its own index current. In memory only: a new activation has a new <see cref="SearchFeedPage.Epoch"/>,
/// and a reader that cannot prove it saw every change (another epoch, or fell behind the retained window) rebuilds.
/// </summary>
[Alias("search.ISearchFeedGrain")]
public interface ISearchFeedGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task AppendAsync(IReadOnlyList<string> keys);

    /// <summary>Keys after <paramref name="after"/> in <paramref name="epoch"/>, at most <paramref name="max"/>.</summary>
    [ReadOnly]
    Task<SearchFeedPage> ReadAsync(Guid epoch, long after, int max);
}

/// <summary>
/// <paramref name="Complete"/> is false when the reader's position is not in this feed (another epoch, or older than
/// what is retained): then <paramref name="Keys"/> is empty and <paramref name="Last"/> is where to continue after a rebuild.
/// </summary>
[GenerateSerializer, Immutable, Alias("search.feed-page")]
public sealed record SearchFeedPage(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Last,
    [property: Id(2)] IReadOnlyList<string> Keys,
    [property: Id(3)] bool Complete);
