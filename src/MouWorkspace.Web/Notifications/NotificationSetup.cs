using MouWorkspace.Grains.Notifications;
using MouWorkspace.Web.Notifications.Mail;

namespace MouWorkspace.Web.Notifications;

public static class NotificationSetup
{
    /// <summary>
    /// <c>Notifications:*</c> (delay, base URL) and
    /// <c>Smtp:*</c>. Without <c>Smtp:Host</c> nothing is mailed.
    /// </summary>
    public static void AddMouNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        services.Configure<MailLinkOptions>(builder.Configuration.GetSection("Notifications"));
        services.AddSingleton<IDigestRenderer, DigestRenderer>();
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        services.AddSingleton<INotificationMailer, SmtpMailer>();
    }
}
