namespace MouWorkspace.Domain.Amendments;

/// <summary>
/// Myers' O((N+M)D) difference of two token lists, compared by ordinal string equality. A proposal changes
/// few tokens of a long clause (small D), where this beats DiffPlex's hashing of every token; it gives up past
/// <see cref="MaxEdits"/> (its trace grows with D²) and the caller falls back to DiffPlex.
/// </summary>
internal static class Myers
{
    public const int MaxEdits = 600;

    /// <summary>Blocks (old start, old count, new start, new count) of changed tokens, in order; null past <see cref="MaxEdits"/>.</summary>
    public static List<(int OldStart, int OldCount, int NewStart, int NewCount)>? Diff(
        IReadOnlyList<string> a, int aStart, int aEnd, IReadOnlyList<string> b, int bStart, int bEnd)
    {
        int n = aEnd - aStart, m = bEnd - bStart;
        var max = n + m;
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && d <= MaxEdits; d++)
        {
            // v before this round, for the backtrack: entries -d-1 .. d+1.
            var snapshot = new int[2 * d + 3];
            Array.Copy(v, offset - d - 1, snapshot, 0, snapshot.Length);
            trace.Add(snapshot);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[aStart + x], b[bStart + y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
            if (found >= 0)
                break;
        }
        if (found < 0)
            return null;

        // Walk back from the end, collecting each edit (true: a deletion of a[x], false: an insertion of b[y]).
        var edits = new List<(bool Delete, int X, int Y)>(found);
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var prev = trace[d];
            int At(int k) => prev[k + d + 1];
            var k0 = cx - cy;
            var down = k0 == -d || (k0 != d && At(k0 - 1) < At(k0 + 1));
            var pk = down ? k0 + 1 : k0 - 1;
            var px = At(pk);
            var py = px - pk;
            // Round d's edit started at (px, py): down is an insertion of b[py], right a deletion of a[px].
            edits.Add((!down, px, py));
            cx = px;
            cy = py;
        }
        edits.Reverse();

        var blocks = new List<(int, int, int, int)>();
        var i = 0;
        while (i < edits.Count)
        {
            var (_, x0, y0) = edits[i];
            int x = x0, y = y0;
            while (i < edits.Count && edits[i].X == x && edits[i].Y == y)
            {
                if (edits[i].Delete)
                    x++;
                else
                    y++;
                i++;
            }
            blocks.Add((aStart + x0, x - x0, bStart + y0, y - y0));
        }
        return blocks;
    }
}
