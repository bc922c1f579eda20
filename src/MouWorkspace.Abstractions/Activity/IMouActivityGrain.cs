using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Activity;

/// <summary>
/// What happened in one MOU lately, of every kind (drafts, comments and replies, proposals, positions, revisions,
/// silence started, adopted or broken, clauses added or removed), newest last, the latest <see cref="Kept"/>:
/// what "since your last visit" lists. Filled from the change stream; key: the MOU id.
/// </summary>
[Alias("activity.IMouActivityGrain")]
public interface IMouActivityGrain : IGrainWithStringKey
{
    public const int Kept = 300;

    /// <summary>Adds an item; one with an event id already held is ignored (events are delivered at least once). One-way.</summary>
    [OneWay]
    Task RecordAsync(ActivityItem item);

    /// <summary>Items after <paramref name="since"/>, newest first, at most <paramref name="max"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ActivityItem>> SinceAsync(DateTimeOffset since, int max);
}

/// <summary>
/// One change in words: its kind ("comment.added"), what was done ("replied on OP3"), to what (clause, comment or
/// proposal, draft version, revision), by whom (name, and the delegation it acted for) and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("activity.item")]
public sealed record ActivityItem(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string What,
    [property: Id(3)] string? ClauseId,
    [property: Id(4)] string? Number,
    [property: Id(5)] string? ItemId,
    [property: Id(6)] int? Version,
    [property: Id(7)] int? Revision,
    [property: Id(8)] string By,
    [property: Id(9)] string? ByState,
    [property: Id(10)] DateTimeOffset At);
