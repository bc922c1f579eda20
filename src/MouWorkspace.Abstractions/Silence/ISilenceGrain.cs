using MouWorkspace.Abstractions.Common;
using Orleans.Concurrency;
using MouWorkspace.Abstractions.Mous;

namespace MouWorkspace.Abstractions.Silence;

/// <summary>
/// The silence procedure on one revision (key <see cref="SilenceKey.For"/>). A reminder at the deadline ends it
/// even when every silo restarted meanwhile; a grain timer ends it on time when the deadline is closer than the
/// reminder period. The MOU grain decides the outcome from its positions, so a late tick cannot change it.
/// </summary>
[Alias("silence.ISilenceGrain")]
public interface ISilenceGrain : IGrainWithStringKey
{
    /// <summary>Starts the procedure on the latest revision, with a deadline at least <c>MinimumNotice</c> ahead.</summary>
    Task<Outcome<SilenceView>> StartAsync(StartSilence command);

    /// <summary>null when no procedure was started on this revision.</summary>
    Task<SilenceView?> GetAsync();

    /// <summary>
    /// Told by the MOU grain that a party objected. One-way, so that the MOU grain does not wait on a grain
    /// that calls it back.
    /// </summary>
    [OneWay]
    Task ObjectionRecordedAsync(PositionEntry objection);
}

/// <summary>The MOU grain's side of a silence procedure (implemented by the MOU grain, same key).</summary>
[Alias("silence.IMouSilenceGrain")]
public interface IMouSilenceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Broken when a party objected to <paramref name="revision"/> between <paramref name="startedAt"/> and
    /// <paramref name="deadline"/>; otherwise
    /// adopted once the deadline has passed (the revision then counts as adopted); otherwise running. Idempotent.
    /// </summary>
    Task<SilenceVerdict> CloseSilenceAsync(int revision, DateTimeOffset startedAt, DateTimeOffset deadline);
}
