using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Amendments;

/// <summary>A text cut into diff tokens (<see cref="WordTokenizer.TokenizeForDiff"/>), with each token's offset.</summary>
internal sealed class TokenText
{
    private readonly int[] _offsets;

    public static TokenText Of(string text) => new(text, WordTokenizer.TokenizeForDiff(text));

    public TokenText(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
        _offsets = new int[tokens.Count + 1];
        for (var i = 0; i < tokens.Count; i++)
            _offsets[i + 1] = _offsets[i] + tokens[i].Length;
    }

    public string Text { get; }
    public IReadOnlyList<string> Tokens { get; }
    public int Count => Tokens.Count;

    /// <summary>Character offset of token <paramref name="token"/> (<see cref="Count"/> gives the text's length).</summary>
    public int Offset(int token) => _offsets[token];

    public string Span(int start, int end) => Text.Substring(_offsets[start], _offsets[end] - _offsets[start]);

    public int SpanLength(int start, int end) => _offsets[end] - _offsets[start];

    /// <summary>Index of the last token starting at or before character <paramref name="offset"/>.</summary>
    public int TokenAtOrBefore(int offset)
    {
        var i = Array.BinarySearch(_offsets, 0, Count + 1, offset);
        return i >= 0 ? i : ~i - 1;
    }
}

/// <summary>Old tokens [Start, End) replaced by new tokens [NewStart, NewEnd); Start == End is an insertion.</summary>
internal readonly record struct Hunk(int Start, int End, int NewStart, int NewEnd)
{
    public bool IsInsertion => Start == End;
    public bool IsDeletion => NewStart == NewEnd;
    public int Delta => (NewEnd - NewStart) - (End - Start);
}
