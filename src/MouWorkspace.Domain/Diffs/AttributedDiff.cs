namespace MouWorkspace.Domain.Diffs;

/// <summary>One draft after the base text: its full text and who saved it, when.</summary>
public sealed record AttributedDraft(string Text, string? Author, DateTimeOffset? At);

/// <summary>
/// One run of an attributed diff. Equal runs carry no author; Insert and Delete runs carry the
/// author and date of the draft that made that change.
/// </summary>
public sealed record AttributedChange(DiffOp Op, string Text, string? Author, DateTimeOffset? At);

/// <summary>
/// Diff from a base text to the last of its successive drafts, where every inserted or deleted run
/// names the draft that made it (token provenance). Same contract as <see cref="WordDiff"/>:
/// equal+delete rebuild the base, equal+insert rebuild the last draft.
/// </summary>
public static class AttributedDiff
{
    // Working piece: Equal and Insert pieces make up the current draft's text, Equal and Delete the base's.
    private sealed record Piece(DiffOp Op, string Text, string? Author, DateTimeOffset? At);

    public static IReadOnlyList<AttributedChange> Compute(string baseText, IReadOnlyList<AttributedDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(drafts);

        var pieces = new List<Piece>();
        if (baseText.Length > 0)
            pieces.Add(new Piece(DiffOp.Equal, baseText, null, null));
        var current = baseText;
        foreach (var draft in drafts)
        {
            ArgumentNullException.ThrowIfNull(draft);
            ArgumentNullException.ThrowIfNull(draft.Text, nameof(drafts));
            // Each step is diffed against the previous draft only, so a change keeps the name of the
            // draft that first made it even if later drafts rewrite other parts of the clause.
            pieces = Apply(pieces, WordDiff.Compute(current, draft.Text), draft);
            current = draft.Text;
        }
        return Merge(pieces);
    }

    /// <summary>Replays one step's diff (over the current text) onto the pieces.</summary>
    private static List<Piece> Apply(List<Piece> pieces, IReadOnlyList<DiffChange> step, AttributedDraft draft)
    {
        var result = new List<Piece>(pieces.Count + step.Count);
        var cursor = new Cursor(pieces);
        foreach (var change in step)
        {
            switch (change.Op)
            {
                case DiffOp.Insert:
                    // Earlier deletions at this point stay before the new insertion (Word's order: deleted, then inserted).
                    cursor.FlushDeletes(result);
                    result.Add(new Piece(DiffOp.Insert, change.Text, draft.Author, draft.At));
                    break;
                case DiffOp.Equal:
                    cursor.Take(change.Text.Length, result, piece => piece);
                    break;
                case DiffOp.Delete:
                    // Base text deleted now is attributed to this draft; text some earlier draft inserted
                    // and this one deletes never reached the base, so it vanishes.
                    cursor.Take(change.Text.Length, result, piece => piece.Op == DiffOp.Equal
                        ? new Piece(DiffOp.Delete, piece.Text, draft.Author, draft.At)
                        : null);
                    break;
            }
        }
        cursor.FlushRest(result);
        return result;
    }

    /// <summary>Walks the pieces by characters of the current text; Delete pieces have no width there.</summary>
    private sealed class Cursor(List<Piece> pieces)
    {
        private int _index;
        private int _offset; // characters of pieces[_index] already consumed

        public void FlushDeletes(List<Piece> result)
        {
            while (_index < pieces.Count && pieces[_index].Op == DiffOp.Delete && _offset == 0)
                result.Add(pieces[_index++]);
        }

        public void Take(int length, List<Piece> result, Func<Piece, Piece?> map)
        {
            while (length > 0)
            {
                FlushDeletes(result);
                if (_index >= pieces.Count)
                    throw new InvalidOperationException("diff step is longer than the current text");
                var piece = pieces[_index];
                var available = piece.Text.Length - _offset;
                var n = Math.Min(available, length);
                var mapped = map(piece with { Text = piece.Text.Substring(_offset, n) });
                if (mapped is not null)
                    result.Add(mapped);
                length -= n;
                _offset += n;
                if (_offset == piece.Text.Length)
                {
                    _index++;
                    _offset = 0;
                }
            }
        }

        public void FlushRest(List<Piece> result)
        {
            FlushDeletes(result);
            if (_index < pieces.Count)
                throw new InvalidOperationException("diff step is shorter than the current text");
        }
    }

    private static List<AttributedChange> Merge(List<Piece> pieces)
    {
        var runs = new List<AttributedChange>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (piece.Text.Length == 0)
                continue;
            if (runs.Count > 0 && runs[^1] is var last && last.Op == piece.Op && last.Author == piece.Author && last.At == piece.At)
                runs[^1] = last with { Text = last.Text + piece.Text };
            else
                runs.Add(new AttributedChange(piece.Op, piece.Text, piece.Author, piece.At));
        }
        return runs;
    }
}
