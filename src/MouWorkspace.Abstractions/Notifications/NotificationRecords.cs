namespace MouWorkspace.Abstractions.Notifications;

/// <summary>What a notification tells of; the wire names are <see cref="NotificationKinds"/>.</summary>
public static class NotificationKinds
{
    public const string Draft = "draft";
    public const string Comment = "comment";
    public const string Reply = "reply";
    public const string Proposal = "proposal";
    /// <summary>A proposal accepted, rejected or withdrawn: told to the clause's followers and to the sponsor's and co-sponsors' delegates who follow the text.</summary>
    public const string Decision = "proposal-decided";
    public const string Revision = "revision";
    public const string Position = "position";
    public const string Silence = "silence";
    public const string SilenceDeadline = "silence-deadline";
    public const string SilenceEnded = "silence-ended";
}

/// <summary>
/// A user as the followers grain knows them, taken from their sign-in when they followed: enough to apply the
/// MOU reading rules again at delivery, and an e-mail address when their token carried one.
/// </summary>
[GenerateSerializer, Immutable, Alias("notify.follower")]
public sealed record Follower(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] string? MemberState,
    [property: Id(4)] string Organization,
    [property: Id(5)] string? Email);

/// <summary>An acknowledged change, as the web layer's change observer passes it on (no context gathered yet).</summary>
[GenerateSerializer, Immutable, Alias("notify.change")]
public sealed record NotificationChange(
    [property: Id(0)] string Kind,
    [property: Id(1)] string MouId,
    [property: Id(2)] string? ClauseId,
    [property: Id(3)] string? ItemId,
    [property: Id(4)] int? Revision,
    [property: Id(5)] string ActorId,
    [property: Id(6)] string ActorName,
    [property: Id(7)] DateTimeOffset At,
    // States (or groups) the change concerns besides the followers: a decided proposal's sponsor and co-sponsors.
    [property: Id(8)] IReadOnlyList<string>? Concerns = null);

/// <summary>One run of a word diff: <c>equal</c>, <c>insert</c> or <c>delete</c>.</summary>
[GenerateSerializer, Immutable, Alias("notify.diff-run")]
public sealed record NotifiedRun(
    [property: Id(0)] string Op,
    [property: Id(1)] string Text);

[GenerateSerializer, Immutable, Alias("notify.comment")]
public sealed record NotifiedComment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Author,
    [property: Id(2)] string? MemberState,
    [property: Id(3)] string Text,
    [property: Id(4)] string? Quote,
    [property: Id(5)] DateTimeOffset At);

/// <summary>
/// One notification with its context: the words changed (<see cref="Diff"/>), or the comment with the (up to)
/// two comments it answers (<see cref="Thread"/>, oldest first, the new comment last).
/// <see cref="BaseVersion"/>/<see cref="Version"/> name the drafts a draft notification compares, so that an
/// e-mail can tell whether the change was undone before it went out. It names what it is about by ids (MOU, clause,
/// item, kind); the web host builds the page link from them.
/// </summary>
[GenerateSerializer, Immutable, Alias("notify.notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string MouId,
    [property: Id(3)] string MouTitle,
    [property: Id(4)] string? ClauseId,
    [property: Id(5)] string? ClauseNumber,
    [property: Id(6)] string? ItemId,
    [property: Id(7)] string Summary,
    [property: Id(8)] string By,
    [property: Id(9)] DateTimeOffset At,
    [property: Id(10)] IReadOnlyList<NotifiedRun> Diff,
    [property: Id(11)] IReadOnlyList<NotifiedComment> Thread,
    [property: Id(13)] int? BaseVersion = null,
    [property: Id(14)] int? Version = null)
{
    /// <summary>
    /// The page link that earlier versions built in the grain and stored in the inbox; kept so that stored feeds
    /// load as they are (id 12 is not reused). Nothing reads it: the web host links a notification by its ids.
    /// </summary>
    [Id(12)] public string? Link { get; init; }
}

[GenerateSerializer, Immutable, Alias("notify.feed-item")]
public sealed record FeedItem(
    [property: Id(0)] Notification Notification,
    [property: Id(1)] bool Read);

[GenerateSerializer, Immutable, Alias("notify.feed")]
public sealed record Feed(
    [property: Id(0)] int Unread,
    [property: Id(1)] IReadOnlyList<FeedItem> Items);

/// <summary>Something a user follows: an MOU (<see cref="ClauseId"/> null) or one of its clauses.</summary>
[GenerateSerializer, Immutable, Alias("notify.follow")]
public sealed record Follow(
    [property: Id(0)] string MouId,
    [property: Id(1)] string? ClauseId,
    [property: Id(2)] DateTimeOffset Since);
