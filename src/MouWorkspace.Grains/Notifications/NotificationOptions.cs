namespace MouWorkspace.Grains.Notifications;

/// <summary><c>Notifications:*</c> settings.</summary>
public sealed class NotificationOptions
{
    /// <summary>How long a notification waits before it is mailed, so that a change undone meanwhile sends nothing.</summary>
    public TimeSpan EmailDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A digest waits until no new notification arrived for <see cref="EmailDelay"/>, but never longer than this
    /// many delays after its first notification (a busy afternoon still mails).
    /// </summary>
    public int MaxDelays { get; set; } = 5;

    /// <summary>Notifications a feed keeps; older ones are dropped.</summary>
    public int FeedSize { get; set; } = 300;
}

/// <summary>
/// One e-mail digest as the inbox grain hands it over: the recipient and the notifications still worth mailing,
/// oldest first. The grain decides what goes out and when; the web host words it, links it and sends it.
/// </summary>
public sealed record MailDigest(string ToAddress, string ToName, IReadOnlyList<Abstractions.Notifications.Notification> Items);

/// <summary>Renders and sends a digest (in the web host, over SMTP); <see cref="Enabled"/> is false when no server is configured.</summary>
public interface INotificationMailer
{
    bool Enabled { get; }

    Task SendAsync(MailDigest digest, CancellationToken cancellationToken);
}

/// <summary>No SMTP server configured: notifications stay in the app.</summary>
public sealed class NoMailer : INotificationMailer
{
    public bool Enabled => false;

    public Task SendAsync(MailDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
}
