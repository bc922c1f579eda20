using MouWorkspace.Abstractions.Tracking;

namespace MouWorkspace.Grains.Tccs;

[GenerateSerializer, Alias("tcc.index-state")]
public sealed class TccIndexState
{
    [Id(0)] public List<TccSummary> Countries { get; set; } = [];
}

public sealed class TccIndexGrain(
    [PersistentState("tcc-index", StorageNames.Blobs)] IPersistentState<TccIndexState> state) : Grain, ITccIndexGrain
{
    public Task<IReadOnlyList<TccSummary>> ListAsync() => Task.FromResult<IReadOnlyList<TccSummary>>(state.State.Countries.ToArray());

    public async Task UpsertAsync(TccSummary summary)
    {
        var index = state.State.Countries.FindIndex(c => c.Code == summary.Code);
        if (index >= 0)
            state.State.Countries[index] = summary;
        else
            state.State.Countries.Add(summary);
        await state.WriteStateAsync();
    }
}
