using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using MouWorkspace.Abstractions.Projection;

namespace MouWorkspace.Grains.Projection;

/// <summary>
/// The pointer, apart from the MOU grain: it moves every few minutes in a session, and each move should not
/// rewrite the MOU's blob with all its revisions. Small state, so table storage. The web layer checks that the
/// clause and proposal exist before it moves the pointer.
/// </summary>
public sealed class NowDiscussingGrain(
    [PersistentState("now-discussing", StorageNames.Tables)] IPersistentState<NowDiscussingState> state,
    TimeProvider clock) : Grain, INowDiscussingGrain
{
    private NowDiscussingState S => state.State;

    public Task<NowDiscussing> GetAsync() => Task.FromResult(View());

    public Task<Outcome<NowDiscussing>> SetAsync(string clauseId, string? proposalId, int expectedVersion, Actor by) =>
        MoveAsync(clauseId, proposalId, expectedVersion, by);

    public Task<Outcome<NowDiscussing>> ClearAsync(int expectedVersion, Actor by) => MoveAsync(null, null, expectedVersion, by);

    private async Task<Outcome<NowDiscussing>> MoveAsync(string? clauseId, string? proposalId, int expectedVersion, Actor by)
    {
        if (expectedVersion != S.Version)
            return Outcome<NowDiscussing>.Fail(Failure.PreconditionFailed,
                $"the pointer was moved meanwhile (version {S.Version}, not {expectedVersion}): read it again");
        var before = (S.ClauseId, S.ProposalId, S.Version, S.SetBy, S.SetAt);
        (S.ClauseId, S.ProposalId, S.Version, S.SetBy, S.SetAt) = (clauseId, proposalId, S.Version + 1, by.Name, clock.GetUtcNow());
        await state.WriteOrRollBackAsync(() => (S.ClauseId, S.ProposalId, S.Version, S.SetBy, S.SetAt) = before, DeactivateOnIdle);
        await this.PublishAsync(new NowDiscussingChanged(this.GetPrimaryKeyString(), clauseId, proposalId, by, S.SetAt ?? clock.GetUtcNow()));
        return Outcome<NowDiscussing>.Success(View());
    }

    private NowDiscussing View() => new(this.GetPrimaryKeyString(), S.ClauseId, S.ProposalId, S.Version, S.SetBy, S.SetAt);
}
