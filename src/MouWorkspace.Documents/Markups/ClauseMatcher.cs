using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Documents.Markups;

/// <summary>
/// Finds the clause a paragraph belongs to: by its PP/OP label when the MOU has that number, else by
/// its original (changes rejected) text: identical after whitespace folding, or the most similar clause
/// with a token Dice similarity of at least <see cref="MinSimilarity"/>.
/// </summary>
internal sealed class ClauseMatcher
{
    public const double MinSimilarity = 0.6;

    private readonly Dictionary<string, MarkupClause> _byNumber;
    private readonly List<(MarkupClause Clause, string Folded, Dictionary<string, int> Tokens)> _byText;

    public ClauseMatcher(IReadOnlyList<MarkupClause> clauses)
    {
        _byNumber = new Dictionary<string, MarkupClause>(StringComparer.OrdinalIgnoreCase);
        foreach (var clause in clauses)
            _byNumber.TryAdd(clause.Number, clause);
        _byText = clauses.Select(c => (c, Fold(c.Text), Tokens(c.Text))).ToList();
    }

    public MarkupClause? ByNumber(string number) => _byNumber.GetValueOrDefault(number);

    public MarkupClause? ByText(string original)
    {
        var folded = Fold(original);
        if (folded.Length == 0 || _byText.Count == 0) // MaxBy below throws on no clauses (value tuples), read as a damaged file
            return null;
        var exact = _byText.FirstOrDefault(c => c.Folded == folded);
        if (exact.Clause is not null)
            return exact.Clause;
        var tokens = Tokens(original);
        var best = _byText.Select(c => (c.Clause, Score: Dice(tokens, c.Tokens))).MaxBy(c => c.Score);
        return best.Score >= MinSimilarity ? best.Clause : null;
    }

    /// <summary>The clause with exactly this text (after whitespace folding), or null.</summary>
    public MarkupClause? Exactly(string text)
    {
        var folded = Fold(text);
        return folded.Length == 0 ? null : _byText.FirstOrDefault(c => c.Folded == folded).Clause;
    }

    public static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, int> Tokens(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in WordTokenizer.Tokenize(text))
        {
            if (!string.IsNullOrWhiteSpace(token))
                counts[token] = counts.GetValueOrDefault(token) + 1;
        }
        return counts;
    }

    private static double Dice(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
            return 0;
        var common = a.Sum(kv => Math.Min(kv.Value, b.GetValueOrDefault(kv.Key)));
        return 2.0 * common / total;
    }
}
