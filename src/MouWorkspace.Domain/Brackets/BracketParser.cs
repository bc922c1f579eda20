namespace MouWorkspace.Domain.Brackets;

/// <summary>A bracketed passage: one or more adjacent alternatives such as <c>[shall][should]</c>.</summary>
/// <param name="Start">Index of the group's first <c>[</c>.</param>
/// <param name="Length">Up to and including the group's last <c>]</c>.</param>
/// <param name="Depth">0 for a top-level group, 1 for a group inside one, and so on.</param>
/// <param name="Alternatives">The text inside each bracket pair, as written (nested brackets included).</param>
/// <param name="Nested">Groups directly inside any of this group's alternatives.</param>
public sealed record BracketGroup(int Start, int Length, int Depth, IReadOnlyList<string> Alternatives, IReadOnlyList<BracketGroup> Nested);

public sealed record BracketError(int Position, string Message);

public sealed record BracketAnalysis(IReadOnlyList<BracketGroup> Groups, IReadOnlyList<BracketError> Errors)
{
    /// <summary>All groups, nested ones included.</summary>
    public int Count => CountAll(Groups);
    public bool IsClean => Groups.Count == 0 && Errors.Count == 0;

    private static int CountAll(IReadOnlyList<BracketGroup> groups) => groups.Sum(g => 1 + CountAll(g.Nested));
}

/// <summary>
/// Reads the UN bracket convention. Bracket pairs that touch (<c>[shall][should]</c>, nothing between
/// them, not even a space) are alternatives of one group; <c>[the] [Government]</c> is two groups,
/// because separate bracketed words are separate open points. Never throws: unbalanced brackets
/// become <see cref="BracketError"/>s and the well-formed pairs are still returned.
/// </summary>
public static class BracketParser
{
    private sealed record Pair(int Open, int Close)
    {
        public List<Pair> Children { get; } = [];
    }

    public static BracketAnalysis Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
            return new BracketAnalysis([], []);

        var errors = new List<BracketError>();
        var pairs = MatchPairs(text, errors);

        // Nesting comes from the matched pairs only, so an unclosed '[' does not push its
        // well-formed neighbours one level down.
        var roots = new List<Pair>();
        var open = new Stack<Pair>();
        foreach (var pair in pairs.OrderBy(p => p.Open))
        {
            while (open.Count > 0 && open.Peek().Close < pair.Open)
                open.Pop();
            (open.Count > 0 ? open.Peek().Children : roots).Add(pair);
            open.Push(pair);
        }

        return new BracketAnalysis(BuildGroups(text, roots, depth: 0), errors);
    }

    private static List<Pair> MatchPairs(string text, List<BracketError> errors)
    {
        var pairs = new List<Pair>();
        var openings = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[')
                openings.Push(i);
            else if (text[i] == ']')
            {
                if (openings.Count > 0)
                    pairs.Add(new Pair(openings.Pop(), i));
                else
                    errors.Add(new BracketError(i, $"']' at position {i} has no matching '['"));
            }
        }
        foreach (var position in openings.Reverse())
            errors.Add(new BracketError(position, $"'[' at position {position} is never closed"));
        errors.Sort((a, b) => a.Position.CompareTo(b.Position));
        return pairs;
    }

    /// <summary>Groups sibling pairs (sorted by position) that touch into one group each.</summary>
    private static List<BracketGroup> BuildGroups(string text, List<Pair> siblings, int depth)
    {
        var groups = new List<BracketGroup>();
        var i = 0;
        while (i < siblings.Count)
        {
            var members = new List<Pair> { siblings[i++] };
            while (i < siblings.Count && siblings[i].Open == members[^1].Close + 1)
                members.Add(siblings[i++]);

            var start = members[0].Open;
            var end = members[^1].Close;
            groups.Add(new BracketGroup(
                start,
                end - start + 1,
                depth,
                members.Select(p => text[(p.Open + 1)..p.Close]).ToList(),
                BuildGroups(text, members.SelectMany(p => p.Children).ToList(), depth + 1)));
        }
        return groups;
    }
}
