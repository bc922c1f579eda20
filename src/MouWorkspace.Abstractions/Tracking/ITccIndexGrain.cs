namespace MouWorkspace.Abstractions.Tracking;

/// <summary>
/// The summaries of every country with something recorded, kept by the country grains (key <see cref="Key"/>),
/// so that the list and the matrix read one grain instead of 193.
/// </summary>
[Alias("tcc.ITccIndexGrain")]
public interface ITccIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task<IReadOnlyList<TccSummary>> ListAsync();

    Task UpsertAsync(TccSummary summary);
}
