using System.Collections.Frozen;

namespace MouWorkspace.Domain.States;

public sealed record MemberState(string Code, string Name);

public sealed record StateGroup(string Code, string Name, IReadOnlySet<string> Members);

public static class MemberStates
{
    private static readonly Dictionary<string, MemberState> ByCode =
        MemberStateData.All.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly StateGroup[] GroupList =
    [
        Group("EU", "European Union", MemberStateData.EuropeanUnion),
        Group("AG", "African Group", MemberStateData.AfricanGroup),
        Group("NAM", "Non-Aligned Movement", [.. MemberStateData.AfricanGroup, .. MemberStateData.NonAlignedOutsideAfrica]),
    ];

    private static readonly Dictionary<string, StateGroup> GroupsByCode =
        GroupList.ToDictionary(g => g.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The 193 UN member states, alphabetical by English short name.</summary>
    public static IReadOnlyList<MemberState> All { get; } = Array.AsReadOnly(MemberStateData.All);

    /// <summary>Whether <paramref name="code"/> is the alpha-3 code of a UN member state, in any letter case.</summary>
    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static MemberState? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var state) ? state : null;

    public static IReadOnlyList<StateGroup> Groups { get; } = Array.AsReadOnly(GroupList);

    public static StateGroup? FindGroup(string? code) => code is not null && GroupsByCode.TryGetValue(code, out var group) ? group : null;

    // Members are stored upper-case but looked up case-insensitively, like state codes everywhere else.
    private static StateGroup Group(string code, string name, IEnumerable<string> members) =>
        new(code, name, members.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
}
