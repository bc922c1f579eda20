using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.States;

namespace MouWorkspace.Web.Amendments;

/// <summary>
/// The compilation text a chair works from (issue 17.7): every clause in document order with its current text and its open
/// proposals (new wording, deletion, move; each attributed, with its co-sponsors and clash groups), and each proposed new
/// paragraph where it would stand, with the number it would get.
/// </summary>
public sealed record CompilationResponse(string MouId, string Title, ProposalWindow Window, int OpenProposals, IReadOnlyList<CompilationEntry> Entries);

/// <param name="Type">"clause" (a paragraph of the text) or "new-paragraph" (a proposed one, not yet in the text)</param>
/// <param name="Number">The paragraph's number; for a proposed paragraph, the one it would get if accepted now ("OP3 bis")</param>
/// <param name="Kind">preambular or operative</param>
/// <param name="Agreement">open, ad-ref or agreed (a clause only)</param>
/// <param name="Proposals">A clause's open proposals (new wording, sub-amendments, deletion, move); a new paragraph's own proposal</param>
/// <param name="ClashGroups">Open proposals of the clause whose changed words overlap, two or more per group</param>
public sealed record CompilationEntry(string Type, string? ClauseId, string Number, string Heading, string Kind, string Text, int? Version,
    string? Agreement, IReadOnlyList<ProposalResponse> Proposals, IReadOnlyList<IReadOnlyList<string>> ClashGroups);

public static class Compilation
{
    public const string ClauseEntry = "clause";
    public const string NewParagraph = "new-paragraph";

    /// <summary>
    /// The compilation of <paramref name="mou"/>. <paramref name="state"/>: only proposals of that state or group (as sponsor,
    /// the delegate who made it, or co-sponsor; a group's proposals count for its members) and the paragraphs they concern;
    /// <paramref name="agreement"/>: only clauses of that agreement status.
    /// </summary>
    public static async Task<CompilationResponse> BuildAsync(IGrainFactory grains, MouInfo mou, string? state = null, string? agreement = null)
    {
        var grain = grains.GetGrain<IMouGrain>(mou.Id);
        var clausesTask = grain.GetClausesAsync();
        var paragraphsTask = grain.GetParagraphProposalsAsync();
        var windowTask = grain.GetProposalWindowAsync();
        var clauses = await clausesTask;
        var perClause = (await Task.WhenAll(clauses.Select(c => ProposalReads.OfClauseAsync(grains, mou.Id, c.Id)))).ToDictionary(c => c.ClauseId);
        var paragraphs = (await paragraphsTask).Where(p => p.IsOpen).ToList();
        bool Matches(ProposalResponse p) => state is null || Concerns(p, state);

        var numbers = clauses.Select(c => c.Number).ToList();
        var entries = new List<CompilationEntry>();
        void AddNewParagraphs(string? after, int index)
        {
            foreach (var insert in paragraphs.Where(p => p.Kind == ProposalKinds.Insert && p.After == after))
            {
                var response = ProposalReads.Response(insert, null, []);
                if (!Matches(response) || agreement is not null && agreement != "open")
                    continue;
                var kind = insert.ClauseKind == "preambular" ? ClauseKind.Preambular : ClauseKind.Operative;
                entries.Add(new CompilationEntry(NewParagraph, null, ClauseNumbering.Next(kind, numbers, index), insert.Heading ?? "",
                    insert.ClauseKind ?? "operative", insert.Text, null, null, [response], []));
            }
        }

        AddNewParagraphs(null, 0);
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var own = perClause[clause.Id];
            var open = own.Proposals.Where(p => p.Status == ProposalStatuses.Open)
                .Concat(paragraphs.Where(p => p.Kind is ProposalKinds.Delete or ProposalKinds.Move && p.ClauseId == clause.Id)
                    .Select(p => ProposalReads.Response(p, clause.Id, [])))
                .ToList();
            var shown = open.Where(Matches).ToList();
            var keep = (agreement is null || agreement == clause.Agreement) && (state is null || shown.Count > 0);
            if (keep)
            {
                var groups = own.Clashes?.Groups.Select(g => (IReadOnlyList<string>)g.Where(id => shown.Any(p => p.Id == id)).ToArray())
                    .Where(g => g.Count > 1).ToArray() ?? [];
                entries.Add(new CompilationEntry(ClauseEntry, clause.Id, clause.Number, clause.Heading,
                    ClauseNumbering.TryParse(clause.Number, out var kind, out _, out _) && kind == ClauseKind.Preambular ? "preambular" : "operative",
                    clause.Text, clause.Version, clause.Agreement, shown, groups));
            }
            AddNewParagraphs(clause.Id, i + 1);
        }
        // New paragraphs proposed after a clause that has left the text since: at the end, so that none is lost.
        foreach (var orphan in paragraphs.Where(p => p.Kind == ProposalKinds.Insert && p.After is { } a && clauses.All(c => c.Id != a)))
        {
            var response = ProposalReads.Response(orphan, null, []);
            if (Matches(response) && agreement is null or "open")
                entries.Add(new CompilationEntry(NewParagraph, null, "", orphan.Heading ?? "", orphan.ClauseKind ?? "operative", orphan.Text, null, null, [response], []));
        }
        var count = perClause.Values.Sum(c => c.Proposals.Count(p => p.Status == ProposalStatuses.Open)) + paragraphs.Count;
        return new CompilationResponse(mou.Id, mou.Title, await windowTask, count, entries);
    }

    /// <summary>Whether a proposal is <paramref name="state"/>'s: its sponsor (a state or a group), the delegate's state, a co-sponsor, or a group the state is in.</summary>
    public static bool Concerns(ProposalResponse p, string state)
    {
        var code = state.ToUpperInvariant();
        if (p.OnBehalfOf == code || p.MemberState == code || p.Cosponsors.Contains(code))
            return true;
        return MemberStates.FindGroup(p.OnBehalfOf) is { } group && group.Members.Contains(code);
    }
}
