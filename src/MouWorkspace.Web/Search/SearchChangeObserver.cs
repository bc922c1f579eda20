using System.Threading.Channels;
using MouWorkspace.Web.Changes;

namespace MouWorkspace.Web.Search;

/// <summary>Keys of changed things waiting to be published to the cluster's search feed.</summary>
public sealed class SearchChangeQueue
{
    private readonly Channel<string> channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => channel.Reader;

    public void Enqueue(string key) => channel.Writer.TryWrite(key);
}

/// <summary>
/// Told of every acknowledged API change (on the request's path): it only puts the key of what changed in an
/// in-memory queue. <see cref="SearchIndexer"/> publishes the keys to the feed grain and re-reads the things from
/// the grains in the background.
/// </summary>
public sealed class SearchChangeObserver(SearchChangeQueue queue) : IChangeObserver
{
    private static readonly string[] Ignored = ["/revisions", "/audit", "/now-discussing", "/api/tccs"];

    public ValueTask OnChangedAsync(ChangeNotice change)
    {
        foreach (var key in KeysFor(change))
            queue.Enqueue(key);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// What a change touched: a clause (its drafts, comments, proposals), a whole MOU (an import, a markup upload),
    /// or a reform item. Revisions, positions, silence procedures and the room's pointer change no searchable text;
    /// TCC adoption records hold no MOU text. A language version's change re-reads its clause (all its languages).
    /// </summary>
    public static IReadOnlyList<string> KeysFor(ChangeNotice change)
    {
        var keys = new List<string>();
        if (Ignored.Any(part => change.Route.Contains(part, StringComparison.Ordinal)))
            return keys;
        // Adding a language version adds no text; a clause's translation (…/clauses/{clauseId}/languages/…) does.
        if (change.Route.Contains("/languages", StringComparison.Ordinal) && change.ClauseId is null)
            return keys;
        if (change.MouId is { } mouId)
            keys.Add(change.ClauseId is { } clauseId ? SearchDocuments.ClauseKey(mouId, clauseId) : SearchDocuments.MouKey(mouId));
        else if (change.Route.StartsWith("/api/reform-items/", StringComparison.Ordinal) && change.Value("id") is { } id)
            keys.Add(SearchDocuments.ReformKey(id));
        if (FromLocation(change.Location) is { } located && !keys.Contains(located))
        {
            // A new clause is named by the Location only; the MOU-wide key it replaces would re-read every clause.
            if (located.StartsWith("clause:", StringComparison.Ordinal))
                keys.Remove(SearchDocuments.MouKey(change.MouId ?? ""));
            keys.Add(located);
        }
        return keys;
    }

    private static string? FromLocation(string? location)
    {
        if (location is null || !location.StartsWith("/api/mous/", StringComparison.Ordinal))
            return null;
        var parts = location["/api/mous/".Length..].Split('#', '?')[0].Split('/');
        return parts switch
        {
            [var mou, "clauses", var clause, ..] => SearchDocuments.ClauseKey(mou, clause),
            [var mou, ..] when mou.Length > 0 && mou != "import" => SearchDocuments.MouKey(mou),
            _ => null,
        };
    }
}
