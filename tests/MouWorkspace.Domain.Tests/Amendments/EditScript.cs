using System.Text;

namespace MouWorkspace.Domain.Tests.Amendments;

/// <summary>
/// Generated clause texts and word edits at known places, for merge tests: a text is items (words, bracket
/// groups) each followed by a separator; an edit replaces, deletes or inserts before one item of the original.
/// Words are drawn without repetition so that a diff can only align the texts one way.
/// </summary>
internal sealed class EditScript
{
    private static readonly string[] Stems =
    [
        "shall", "ensure", "personnel", "conduct", "standards", "mission", "Côte", "d'Ivoire", "Türkiye", "e\u0301te\u0301",
        "الأمم", "المتحدة", "تلتزم", "الدُّوَلُ", "بِسْمِ", "Миротворцы", "должны", "соблюдать", "стандарты", "2007",
    ];

    private static readonly string[] Separators = [" ", " ", " ", " ", "  ", ", ", "\n", "; ", " — ", "\u00A0"];

    public enum Kind { Replace, Delete, InsertBefore, ChooseAlternative }

    public sealed record Edit(int Item, Kind Kind, string Word);

    private readonly Random _random;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<(string Text, string Separator)> _items = [];

    public EditScript(Random random, int items)
    {
        _random = random;
        for (var i = 0; i < items; i++)
        {
            var text = random.Next(8) switch
            {
                0 => $"[{NewWord()}][{NewWord()}]",
                1 => $"[{NewWord()} [{NewWord()}] {NewWord()}]",
                _ => NewWord(),
            };
            _items.Add((text, i == items - 1 ? "." : Separators[random.Next(Separators.Length)]));
        }
    }

    public int Count => _items.Count;

    public string Original => Apply([]);

    public string NewWord()
    {
        var word = Stems[_random.Next(Stems.Length)] + Stems[_random.Next(Stems.Length)];
        if (!_used.Add(word))
        {
            word += _used.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _used.Add(word);
        }
        return word;
    }

    /// <summary>Distinct items, each at least <paramref name="gap"/> items from the next, in random order.</summary>
    public List<int> Sites(int count, int gap = 3)
    {
        var free = Enumerable.Range(0, Count - 1).OrderBy(_ => _random.Next()).ToList();
        var sites = new List<int>();
        foreach (var candidate in free)
        {
            if (sites.Count == count)
                break;
            if (sites.All(s => Math.Abs(s - candidate) >= gap))
                sites.Add(candidate);
        }
        return sites;
    }

    public Edit RandomEdit(int item)
    {
        var text = _items[item].Text;
        if (text.StartsWith("[", StringComparison.Ordinal) && text.Contains("][", StringComparison.Ordinal) && _random.Next(2) == 0)
            return new Edit(item, Kind.ChooseAlternative, text[1..text.IndexOf(']')]);
        return _random.Next(3) switch
        {
            0 => new Edit(item, Kind.Replace, NewWord()),
            1 => new Edit(item, Kind.Delete, ""),
            _ => new Edit(item, Kind.InsertBefore, NewWord()),
        };
    }

    public string ItemText(int item) => _items[item].Text;

    /// <summary>The original with the given edits (at distinct items) made.</summary>
    public string Apply(IEnumerable<Edit> edits)
    {
        var byItem = edits.ToDictionary(e => e.Item);
        var sb = new StringBuilder();
        for (var i = 0; i < _items.Count; i++)
        {
            var (text, separator) = _items[i];
            if (!byItem.TryGetValue(i, out var edit))
            {
                sb.Append(text).Append(separator);
                continue;
            }
            switch (edit.Kind)
            {
                case Kind.Replace or Kind.ChooseAlternative:
                    sb.Append(edit.Word).Append(separator);
                    break;
                case Kind.Delete:
                    break;
                case Kind.InsertBefore:
                    sb.Append(edit.Word).Append(' ').Append(text).Append(separator);
                    break;
            }
        }
        return sb.ToString();
    }
}
