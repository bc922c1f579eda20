using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain;
using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Web.Amendments;

namespace MouWorkspace.Web.Documents;

/// <summary>
/// The compilation text in Word (<c>export.docx?compilation=true</c>, issue 17.7): each clause's current text with its open
/// proposals as tracked changes whose author is the sponsor ("Non-Aligned Movement (MAR)"), so that accepting or rejecting a
/// change in Word is accepting or rejecting that proposal. Proposals that do not clash share the clause's paragraph; each
/// clashing one, sub-amendment or out-of-date one follows as an alternative paragraph; a proposed deletion is the
/// paragraph deleted by its sponsor; a proposed new paragraph is inserted where it would stand.
/// </summary>
public static class CompilationExport
{
    public const string Caption = "Compilation text: each open proposal is shown as a tracked change by its sponsor";

    /// <summary>The room paper's caption: a PDF has no tracked changes, it marks them.</summary>
    public const string PdfCaption = "Compilation text: each open proposal is marked (additions underlined, deletions struck through) under its sponsor's name";

    public static ExportRedline Build(CompilationResponse compilation, IReadOnlyDictionary<string, string> baseTexts)
    {
        var clauses = new List<RedlineClause>();
        foreach (var entry in compilation.Entries)
        {
            var kind = entry.Kind == "preambular" ? ClauseKind.Preambular : ClauseKind.Operative;
            if (entry.Type == Compilation.NewParagraph)
            {
                var proposal = entry.Proposals[0];
                clauses.Add(new RedlineClause(proposal.Id, entry.Number, Label(entry.Heading, $"New paragraph proposed by {Supporters(proposal)}"), kind,
                    RedlineChange.Added, [new AttributedChange(DiffOp.Insert, entry.Text, proposal.Sponsor, proposal.At)]));
                continue;
            }
            var wording = entry.Proposals.Where(p => p.Kind == ProposalKinds.Replace).ToList();
            var clashing = entry.ClashGroups.SelectMany(g => g).ToHashSet();
            var together = wording.Where(p => p.Amends is null && !clashing.Contains(p.Id)).ToList();
            var merged = together.Count == 0 ? null : ThreeWayMerge.MergeAll(entry.Text,
                together.Select(p => new ProposalText(p.Id, BaseOf(p, entry, baseTexts), p.Text)).ToList());
            var alternatives = wording.Except(merged is { IsMerged: true } ? together : []).ToList();
            var byId = wording.ToDictionary(p => p.Id);
            var moves = entry.Proposals.Where(p => p.Kind == ProposalKinds.Move).Select(p => $"{Supporters(p)} proposes moving it").ToList();
            var heading = moves.Count == 0 ? entry.Heading : Label(entry.Heading, string.Join("; ", moves));
            IReadOnlyList<AttributedChange> runs = merged is { IsMerged: true }
                ? merged.Runs.Select(r => new AttributedChange(r.Op, r.Text, r.ProposalId is { } id ? byId[id].Sponsor : null, r.ProposalId is { } at ? byId[at].At : null)).ToArray()
                : [new AttributedChange(DiffOp.Equal, entry.Text, null, null)];
            clauses.Add(new RedlineClause(entry.ClauseId!, entry.Number, heading, kind,
                merged is { IsMerged: true } ? RedlineChange.Changed : RedlineChange.Unchanged, runs));
            foreach (var alternative in alternatives)
            {
                var what = alternative.Amends is { } parent && byId.TryGetValue(parent, out var amended)
                    ? $"Amendment by {Supporters(alternative)} to the proposal of {amended.Sponsor}"
                    : $"Alternative proposed by {Supporters(alternative)}";
                clauses.Add(new RedlineClause(entry.ClauseId! + "-" + alternative.Id, entry.Number, what, kind, RedlineChange.Changed,
                    AttributedDiff.Compute(entry.Text, [new AttributedDraft(alternative.Text, alternative.Sponsor, alternative.At)])));
            }
            foreach (var deletion in entry.Proposals.Where(p => p.Kind == ProposalKinds.Delete))
                clauses.Add(new RedlineClause(entry.ClauseId! + "-" + deletion.Id, entry.Number, $"Deletion proposed by {Supporters(deletion)}", kind,
                    RedlineChange.Removed, [new AttributedChange(DiffOp.Delete, entry.Text, deletion.Sponsor, deletion.At)]));
        }
        return new ExportRedline("the compilation", clauses) { Caption = Caption };
    }

    /// <summary>The text each wording proposal changes, by proposal id (the draft it was made on, or the proposal it amends).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> BaseTextsAsync(IGrainFactory grains, string mouId, CompilationResponse compilation)
    {
        var texts = new Dictionary<string, string>();
        foreach (var entry in compilation.Entries.Where(e => e.Type == Compilation.ClauseEntry && e.Proposals.Any(p => p.Kind == ProposalKinds.Replace && p.BaseVersion != e.Version)))
        {
            var drafts = (await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, entry.ClauseId!)).GetDraftsAsync()).ToDictionary(d => d.Version, d => d.Text);
            foreach (var p in entry.Proposals.Where(p => p.Kind == ProposalKinds.Replace && drafts.ContainsKey(p.BaseVersion)))
                texts[p.Id] = drafts[p.BaseVersion];
        }
        return texts;
    }

    private static string BaseOf(ProposalResponse p, CompilationEntry entry, IReadOnlyDictionary<string, string> baseTexts) =>
        baseTexts.GetValueOrDefault(p.Id) ?? entry.Text;

    private static string Supporters(ProposalResponse p) =>
        p.Cosponsors.Count == 0 ? p.Sponsor : $"{p.Sponsor}, supported by {string.Join(", ", p.Cosponsors)}";

    private static string Label(string heading, string note) => heading.Length == 0 ? note : $"{heading} ({note})";
}
