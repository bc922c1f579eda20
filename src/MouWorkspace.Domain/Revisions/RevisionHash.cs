namespace MouWorkspace.Domain.Revisions;

public static class RevisionHash
{
    /// <summary>"sha256:" + lowercase hex over a canonical encoding of the clauses in order.</summary>
    public static string Compute(IReadOnlyList<ClauseSnapshot> clauses) => throw new NotImplementedException();
}
