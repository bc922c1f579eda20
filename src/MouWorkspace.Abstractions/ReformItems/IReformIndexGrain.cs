namespace MouWorkspace.Abstractions.ReformItems;

/// <summary>The list of reform items across organizations (key <see cref="Key"/>), kept by the item grains.</summary>
[Alias("reform.IReformIndexGrain")]
public interface IReformIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Every item, with overdue computed now; ordered by organization, pillar and title.</summary>
    Task<IReadOnlyList<ReformItemSummary>> ListAsync();

    Task UpsertAsync(ReformItemSummary summary);
}
