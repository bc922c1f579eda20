using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Abstractions.ReformItems;

/// <summary>
/// One reform item of the report (keyed by a readable id such as "un-victim-assistance"): its pillar, owner
/// organization, due date and dated status history. Overdue is computed against the injected clock at read time.
/// </summary>
[Alias("reform.IReformItemGrain")]
public interface IReformItemGrain : IGrainWithStringKey
{
    Task<Outcome<ReformItemView>> CreateAsync(CreateReformItem command);

    /// <summary>null when the item does not exist.</summary>
    Task<ReformItemView?> GetAsync();

    /// <summary>
    /// Appends a status change by staff of the owner organization, dated not in the future and not before the
    /// latest change, so the history reads in order.
    /// </summary>
    Task<Outcome<ReformItemView>> SetStatusAsync(ReformStatus status, DateOnly on, string note, Actor by);
}
