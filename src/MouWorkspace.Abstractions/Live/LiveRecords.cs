using MouWorkspace.Abstractions.Events;

namespace MouWorkspace.Abstractions.Live;

/// <summary>A change, as the live hub passes it to every web host for its open pages.</summary>
[GenerateSerializer, Immutable, Alias("live.change")]
public sealed record LiveChange(
    [property: Id(0)] ChangeEvent Change);
