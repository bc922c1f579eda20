namespace MouWorkspace.Abstractions.Live;

/// <summary>
/// Something changed in a scope (an MOU's audit scope, an organization's). <paramref name="Origin"/> names the
/// web host that published it, which has told its own pages already.
/// </summary>
[GenerateSerializer, Immutable, Alias("live.change")]
public sealed record LiveChange(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Action,
    [property: Id(2)] string Target,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Guid Origin);
