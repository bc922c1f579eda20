using Microsoft.Extensions.Logging;
using MouWorkspace.Abstractions.Directory;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// The e-mail digest. Notifications wait until none arrived for <see cref="NotificationOptions.EmailDelay"/> (at most
/// <see cref="NotificationOptions.MaxDelays"/> delays after the first), then go out as one e-mail, less what was
/// undone meanwhile (<see cref="MailRelevance"/>). A reminder wakes the grain when no silo kept it active; a timer
/// keeps it punctual.
/// </summary>
public sealed partial class InboxGrain
{
    public const string MailReminder = "mail-digest";

    /// <summary>After this many failed sends in a row the digest is given up (the feed still has it).</summary>
    private const int MaxFailedSends = 10;

    private IGrainTimer? mailTimer;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != MailReminder)
            return;
        if (S.PendingMail.Count == 0)
            await DropMailReminderAsync();
        else
            await FlushMailAsync();
    }

    private void ArmMailTimer()
    {
        if (mailTimer is not null)
            return;
        var remaining = DueAt() - clock.GetUtcNow();
        mailTimer = this.RegisterGrainTimer(_ => FlushMailAsync(), new GrainTimerCreationOptions
        {
            DueTime = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
            Period = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.EmailDelay.TotalMilliseconds / 4, 200, 5_000)),
            KeepAlive = true,
        });
    }

    /// <summary>Quiet for one delay after the last notification, or the longest wait after the first.</summary>
    private DateTimeOffset DueAt()
    {
        var delay = options.Value.EmailDelay;
        var quiet = (S.LastPendingAt ?? clock.GetUtcNow()) + delay;
        var longest = (S.FirstPendingAt ?? clock.GetUtcNow()) + delay * Math.Max(options.Value.MaxDelays, 1);
        return quiet < longest ? quiet : longest;
    }

    private async Task FlushMailAsync()
    {
        if (S.PendingMail.Count == 0)
        {
            StopMail();
            await DropMailReminderAsync();
            return;
        }
        if (clock.GetUtcNow() < DueAt())
            return;
        var pending = S.PendingMail.Select(id => S.Items.Find(i => i.Notification.Id == id)?.Notification).OfType<Abstractions.Notifications.Notification>().ToList();
        var recipient = S.Recipient;
        var sent = false;
        if (recipient is not null && pending.Count > 0)
        {
            var address = (await GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).FindAsync(recipient.UserId))?.Email ?? recipient.Email;
            var kept = await MailRelevance.KeepAsync(GrainFactory, pending, recipient);
            if (address is not null && kept.Count > 0)
            {
                try
                {
                    await mailer.SendAsync(new MailDigest(address, recipient.Name, kept), CancellationToken.None);
                    sent = true;
                }
                catch (Exception ex) when (S.FailedSends + 1 < MaxFailedSends)
                {
                    S.FailedSends++;
                    logger.LogWarning(ex, "E-mail digest for {User} not sent (attempt {Attempt}); trying again", recipient.UserId, S.FailedSends);
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "E-mail digest for {User} given up after {Attempts} attempts", recipient.UserId, MaxFailedSends);
                }
            }
        }
        S.PendingMail.Clear();
        S.FirstPendingAt = S.LastPendingAt = null;
        S.FailedSends = 0;
        if (sent)
            S.MailsSent++;
        // A failure here could mail the same digest again after a restart; nothing is lost either way.
        await state.WriteStateAsync();
        StopMail();
        await DropMailReminderAsync();
    }

    private void StopMail()
    {
        mailTimer?.Dispose();
        mailTimer = null;
    }

    private async Task DropMailReminderAsync()
    {
        if (await this.GetReminder(MailReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }
}
