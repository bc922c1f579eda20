using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MouWorkspace.Grains.Notifications;
using MouWorkspace.Web.Notifications.Mail;

namespace MouWorkspace.Web.Notifications;

/// <summary><c>Smtp:*</c> settings; no <see cref="Host"/> means no e-mail (notifications stay in the app).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string From { get; set; } = "MouWorkspace <noreply@mouworkspace.invalid>";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>TLS: implicit on port 465, STARTTLS on any other port; false sends in the clear (a local relay or test sink).</summary>
    public bool UseTls { get; set; } = true;
}

/// <summary>Sends each digest, worded by the <see cref="IDigestRenderer"/>, over one SMTP connection through MailKit.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, IDigestRenderer renderer) : INotificationMailer
{
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(MailDigest digest, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var mail = await renderer.RenderAsync(digest);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(digest.ToName, digest.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        using var client = new SmtpClient { Timeout = 15_000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not configured"), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
