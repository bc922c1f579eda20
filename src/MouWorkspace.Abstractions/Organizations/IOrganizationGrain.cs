using Orleans.Concurrency;
using MouWorkspace.Abstractions.Mous;

namespace MouWorkspace.Abstractions.Organizations;

/// <summary>The list of an organization's MOUs, keyed by organization code ("un"); kept by the MOU grains.</summary>
[Alias("mou.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<IReadOnlyList<MouSummary>> ListAsync();

    /// <summary>Adds or replaces the summary of one MOU.</summary>
    Task UpsertAsync(MouSummary summary);
}
