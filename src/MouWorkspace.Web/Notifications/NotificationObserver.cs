using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Web.Changes;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Notifications;

/// <summary>
/// On the request path: classifies the change and makes one one-way call to the MOU's followers grain, which
/// gathers the context and tells the followers. Nothing here waits for more than the message to be queued.
/// </summary>
public sealed class NotificationObserver(IGrainFactory grains) : IChangeObserver
{
    public ValueTask OnChangedAsync(ChangeNotice change)
    {
        if (ChangeClassifier.Classify(change) is not { } notification)
            return ValueTask.CompletedTask;
        return new ValueTask(grains.Get<IFollowersGrain>(notification.MouId).ChangedAsync(notification));
    }
}
