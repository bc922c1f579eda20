using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Silence;

public enum SilenceStatus { Running, Adopted, Broken }

public static class SilenceKey
{
    /// <summary>One procedure per revision of an MOU.</summary>
    public static string For(string mouId, int revision) => $"{mouId}/rev/{revision}";
}

/// <summary>Who broke silence, when and why: the objection as the MOU recorded it.</summary>
[GenerateSerializer, Immutable, Alias("silence.break")]
public sealed record SilenceBreak(
    [property: Id(0)] string MemberState,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Note);

[GenerateSerializer, Immutable, Alias("silence.start")]
public sealed record StartSilence(
    [property: Id(0)] string MouId,
    [property: Id(1)] int Revision,
    [property: Id(2)] DateTimeOffset Deadline,
    [property: Id(3)] TimeSpan MinimumNotice,
    [property: Id(4)] Actor By);

[GenerateSerializer, Immutable, Alias("silence.view")]
public sealed record SilenceView(
    [property: Id(0)] string MouId,
    [property: Id(1)] int Revision,
    [property: Id(2)] DateTimeOffset Deadline,
    [property: Id(3)] SilenceStatus Status,
    [property: Id(4)] string StartedBy,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] SilenceBreak? BrokenBy,
    [property: Id(7)] DateTimeOffset? EndedAt);

/// <summary>The MOU's verdict on a procedure: still running, adopted by silence, or broken by this objection.</summary>
[GenerateSerializer, Immutable, Alias("silence.verdict")]
public sealed record SilenceVerdict(
    [property: Id(0)] SilenceStatus Status,
    [property: Id(1)] SilenceBreak? BrokenBy);
