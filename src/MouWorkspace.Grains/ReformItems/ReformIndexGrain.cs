using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Grains.ReformItems;

[GenerateSerializer, Alias("reform.index-state")]
public sealed class ReformIndexState
{
    [Id(0)] public List<ReformItemSummary> Items { get; set; } = [];
}

public sealed class ReformIndexGrain(
    [PersistentState("reform-index", StorageNames.Tables)] IPersistentState<ReformIndexState> state,
    TimeProvider clock) : Grain, IReformIndexGrain
{
    /// <summary>Overdue is recomputed on every read: an item becomes overdue by the passing of time, not by a write.</summary>
    public Task<IReadOnlyList<ReformItemSummary>> ListAsync()
    {
        var today = PastDates.Today(clock.GetUtcNow());
        IReadOnlyList<ReformItemSummary> items = state.State.Items
            .Select(i => i with { Overdue = ReformRules.IsOverdue(i.Status, i.DueOn, today) })
            .OrderBy(i => i.Organization, StringComparer.Ordinal).ThenBy(i => i.Pillar).ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(items);
    }

    public async Task UpsertAsync(ReformItemSummary summary)
    {
        var index = state.State.Items.FindIndex(i => i.Id == summary.Id);
        if (index >= 0)
            state.State.Items[index] = summary;
        else
            state.State.Items.Add(summary);
        await state.WriteStateAsync();
    }
}
