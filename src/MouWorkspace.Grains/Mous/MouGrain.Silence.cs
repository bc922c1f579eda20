using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Silence;
using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Grains.Mous;

/// <summary>
/// The MOU's part in silence procedures, kept apart from the negotiation code. The MOU grain is the one place
/// where positions are recorded in order, so it decides whether silence was broken before the deadline.
/// </summary>
public sealed partial class MouGrain : IMouSilenceGrain
{
    public async Task<SilenceVerdict> CloseSilenceAsync(int revision, DateTimeOffset startedAt, DateTimeOffset deadline)
    {
        var record = Revision(revision);
        if (record is null)
            return new SilenceVerdict(SilenceStatus.Broken, null);
        if (S.AdoptedBySilence.Contains(revision))
            return new SilenceVerdict(SilenceStatus.Adopted, null);
        var objection = record.Positions.FirstOrDefault(p => p.Position == PositionKind.Object && p.At >= startedAt && p.At < deadline && S.Parties.Contains(p.MemberState));
        if (objection is not null)
            return new SilenceVerdict(SilenceStatus.Broken, new SilenceBreak(objection.MemberState, objection.By, objection.At, objection.Note));
        if (clock.GetUtcNow() < deadline)
            return new SilenceVerdict(SilenceStatus.Running, null);
        S.AdoptedBySilence.Add(revision);
        await state.WriteOrRollBackAsync(() => S.AdoptedBySilence.Remove(revision), DeactivateOnIdle);
        await PublishSummaryAsync();
        return new SilenceVerdict(SilenceStatus.Adopted, null);
    }

    /// <summary>A revision adopted by silence is closed: a later position would reopen an adopted text.</summary>
    private Outcome<PositionEntry>? ClosedBySilence(int revision) =>
        S.AdoptedBySilence.Contains(revision)
            ? Outcome<PositionEntry>.Fail(Failure.Conflict, $"revision {revision} was adopted by silence procedure; positions are closed")
            : null;

    /// <summary>One-way, so the silence grain may call back into this grain without a deadlock.</summary>
    private void NotifySilence(int revision, PositionEntry entry)
    {
        if (entry.Position == PositionKind.Object)
            GrainFactory.GetGrain<ISilenceGrain>(SilenceKey.For(Id, revision)).ObjectionRecordedAsync(entry).Ignore();
    }
}
