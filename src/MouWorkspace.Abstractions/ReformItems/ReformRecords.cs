using MouWorkspace.Abstractions.Common;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Abstractions.ReformItems;

/// <summary>One dated status change: who, when (the day it happened and the moment it was recorded) and why.</summary>
[GenerateSerializer, Immutable, Alias("reform.status-change")]
public sealed record StatusChange(
    [property: Id(0)] ReformStatus Status,
    [property: Id(1)] DateOnly On,
    [property: Id(2)] string Note,
    [property: Id(3)] string By,
    [property: Id(4)] string Organization,
    [property: Id(5)] DateTimeOffset RecordedAt);

[GenerateSerializer, Immutable, Alias("reform.create")]
public sealed record CreateReformItem(
    [property: Id(0)] string Title,
    [property: Id(1)] ReformPillar Pillar,
    [property: Id(2)] string Organization,
    [property: Id(3)] string Description,
    [property: Id(4)] DateOnly? DueOn,
    [property: Id(5)] ReformStatus Status,
    [property: Id(6)] DateOnly On,
    [property: Id(7)] string Note,
    [property: Id(8)] Actor By);

[GenerateSerializer, Immutable, Alias("reform.summary")]
public sealed record ReformItemSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] ReformPillar Pillar,
    [property: Id(3)] string Organization,
    [property: Id(4)] ReformStatus Status,
    [property: Id(5)] DateOnly? DueOn,
    [property: Id(6)] bool Overdue,
    [property: Id(7)] DateOnly StatusOn);

[GenerateSerializer, Immutable, Alias("reform.view")]
public sealed record ReformItemView(
    [property: Id(0)] ReformItemSummary Summary,
    [property: Id(1)] string Description,
    [property: Id(2)] IReadOnlyList<StatusChange> History);
