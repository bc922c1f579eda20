using System.Text;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Bench.Documents;

/// <summary>A 300-clause MOU of realistic clause text (~170 words each, about 100 A4 pages), seeded so every run is the same.</summary>
internal static class MouGenerator
{
    private static readonly string[] Phrases =
    [
        "the troop-contributing country shall ensure that", "all members of its national contingent", "comply with the standards of conduct",
        "set out in the Secretary-General's bulletin ST/SGB/2003/13", "[shall][should] investigate allegations of sexual exploitation and abuse",
        "and inform the Secretary-General of the outcome", "within [30][60] days of the referral", "the Conduct and Discipline Team of the mission",
        "in accordance with its national laws and regulations", "pre-deployment training on the prevention of misconduct", "victim assistance",
        "the Office of Internal Oversight Services", "[promptly]", "welfare and recreation facilities", "the commander of the national contingent",
        "shall cooperate fully with the United Nations", "including by making witnesses available", "and shall report on the action taken",
    ];

    public static ExportClause[] Clauses(int count = 300)
    {
        var random = new Random(2007);
        var clauses = new ExportClause[count];
        for (var i = 0; i < count; i++)
        {
            var kind = i < 30 ? ClauseKind.Preambular : ClauseKind.Operative;
            var number = kind == ClauseKind.Preambular ? $"PP{i + 1}" : $"OP{i - 29}";
            string text;
            if (i % 50 == 7)
                text = "تلتزم الدول المساهمة بقوات بمعايير السلوك الواردة في نشرة الأمين العام وتتعاون مع الأمم المتحدة في التحقيق";
            else if (i % 50 == 8)
                text = "部队派遣国应确保其人员遵守行为标准，并与联合国充分合作，调查一切关于性剥削和性虐待的指控。";
            else
                text = Sentence(random, 170);
            clauses[i] = new ExportClause($"c{i}", number, i % 10 == 0 ? $"Section {i / 10 + 1}" : "", text, kind);
        }
        return clauses;
    }

    private static string Sentence(Random random, int words)
    {
        var sb = new StringBuilder();
        var count = 0;
        while (count < words)
        {
            var phrase = Phrases[random.Next(Phrases.Length)];
            sb.Append(sb.Length == 0 ? char.ToUpperInvariant(phrase[0]) + phrase[1..] : phrase).Append(random.Next(5) == 0 ? ". " : ", ");
            count += phrase.Split(' ').Length;
        }
        return sb.ToString().TrimEnd(',', ' ') + ".";
    }

    /// <summary>Redline against a base where 10% of the clauses differ (word edits by two delegations).</summary>
    public static ExportRedline Redline(ExportClause[] current)
    {
        var at = new DateTimeOffset(2007, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var clauses = current.Select((c, i) =>
        {
            if (i % 10 != 3)
                return new RedlineClause(c.Id, c.Number, c.Heading, c.Kind, RedlineChange.Unchanged, [new AttributedChange(DiffOp.Equal, c.Text, null, null)]);
            var baseText = c.Text.Replace("shall", "will", StringComparison.Ordinal);
            var middle = c.Text.Replace("the United Nations", "the Organization", StringComparison.Ordinal);
            var runs = AttributedDiff.Compute(baseText, [new AttributedDraft(middle, "France (FRA)", at), new AttributedDraft(c.Text, "India (IND)", at.AddDays(1))]);
            return new RedlineClause(c.Id, c.Number, c.Heading, c.Kind, RedlineChange.Changed, runs);
        }).ToList();
        return new ExportRedline("Rev.1", clauses);
    }

    private static readonly string[] ArabicWords =
        ["تلتزم", "الدول", "المساهمة", "بقوات", "بمعايير", "السلوك", "الواردة", "في", "نشرة", "الأمين", "العام", "وتكفل", "أن", "جميع", "أفراد", "الوحدة", "الوطنية"];

    /// <summary>An Arabic text of as many words as <paramref name="text"/> (a benchmark of shaping and right-to-left lines).</summary>
    public static string Arabic(string text) =>
        string.Join(' ', text.Split(' ').Select((_, i) => ArabicWords[(i * 7 + text.Length) % ArabicWords.Length]));

    public static string Markdown(ExportClause[] clauses)
    {
        var sb = new StringBuilder("---\ntitle: Model MOU\n---\n\n");
        foreach (var c in clauses)
        {
            if (c.Heading.Length > 0)
                sb.Append("# ").Append(c.Heading).Append("\n\n");
            sb.Append(c.Number).Append(' ').Append(c.Text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)).Append("\n\n");
        }
        return sb.ToString();
    }
}
