using MouWorkspace.Abstractions.Tracking;

namespace MouWorkspace.Grains.Tccs;

[GenerateSerializer, Alias("tcc.index-state")]
public sealed class TccIndexState
{
    [Id(0)] public List<TccSummary> Countries { get; set; } = [];
}

/// <summary>
/// Kept in Table storage: it holds current records only (not histories), and table rows are scoped by service id
/// while blob names are not, so two deployments sharing an account never write each other's index.
/// </summary>
public sealed class TccIndexGrain(
    [PersistentState("tcc-index", StorageNames.Tables)] IPersistentState<TccIndexState> state) : Grain, ITccIndexGrain
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
