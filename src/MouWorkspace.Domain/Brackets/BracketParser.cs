namespace MouWorkspace.Domain.Brackets;

/// <summary>A bracketed passage: one or more adjacent alternatives such as <c>[shall][should]</c>.</summary>
public sealed record BracketGroup(int Start, int Length, int Depth, IReadOnlyList<string> Alternatives, IReadOnlyList<BracketGroup> Nested);

public sealed record BracketError(int Position, string Message);

public sealed record BracketAnalysis(IReadOnlyList<BracketGroup> Groups, IReadOnlyList<BracketError> Errors)
{
    /// <summary>All groups, nested ones included.</summary>
    public int Count => throw new NotImplementedException();
    public bool IsClean => Groups.Count == 0 && Errors.Count == 0;
}

public static class BracketParser
{
    public static BracketAnalysis Parse(string text) => throw new NotImplementedException();
}
