using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;

namespace MouWorkspace.Grains.Mous;

/// <summary>The proposal window of the text (issue 17.8): the secretariat opens it, with a deadline or none, or closes it.</summary>
public sealed partial class MouGrain
{
    public Task<ProposalWindow> GetProposalWindowAsync() => Task.FromResult(Window());

    public async Task<Outcome<ProposalWindow>> SetProposalWindowAsync(bool open, DateTimeOffset? closesAt, Actor by)
    {
        if (!S.Exists)
            return Outcome<ProposalWindow>.Fail(Failure.NotFound, "no such MOU");
        if (open && closesAt is { } at && at <= clock.GetUtcNow())
            return Outcome<ProposalWindow>.Fail(Failure.Invalid, "closesAt: the deadline must be in the future");
        var before = (S.ProposalsClosed, S.ProposalsCloseAt);
        (S.ProposalsClosed, S.ProposalsCloseAt) = (!open, open ? closesAt : null);
        await state.WriteOrRollBackAsync(() => (S.ProposalsClosed, S.ProposalsCloseAt) = before, DeactivateOnIdle);
        return Outcome<ProposalWindow>.Success(Window());
    }

    private ProposalWindow Window() =>
        new(!S.ProposalsClosed && (S.ProposalsCloseAt is not { } at || clock.GetUtcNow() < at), S.ProposalsCloseAt);
}
