namespace MouWorkspace.Domain.Numbering;

/// <summary>
/// Orders numbers PP before OP, then by base, then by suffix rank; numbers that do not parse come
/// last, ordinally. Only for listings: document order is what counts (see <see cref="ClauseNumbering"/>).
/// </summary>
public sealed class ClauseNumberComparer : IComparer<string?>
{
    public static readonly ClauseNumberComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var xOk = ClauseNumbering.TryParse(x, out var xKind, out var xBase, out var xRank);
        var yOk = ClauseNumbering.TryParse(y, out var yKind, out var yBase, out var yRank);
        if (!xOk || !yOk)
            return xOk == yOk ? string.CompareOrdinal(x, y) : (xOk ? -1 : 1);
        var byKind = xKind.CompareTo(yKind);
        if (byKind != 0)
            return byKind;
        var byBase = xBase.CompareTo(yBase);
        return byBase != 0 ? byBase : xRank.CompareTo(yRank);
    }
}
