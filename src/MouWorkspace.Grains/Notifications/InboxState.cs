using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Notifications;

[GenerateSerializer, Alias("notify.inbox-state")]
public sealed class InboxState
{
    /// <summary>The feed, oldest first, capped at <see cref="NotificationOptions.FeedSize"/>.</summary>
    [Id(0)] public List<InboxEntry> Items { get; set; } = [];
    [Id(1)] public List<Follow> Follows { get; set; } = [];

    /// <summary>Ids of the notifications waiting for the next e-mail digest.</summary>
    [Id(2)] public List<string> PendingMail { get; set; } = [];
    [Id(3)] public DateTimeOffset? FirstPendingAt { get; set; }
    [Id(4)] public DateTimeOffset? LastPendingAt { get; set; }

    /// <summary>The user as last delivered to: reading rules and e-mail address at mailing time.</summary>
    [Id(5)] public Follower? Recipient { get; set; }
    [Id(6)] public int MailsSent { get; set; }
    [Id(7)] public int FailedSends { get; set; }

    /// <summary>When the user last opened their home page (in any tab), and the baseline of each of their latest tabs.</summary>
    [Id(8)] public DateTimeOffset? LastVisitAt { get; set; }
    [Id(9)] public List<TabVisit> Tabs { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("notify.tab-visit")]
public sealed record TabVisit([property: Id(0)] string Tab, [property: Id(1)] DateTimeOffset? Since);

[GenerateSerializer, Alias("notify.inbox-entry")]
public sealed class InboxEntry
{
    [Id(0)] public Notification Notification { get; set; } = null!;
    [Id(1)] public bool Read { get; set; }
}
