using MouWorkspace.Domain.Amendments;

namespace MouWorkspace.Bench.Amendments;

/// <summary>
/// One long operative clause (bracketed alternatives included) and proposals of it, each changing one to three
/// words somewhere in the clause (replace, delete, insert, choose an alternative), so that some meet and most do not.
/// </summary>
internal sealed class ClauseGenerator(int seed)
{
    private static readonly string[] Words =
    [
        "the", "troop-contributing", "country", "shall", "investigate", "all", "allegations", "of", "misconduct", "promptly",
        "and", "inform", "Secretary-General", "outcome", "personnel", "standards", "conduct", "mission", "national",
        "contingent", "comply", "with", "measures", "prevent", "sexual", "exploitation", "abuse", "training", "deployment",
    ];

    private readonly Random _random = new(seed);

    public (string Current, List<ProposalText> Proposals) Clause(int words, int proposals, bool olderBases)
    {
        // Each word carries the separator after it, so an edit does not move the commas of the rest of the clause.
        var items = new List<string>(words);
        for (var i = 0; i < words; i++)
            items.Add((_random.Next(12) == 0 ? $"[{Word()}][{Word()}]" : Word()) + (i == words - 1 ? "." : i % 9 == 8 ? ", " : " "));
        var current = Render(items);
        // An older base: the clause before three of its words were changed.
        var older = items.ToList();
        for (var k = 0; k < 3; k++)
        {
            var at = _random.Next(older.Count);
            older[at] = Word() + Separator(older[at]);
        }
        var olderText = Render(older);

        var list = new List<ProposalText>(proposals);
        for (var p = 0; p < proposals; p++)
        {
            var useOlder = olderBases && p % 4 == 0;
            var edited = (useOlder ? older : items).ToList();
            for (var e = _random.Next(1, 4); e > 0; e--)
            {
                var at = _random.Next(edited.Count);
                switch (_random.Next(4))
                {
                    case 0: edited[at] = Word() + Separator(edited[at]); break;
                    case 1 when at < edited.Count - 1: edited.RemoveAt(at); break;
                    case 2: edited.Insert(at, Word() + " "); break;
                    default: edited[at] = (edited[at].StartsWith('[') ? edited[at][1..edited[at].IndexOf(']')] : Word()) + Separator(edited[at]); break;
                }
            }
            list.Add(new ProposalText($"P{p:D3}", useOlder ? olderText : current, Render(edited)));
        }
        return (current, list);
    }

    private string Word() => Words[_random.Next(Words.Length)];

    private static string Separator(string item) => item.EndsWith(", ", StringComparison.Ordinal) ? ", " : item[^1..];

    private static string Render(List<string> items) => string.Concat(items);
}
