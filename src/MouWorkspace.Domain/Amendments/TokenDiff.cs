using DiffPlex;
using DiffPlex.Chunkers;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Amendments;

/// <summary>
/// Token-level diff as hunks over the old text's token positions, the input of merges and clash detection.
/// Same tokens as <see cref="WordDiff"/> (Myers' algorithm here, DiffPlex's for long rewrites), with a canonical
/// placement: a pure insertion or deletion that could stand at several equivalent places ("x " before "b" or
/// " x" after "a") is slid as far right as it goes. Every diff made here places such a change the same way, so
/// two proposals' changes are compared by what they change, not by where a diff happened to put a space.
/// </summary>
internal sealed class TokenDiff
{
    private TokenDiff(TokenText old, TokenText @new, Hunk[] hunks)
    {
        Old = old;
        New = @new;
        Hunks = hunks;
    }

    public TokenText Old { get; }
    public TokenText New { get; }
    public Hunk[] Hunks { get; }

    public string Replacement(Hunk hunk) => New.Span(hunk.NewStart, hunk.NewEnd);

    public static TokenDiff Compute(string from, string to) => Compute(TokenText.Of(from), to);

    /// <summary>
    /// Most proposals change a few words of a long clause. The texts' common beginning and end keep the old
    /// text's tokens, so only the window between them is tokenized and diffed; where that shortcut cannot be
    /// shown safe (brackets pairing across the window's edge, no clean token edge), the whole texts are.
    /// </summary>
    public static TokenDiff Compute(TokenText old, string to)
    {
        ArgumentNullException.ThrowIfNull(to);
        var from = old.Text;
        int first = 0, last = old.Count;
        IReadOnlyList<string> newTokens;
        int newFirst, newLast;
        if (TokenWindow.TryFind(old, to, out var wFirst, out var wLast)
            && to[old.Offset(wFirst)..(to.Length - (from.Length - old.Offset(wLast)))] is var newMiddle
            && TokenWindow.BracketsStayLocal(from, old.Offset(wFirst), old.Offset(wLast), from[old.Offset(wFirst)..old.Offset(wLast)], newMiddle))
        {
            (first, last) = (wFirst, wLast);
            var middle = WordTokenizer.TokenizeForDiff(newMiddle);
            var tokens = new List<string>(old.Count + middle.Count - (last - first));
            for (var i = 0; i < first; i++)
                tokens.Add(old.Tokens[i]);
            tokens.AddRange(middle);
            for (var i = last; i < old.Count; i++)
                tokens.Add(old.Tokens[i]);
            (newTokens, newFirst, newLast) = (tokens, first, first + middle.Count);
        }
        else
        {
            newTokens = WordTokenizer.TokenizeForDiff(to);
            (newFirst, newLast) = (0, newTokens.Count);
        }

        var @new = new TokenText(to, newTokens);
        var blocks = Myers.Diff(old.Tokens, first, last, newTokens, newFirst, newLast) ?? DiffPlexBlocks(old, @new, first, last, newFirst, newLast);
        return Build(old, @new, blocks);
    }

    /// <summary>For a long rewrite, DiffPlex's linear-space diff over the same tokens.</summary>
    private static List<(int, int, int, int)> DiffPlexBlocks(TokenText old, TokenText @new, int first, int last, int newFirst, int newLast)
    {
        var oldPart = old.Span(first, last);
        var newPart = @new.Span(newFirst, newLast);
        var chunker = new ListChunker(oldPart, old.Tokens.Skip(first).Take(last - first).ToList(), @new.Tokens.Skip(newFirst).Take(newLast - newFirst).ToList());
        var result = Differ.Instance.CreateDiffs(oldPart, newPart, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        return result.DiffBlocks.Select(b => (b.DeleteStartA + first, b.DeleteCountA, b.InsertStartB + newFirst, b.InsertCountB)).ToList();
    }

    private static TokenDiff Build(TokenText old, TokenText @new, List<(int OldStart, int OldCount, int NewStart, int NewCount)> blocks)
    {
        var hunks = new List<Hunk>(blocks.Count);
        for (var k = 0; k < blocks.Count; k++)
        {
            var b = blocks[k];
            var hunk = new Hunk(b.OldStart, b.OldStart + b.OldCount, b.NewStart, b.NewStart + b.NewCount);
            if (hunks.Count > 0 && hunks[^1].End == hunk.Start)
            {
                hunk = new Hunk(hunks[^1].Start, hunk.End, hunks[^1].NewStart, hunk.NewEnd);
                hunks.RemoveAt(hunks.Count - 1);
            }
            var limit = k + 1 < blocks.Count ? blocks[k + 1].OldStart : old.Count;
            hunks.Add(SlideRight(Trim(hunk, old.Tokens, @new.Tokens), limit, old.Tokens, @new.Tokens));
        }
        return new TokenDiff(old, @new, Tidy(AbsorbSpacesBetweenHunks(hunks, old.Tokens), old.Tokens, @new.Tokens));
    }

    /// <summary>Absorbing spaces can bring back shared tokens at a hunk's ends; trim and slide once more.</summary>
    private static Hunk[] Tidy(Hunk[] hunks, IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var result = new List<Hunk>(hunks.Length);
        for (var k = 0; k < hunks.Length; k++)
        {
            var limit = k + 1 < hunks.Length ? hunks[k + 1].Start : old.Count;
            var hunk = SlideRight(Trim(hunks[k], old, @new), limit, old, @new);
            if (result.Count > 0 && result[^1].End == hunk.Start)
                result[^1] = new Hunk(result[^1].Start, hunk.End, result[^1].NewStart, hunk.NewEnd);
            else
                result.Add(hunk);
        }
        return [.. result];
    }

    /// <summary>
    /// As in <see cref="WordDiff"/>: "investigate all allegations" → "look into every report" is one change of a
    /// phrase, not three word changes with equal spaces between them, so a proposal inserting "credible" before
    /// "allegations" overlaps it instead of landing in the middle of someone else's rewording.
    /// </summary>
    private static Hunk[] AbsorbSpacesBetweenHunks(List<Hunk> hunks, IReadOnlyList<string> old)
    {
        var merged = new List<Hunk>(hunks.Count);
        foreach (var hunk in hunks)
        {
            if (merged.Count > 0 && OnlySpaces(old, merged[^1].End, hunk.Start))
                merged[^1] = new Hunk(merged[^1].Start, hunk.End, merged[^1].NewStart, hunk.NewEnd);
            else
                merged.Add(hunk);
        }
        return [.. merged];
    }

    private static bool OnlySpaces(IReadOnlyList<string> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!string.IsNullOrWhiteSpace(tokens[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A hunk never starts or ends with a token both sides share: "allegations " → "report " is "allegations" →
    /// "report" and an equal space, however the diff matched the spaces.
    /// </summary>
    private static Hunk Trim(Hunk hunk, IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var (start, end, newStart, newEnd) = (hunk.Start, hunk.End, hunk.NewStart, hunk.NewEnd);
        while (start < end && newStart < newEnd && string.Equals(old[end - 1], @new[newEnd - 1], StringComparison.Ordinal))
        {
            end--;
            newEnd--;
        }
        while (start < end && newStart < newEnd && string.Equals(old[start], @new[newStart], StringComparison.Ordinal))
        {
            start++;
            newStart++;
        }
        return new Hunk(start, end, newStart, newEnd);
    }

    /// <summary>Tokens after a hunk are equal in both texts up to <paramref name="limit"/>, which is what makes a slide exact.</summary>
    private static Hunk SlideRight(Hunk hunk, int limit, IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        if (hunk.IsInsertion)
        {
            while (hunk.End < limit && hunk.NewStart < hunk.NewEnd && string.Equals(@new[hunk.NewStart], @new[hunk.NewEnd], StringComparison.Ordinal))
                hunk = new Hunk(hunk.Start + 1, hunk.End + 1, hunk.NewStart + 1, hunk.NewEnd + 1);
        }
        else if (hunk.IsDeletion)
        {
            while (hunk.End < limit && string.Equals(old[hunk.Start], old[hunk.End], StringComparison.Ordinal))
                hunk = new Hunk(hunk.Start + 1, hunk.End + 1, hunk.NewStart + 1, hunk.NewEnd + 1);
        }
        return hunk;
    }

    /// <summary>Hands DiffPlex the tokens already made: the old part's for the old text, the new part's for the other.</summary>
    private sealed class ListChunker(string oldPart, IReadOnlyList<string> oldTokens, IReadOnlyList<string> newTokens) : IChunker
    {
        private bool _oldGiven;

        public IReadOnlyList<string> Chunk(string text)
        {
            // DiffPlex chunks the old text first; the flag covers both parts being the same string instance.
            if (!_oldGiven && ReferenceEquals(text, oldPart))
            {
                _oldGiven = true;
                return oldTokens;
            }
            return newTokens;
        }
    }
}
