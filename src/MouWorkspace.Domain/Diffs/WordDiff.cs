using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace MouWorkspace.Domain.Diffs;

public enum DiffOp { Equal, Insert, Delete }

/// <summary>One run of a word-level diff. Consecutive runs never share an op.</summary>
public sealed record DiffChange(DiffOp Op, string Text);

public static class WordDiff
{
    /// <summary>Word-level diff: equal+delete rebuild <paramref name="from"/>, equal+insert rebuild <paramref name="to"/>, exactly.</summary>
    public static IReadOnlyList<DiffChange> Compute(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);

        // Our own chunker rather than DiffPlex's WordChunker: exactness rests on the tokens
        // concatenating back to the input, which only our tokenizer guarantees for every script.
        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, ExactChunker.Instance);
        var oldPieces = result.PiecesOld;
        var newPieces = result.PiecesNew;

        var regions = new List<Region>();
        var oldPos = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > oldPos)
                regions.Add(Region.Equal(Join(oldPieces, oldPos, block.DeleteStartA - oldPos)));
            regions.Add(new Region(
                Join(oldPieces, block.DeleteStartA, block.DeleteCountA),
                Join(newPieces, block.InsertStartB, block.InsertCountB),
                IsChange: true));
            oldPos = block.DeleteStartA + block.DeleteCountA;
        }
        if (oldPos < oldPieces.Count)
            regions.Add(Region.Equal(Join(oldPieces, oldPos, oldPieces.Count - oldPos)));

        return ToRuns(AbsorbSpacesBetweenChanges(regions));
    }

    private sealed record Region(string Old, string New, bool IsChange)
    {
        public static Region Equal(string text) => new(text, text, IsChange: false);
    }

    /// <summary>
    /// "b c" → "x y" would otherwise read as -b +x, " ", -c +y. A reader expects -"b c" +"x y", so a
    /// whitespace-only equal run between two changes is folded into both sides of the change.
    /// </summary>
    private static List<Region> AbsorbSpacesBetweenChanges(List<Region> regions)
    {
        var merged = new List<Region>();
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var last = merged.Count > 0 ? merged[^1] : null;
            if (region.IsChange && last is { IsChange: true })
            {
                merged[^1] = new Region(last.Old + region.Old, last.New + region.New, IsChange: true);
                continue;
            }
            if (!region.IsChange && last is { IsChange: true } && i + 1 < regions.Count && regions[i + 1].IsChange
                && string.IsNullOrWhiteSpace(region.Old))
            {
                merged[^1] = new Region(last.Old + region.Old, last.New + region.New, IsChange: true);
                continue;
            }
            merged.Add(region);
        }
        return merged;
    }

    private static List<DiffChange> ToRuns(List<Region> regions)
    {
        var runs = new List<DiffChange>();
        foreach (var region in regions)
        {
            if (!region.IsChange)
            {
                Append(runs, DiffOp.Equal, region.Old);
                continue;
            }
            // Deletes before inserts within a replaced region.
            Append(runs, DiffOp.Delete, region.Old);
            Append(runs, DiffOp.Insert, region.New);
        }
        return runs;
    }

    private static void Append(List<DiffChange> runs, DiffOp op, string text)
    {
        if (text.Length == 0)
            return;
        if (runs.Count > 0 && runs[^1].Op == op)
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        else
            runs.Add(new DiffChange(op, text));
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        var sb = new StringBuilder();
        for (var i = start; i < start + count; i++)
            sb.Append(pieces[i]);
        return sb.ToString();
    }

    private sealed class ExactChunker : IChunker
    {
        public static readonly ExactChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => WordTokenizer.TokenizeForDiff(text);
    }
}
