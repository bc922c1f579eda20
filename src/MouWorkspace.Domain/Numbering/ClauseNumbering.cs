namespace MouWorkspace.Domain.Numbering;

public enum ClauseKind { Preambular, Operative }

public static class ClauseNumbering
{
    /// <summary>
    /// The number for a new clause of <paramref name="kind"/> inserted at <paramref name="index"/> into
    /// <paramref name="existingNumbersInOrder"/> (all clause numbers of the text, document order). Existing numbers never change.
    /// </summary>
    public static string Next(ClauseKind kind, IReadOnlyList<string> existingNumbersInOrder, int index) => throw new NotImplementedException();
}
