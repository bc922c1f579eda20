using MouWorkspace.Abstractions.Activity;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Activity;

[GenerateSerializer, Alias("activity.state")]
public sealed class MouActivityState
{
    /// <summary>Oldest first, at most <see cref="IMouActivityGrain.Kept"/>.</summary>
    [Id(0)] public List<ActivityItem> Items { get; set; } = [];
}

/// <summary>
/// Holds the list in memory and writes it at most every <see cref="WriteDelay"/> (a burst of changes — an import, a
/// markup upload, a busy session — is one write, not one per change). The list is derived: an item lost with a
/// silo in that window costs a line of "since your last visit", never a change.
/// </summary>
public sealed class MouActivityGrain(
    [PersistentState("activity", StorageNames.Blobs)] IPersistentState<MouActivityState> state) : Grain, IMouActivityGrain
{
    public static readonly TimeSpan WriteDelay = TimeSpan.FromMilliseconds(500);

    private List<ActivityItem> Items => state.State.Items;
    private IGrainTimer? writer;

    public Task RecordAsync(ActivityItem item)
    {
        // A redelivered event is among the latest items, if anywhere.
        if (Items.Exists(i => i.EventId == item.EventId))
            return Task.CompletedTask;
        Items.Insert(Items.FindLastIndex(i => i.At <= item.At) + 1, item);
        if (Items.Count > IMouActivityGrain.Kept)
            Items.RemoveRange(0, Items.Count - IMouActivityGrain.Kept);
        writer ??= this.RegisterGrainTimer(_ => WriteAsync(), new GrainTimerCreationOptions { DueTime = WriteDelay, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        return Task.CompletedTask;
    }

    private async Task WriteAsync()
    {
        writer?.Dispose();
        writer = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception)
        {
            // Read again from storage on the next activation; what was in memory only is lost.
            DeactivateOnIdle();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (writer is not null)
            await WriteAsync();
    }

    public Task<IReadOnlyList<ActivityItem>> SinceAsync(DateTimeOffset since, int max) =>
        Task.FromResult<IReadOnlyList<ActivityItem>>(Items.Where(i => i.At > since).Reverse().Take(Math.Clamp(max, 1, IMouActivityGrain.Kept)).ToArray());
}

/// <summary>Keeps each MOU's activity list from its change stream (the room screen's pointer is not a change of the text).</summary>
public sealed class ActivityConsumer : IChangeConsumer
{
    public Task ConsumeAsync(ChangeEvent change, IGrainFactory grains) =>
        change is MouChange mou && ToItem(change) is { } item
            ? grains.GetGrain<IMouActivityGrain>(mou.MouId).RecordAsync(item)
            : Task.CompletedTask;

    public static ActivityItem? ToItem(ChangeEvent change)
    {
        (string? Clause, string? Number, string? Item, int? Version, int? Revision)? facts = change switch
        {
            NowDiscussingChanged or LanguageVersionChanged => null,
            DraftSaved d => (d.ClauseId, d.Number, null, d.Version, null),
            CommentAdded c => (c.ClauseId, c.Number, c.CommentId, null, null),
            CommentResolved c => (c.ClauseId, c.Number, c.CommentId, null, null),
            ProposalSubmitted p => (p.ClauseId, p.Number, p.ProposalId, null, null),
            TranslationSaved t => (t.ClauseId, t.Number, null, t.Version, null),
            ClauseChange c => (c.ClauseId, c.Number, null, null, null),
            RevisionPublished r => (null, null, null, null, r.Revision),
            PositionGiven p => (null, null, null, null, p.Revision),
            SilenceStarted s => (null, null, null, null, s.Revision),
            SilenceEnded s => (null, null, null, null, s.Revision),
            MouChange => (null, null, null, null, null),
            _ => null,
        };
        return facts is { } f
            ? new ActivityItem(change.EventId, change.Kind, change.Describe(), f.Clause, f.Number, f.Item, f.Version, f.Revision,
                change.By.Name, change.By.MemberState, change.At)
            : null;
    }
}
