using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Organizations;

namespace MouWorkspace.Grains.Organizations;

[GenerateSerializer, Alias("mou.organization-state")]
public sealed class OrganizationState
{
    [Id(0)] public List<MouSummary> Mous { get; set; } = [];
}

public sealed class OrganizationGrain(
    [PersistentState("organization", StorageNames.Tables)] IPersistentState<OrganizationState> state) : Grain, IOrganizationGrain
{
    public Task<IReadOnlyList<MouSummary>> ListAsync() => Task.FromResult<IReadOnlyList<MouSummary>>(state.State.Mous.ToArray());

    public async Task UpsertAsync(MouSummary summary)
    {
        var index = state.State.Mous.FindIndex(m => m.Id == summary.Id);
        if (index >= 0 && state.State.Mous[index] == summary)
            return;
        if (index >= 0)
            state.State.Mous[index] = summary;
        else
            state.State.Mous.Add(summary);
        await state.WriteStateAsync();
    }
}
