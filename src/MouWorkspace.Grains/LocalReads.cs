using System.Collections.Concurrent;
using System.Collections.Frozen;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Mous;

namespace MouWorkspace.Grains;

/// <summary>The MOU facts a clause call checks: the MOU's info and every clause id it has or had.</summary>
public sealed record MouAccessFacts(MouInfo Info, FrozenSet<string> ClauseIds)
{
    public bool HasClause(string clauseId) => ClauseIds.Contains(clauseId);
}

/// <summary>
/// What the MOU and clause grains activated in this process last stored, for the web host in the same process to
/// read without a grain call (a clause read is the API's hottest call; two grain calls were most of its cost).
/// <para>
/// Exact, not a cache that can go stale: a grain publishes here after each call that stored a new state, before its
/// answer leaves (so whoever was told "done" reads the new state), and withdraws on deactivation. Only stored state
/// is published, never a change still being written. A key that is missing (the grain lives in another silo, or is
/// not active) means "ask the grain", so a web host that is only an Orleans client never finds anything here.
/// </para>
/// </summary>
public sealed class LocalReads
{
    private sealed record Entry(object Owner, string Etag, object Value);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public MouAccessFacts? Mou(string mouId) => entries.TryGetValue(MouKey(mouId), out var e) ? e.Value as MouAccessFacts : null;

    public ClauseView? Clause(string clauseKey) => entries.TryGetValue(ClauseKeyOf(clauseKey), out var e) ? e.Value as ClauseView : null;

    internal static string MouKey(string mouId) => "mou:" + mouId;

    internal static string ClauseKeyOf(string clauseKey) => "clause:" + clauseKey;

    /// <summary>True when <paramref name="etag"/> is what this activation last published under the key.</summary>
    internal bool IsCurrent(string key, object owner, string? etag) =>
        entries.TryGetValue(key, out var e) ? ReferenceEquals(e.Owner, owner) && e.Etag == etag : etag is null;

    internal void Publish(string key, object owner, string etag, object value) => entries[key] = new Entry(owner, etag, value);

    /// <summary>Removes the key if this activation's entry is the one there.</summary>
    internal void Withdraw(string key, object owner)
    {
        if (entries.TryGetValue(key, out var e) && ReferenceEquals(e.Owner, owner))
            entries.TryRemove(new KeyValuePair<string, Entry>(key, e));
    }
}

/// <summary>The grain side of <see cref="LocalReads"/>: a grain-level call filter that publishes after each call.</summary>
public static class LocalReadsPublishing
{
    /// <summary>
    /// Runs the call, then publishes the grain's stored state if its ETag changed (no state: withdraws). Called from
    /// the grain's own <see cref="IIncomingGrainCallFilter.Invoke"/>, so it covers every method, present and future,
    /// and runs before the answer is sent. A failed write rolls the state back and keeps the old ETag: nothing new
    /// is published.
    /// </summary>
    public static async Task InvokeAndPublishAsync(this IIncomingGrainCallContext call, LocalReads? reads, string key, object owner,
        Func<string?> storedEtag, Func<object> build)
    {
        try
        {
            await call.Invoke();
        }
        finally
        {
            if (reads is not null)
            {
                var etag = storedEtag();
                if (etag is null)
                    reads.Withdraw(key, owner);
                else if (!reads.IsCurrent(key, owner, etag))
                    reads.Publish(key, owner, etag, build());
            }
        }
    }
}
