namespace MouWorkspace.Domain.States;

public sealed record MemberState(string Code, string Name);

public sealed record StateGroup(string Code, string Name, IReadOnlySet<string> Members);

public static class MemberStates
{
    public static IReadOnlyList<MemberState> All => throw new NotImplementedException();
    public static bool IsKnown(string? code) => throw new NotImplementedException();
    public static IReadOnlyList<StateGroup> Groups => throw new NotImplementedException();
    public static StateGroup? FindGroup(string? code) => throw new NotImplementedException();
}
