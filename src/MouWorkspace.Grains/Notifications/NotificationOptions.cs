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

    /// <summary>The site's address, for the links in e-mails.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Notifications a feed keeps; older ones are dropped.</summary>
    public int FeedSize { get; set; } = 300;
}

/// <summary>One e-mail, composed by the inbox grain.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Text, string Html);

/// <summary>Sends e-mail (SMTP in the web host); <see cref="Enabled"/> is false when no server is configured.</summary>
public interface INotificationMailer
{
    bool Enabled { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>No SMTP server configured: notifications stay in the app.</summary>
public sealed class NoMailer : INotificationMailer
{
    public bool Enabled => false;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => Task.CompletedTask;
}
