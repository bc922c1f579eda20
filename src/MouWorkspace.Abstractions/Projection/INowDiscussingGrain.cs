using MouWorkspace.Abstractions.Common;
using Orleans.Concurrency;

namespace MouWorkspace.Abstractions.Projection;

/// <summary>
/// The secretariat's "now discussing" pointer on one MOU (key: the MOU id): the clause under negotiation and,
/// optionally, the proposal being discussed, which the room's screen projects. Every change bumps the version,
/// so that two secretariat members moving it at once do not overwrite each other unknowingly.
/// </summary>
[Alias("projection.INowDiscussingGrain")]
public interface INowDiscussingGrain : IGrainWithStringKey
{
    /// <summary>The pointer; version 0 and no clause when it was never set.</summary>
    [ReadOnly]
    Task<NowDiscussing> GetAsync();

    /// <summary>Points at a clause (and proposal) when <paramref name="expectedVersion"/> is current; otherwise <see cref="Failure.PreconditionFailed"/>.</summary>
    Task<Outcome<NowDiscussing>> SetAsync(string clauseId, string? proposalId, int expectedVersion, Actor by);

    /// <summary>Points at nothing (the screen shows that it waits) when <paramref name="expectedVersion"/> is current.</summary>
    Task<Outcome<NowDiscussing>> ClearAsync(int expectedVersion, Actor by);
}
