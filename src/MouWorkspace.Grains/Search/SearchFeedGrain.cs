using MouWorkspace.Abstractions.Search;

namespace MouWorkspace.Grains.Search;

/// <summary>
/// A bounded in-memory log of changed keys with sequence numbers. No persistent state on purpose: losing it (a
/// silo failure, a cluster restart) changes the epoch, and every index then rebuilds from the grains, which are
/// the truth; persisting each append would put a storage write behind every change. Readers poll it several
/// times a second, which also keeps it from being deactivated for idleness.
/// </summary>
public sealed class SearchFeedGrain : Grain, ISearchFeedGrain
{
    public const int Retained = 200_000;

    private readonly Guid epoch = Guid.NewGuid();
    private readonly Queue<(long Sequence, string Key)> entries = new();
    private long last;

    public Task AppendAsync(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            entries.Enqueue((++last, key));
            if (entries.Count > Retained)
                entries.Dequeue();
        }
        return Task.CompletedTask;
    }

    public Task<SearchFeedPage> ReadAsync(Guid epoch, long after, int max)
    {
        var oldest = entries.Count == 0 ? last + 1 : entries.Peek().Sequence;
        if (epoch != this.epoch || after > last || after < oldest - 1)
            return Task.FromResult(new SearchFeedPage(this.epoch, last, [], Complete: false));
        var keys = entries.SkipWhile(e => e.Sequence <= after).Take(Math.Clamp(max, 1, 10_000)).ToArray();
        return Task.FromResult(new SearchFeedPage(this.epoch, keys.Length == 0 ? after : keys[^1].Sequence, keys.Select(k => k.Key).ToArray(), Complete: true));
    }
}
