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
}

[GenerateSerializer, Alias("notify.inbox-entry")]
public sealed class InboxEntry
{
    [Id(0)] public Notification Notification { get; set; } = null!;
    [Id(1)] public bool Read { get; set; }
}
