namespace MouWorkspace.Domain.Diffs;

public enum DiffOp { Equal, Insert, Delete }

/// <summary>One run of a word-level diff. Consecutive runs never share an op.</summary>
public sealed record DiffChange(DiffOp Op, string Text);

public static class WordDiff
{
    /// <summary>Word-level diff: equal+delete rebuild <paramref name="from"/>, equal+insert rebuild <paramref name="to"/>, exactly.</summary>
    public static IReadOnlyList<DiffChange> Compute(string from, string to) => throw new NotImplementedException();
}
