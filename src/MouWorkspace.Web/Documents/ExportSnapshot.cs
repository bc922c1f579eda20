using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Web.Languages;

namespace MouWorkspace.Web.Documents;

/// <summary>What a Word export is asked for.</summary>
public sealed record ExportRequest(int? Revision, int? Base, bool Comments, string Language, bool AdvanceUnedited);

/// <summary>
/// Gathers the immutable snapshot a Word export shows: the revision's (or the current) clauses, the redline
/// against a base revision with each change attributed to the draft that made it, the comments and the
/// positions annex. The document itself is written by MouWorkspace.Documents, which knows no grains.
/// </summary>
public sealed class ExportSnapshot(IGrainFactory grains, TimeProvider clock)
{
    public async Task<ExportDocument> BuildAsync(MouInfo mou, ExportRequest request) => (await BuildInLanguageAsync(mou, request)).Document;

    /// <summary>The snapshot with the clause texts in the requested language (Languages/TranslatedExport.cs) and what was left untranslated.</summary>
    public async Task<(ExportDocument Document, TranslationReport Report)> BuildInLanguageAsync(MouInfo mou, ExportRequest request)
    {
        var grain = grains.GetGrain<IMouGrain>(mou.Id);
        var target = request.Revision is { } n ? await grain.GetRevisionAsync(n) : null;
        var originals = target?.Clauses ?? (await grain.GetClausesAsync()).Select(c => c.ToText()).ToArray();
        var (clauses, report) = await TranslatedExport.ApplyAsync(grains, mou.Id, originals, request.Language, target is not null);
        var document = new ExportDocument(
            Organizations.Find(mou.Organization)?.Name ?? mou.Organization,
            mou.Title,
            target?.Info.Label,
            // A revision is dated the day it was published; the current drafts carry the document's date, else today's.
            target is not null ? DateOnly.FromDateTime(target.Info.PublishedAt.UtcDateTime)
                : mou.Identity?.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            request.AdvanceUnedited,
            request.Language,
            clauses.Select(c => new ExportClause(c.Id, c.Number, c.Heading, c.Text, KindOf(c.Number))).ToArray())
        {
            Translation = report.Notes,
            Identity = await IdentityAsync(mou, target?.Info),
        };

        if (request.Base is { } baseNumber && await grain.GetRevisionAsync(baseNumber) is { } baseRevision)
        {
            if (report.Translated)
                baseRevision = baseRevision with { Clauses = (await TranslatedExport.ApplyAsync(grains, mou.Id, baseRevision.Clauses, request.Language, true)).Clauses };
            document = document with { Redline = await RedlineAsync(mou.Id, baseRevision, clauses, target?.Info.PublishedBy ?? "Secretariat", report.Translated ? request.Language : null) };
        }
        if (request.Comments)
            document = document with { Comments = await CommentsAsync(clauses, await TranslatedExport.CommentSourceAsync(grains, mou.Id, request.Language)) };
        document = document with { Origin = Origin(mou.Id, target?.Info.Number, request.Base, request.Language, false, clauses, document.Comments) };
        if (target is not null && await grain.GetPositionsAsync(target.Info.Number) is { } positions)
            document = document with
            {
                Annex = new PositionsAnnex(
                    // The state by name, the position as its wire word: the exporter writes both in the document's language.
                    positions.Positions.Select(p => new PositionRow(Domain.States.MemberStates.Find(p.MemberState)?.Name ?? p.MemberState, p.Position.ToString().ToLowerInvariant(),
                        p.Note.Length > 0 ? p.Note : null, DateOnly.FromDateTime(p.At.UtcDateTime))).ToArray(),
                    positions.Consensus.ToString().ToLowerInvariant()),
            };
        return (document, report);
    }

    /// <summary>The compilation text (CompilationExport.cs): the current text with every open proposal a tracked change by its sponsor.</summary>
    public async Task<ExportDocument> CompilationAsync(MouInfo mou, bool comments, bool advanceUnedited)
    {
        var compilation = await Amendments.Compilation.BuildAsync(grains, mou);
        var clauses = (await grains.GetGrain<IMouGrain>(mou.Id).GetClausesAsync()).Select(c => c.ToText()).ToArray();
        var document = new ExportDocument(Organizations.Find(mou.Organization)?.Name ?? mou.Organization, mou.Title, "Compilation",
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), advanceUnedited, (await LanguageReads.SettingsAsync(grains, mou.Id)).Original,
            clauses.Select(c => new ExportClause(c.Id, c.Number, c.Heading, c.Text, KindOf(c.Number))).ToArray())
        {
            Redline = CompilationExport.Build(compilation, await CompilationExport.BaseTextsAsync(grains, mou.Id, compilation)),
            Identity = await IdentityAsync(mou, null),
        };
        if (comments)
            document = document with { Comments = await CommentsAsync(clauses, id => grains.GetGrain<IClauseGrain>(ClauseKey.For(mou.Id, id))) };
        return document with { Origin = Origin(mou.Id, null, null, document.Language, true, clauses, document.Comments) };
    }

    /// <summary>
    /// The corner block: the revision's full symbol (the MOU's own symbol for the current drafts, or with a free label such
    /// as "Zero draft"), distribution, original language, session and agenda item; null while the MOU has no symbol.
    /// </summary>
    private async Task<ExportIdentity?> IdentityAsync(MouInfo mou, RevisionInfo? revision)
    {
        if (mou.Identity is not { } identity)
            return null;
        var original = (await LanguageReads.SettingsAsync(grains, mou.Id)).Original;
        return new ExportIdentity(revision?.Symbol ?? identity.Symbol, identity.Distribution, original,
            identity.Session.Length > 0 ? identity.Session : null, identity.AgendaItem.Length > 0 ? identity.AgendaItem : null);
    }

    /// <summary>What the copy holds, written into it: a markup of it is read against exactly this (DocumentEndpoints.MarkupsAsync).</summary>
    private static ExportOrigin Origin(string mouId, int? revision, int? @base, string language, bool compilation, IReadOnlyList<ClauseText> clauses,
        IReadOnlyList<ExportComment> comments) =>
        new(mouId, revision, @base, language, compilation,
            clauses.Select(c => new OriginClause(c.Id, c.Number, c.Version, MouWorkspace.Documents.Packaging.OriginPart.TextHash(c.Text))).ToArray(),
            comments.Select(c => MouWorkspace.Documents.Packaging.OriginPart.Fingerprint(c.Author, c.Text)).Distinct().ToArray());

    private async Task<ExportRedline> RedlineAsync(string mouId, RevisionSnapshot baseRevision, IReadOnlyList<ClauseText> clauses, string remover, string? translatedInto)
    {
        var before = baseRevision.Clauses.Select(Snapshot).ToList();
        var after = clauses.Select(Snapshot).ToList();
        var beforeById = baseRevision.Clauses.ToDictionary(c => c.Id);
        var afterById = clauses.ToDictionary(c => c.Id);
        // Every changed clause's drafts asked for at once (a 300-clause text: one round of grain calls, not 300 in a row).
        var comparisons = RevisionCompare.Compare(before, after).ToList();
        var runs = await Task.WhenAll(comparisons.Select(async comparison => comparison.Change switch
        {
            ClauseChange.Unchanged => (IReadOnlyList<AttributedChange>)[new(DiffOp.Equal, afterById[comparison.ClauseId].Text, null, null)],
            ClauseChange.Removed => [new(DiffOp.Delete, beforeById[comparison.ClauseId].Text, remover, baseRevision.Info.PublishedAt)],
            _ when translatedInto is not null && comparison.Change is ClauseChange.Added or ClauseChange.Changed =>
                await TranslatedExport.TranslatedRunsAsync(grains, mouId, translatedInto, comparison.ClauseId,
                    comparison.Change == ClauseChange.Added ? "" : beforeById[comparison.ClauseId].Text, afterById[comparison.ClauseId].Text,
                    afterById[comparison.ClauseId].Version, Display),
            ClauseChange.Added => await AttributedAsync(mouId, comparison.ClauseId, "", 0, afterById[comparison.ClauseId].Version),
            _ => await AttributedAsync(mouId, comparison.ClauseId, beforeById[comparison.ClauseId].Text,
                beforeById[comparison.ClauseId].Version, afterById[comparison.ClauseId].Version),
        }));
        var redline = comparisons.Select((comparison, i) =>
            new RedlineClause(comparison.ClauseId, comparison.Number, comparison.Heading, KindOf(comparison.Number), Change(comparison.Change), runs[i])).ToList();
        return new ExportRedline(baseRevision.Info.Label, redline);
    }

    /// <summary>The drafts after the base version up to the target's, each change named after its author's delegation.</summary>
    private async Task<IReadOnlyList<AttributedChange>> AttributedAsync(string mouId, string clauseId, string baseText, int baseVersion, int targetVersion)
    {
        var drafts = await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId)).GetDraftsAsync();
        var steps = drafts.Where(d => d.Version > baseVersion && d.Version <= targetVersion)
            // A draft that folded in proposals holds their sponsors' words, not the words of the officer who accepted them.
            .Select(d => new AttributedDraft(d.Text, d.Sponsor ?? Display(d.Author, d.AuthorState), d.At)).ToList();
        return AttributedDiff.Compute(baseText, steps);
    }

    private static async Task<IReadOnlyList<ExportComment>> CommentsAsync(IReadOnlyList<ClauseText> clauses, Func<string, IClauseGrain> source)
    {
        // Asked of every clause at once, written in the clauses' order.
        var lists = await Task.WhenAll(clauses.Select(clause => source(clause.Id).GetCommentsAsync()));
        return clauses.SelectMany((clause, i) => lists[i].Select(c =>
            new ExportComment(c.Id, clause.Id, Display(c.Author, c.MemberState), c.At, c.Text, c.Quote, c.ReplyTo, c.Resolved))).ToList();
    }

    /// <summary>"France (FRA)" for a delegation; staff by name.</summary>
    public static string Display(string author, string? state) =>
        state is null ? author : $"{Domain.States.MemberStates.Find(state)?.Name ?? state} ({state})";

    public static ClauseKind KindOf(string number) =>
        ClauseNumbering.TryParse(number, out var kind, out _, out _) ? kind : ClauseKind.Operative;

    private static ClauseSnapshot Snapshot(ClauseText c) => new(c.Id, c.Number, c.Heading, c.Text, c.Version);

    private static RedlineChange Change(ClauseChange change) => change switch
    {
        ClauseChange.Added => RedlineChange.Added,
        ClauseChange.Removed => RedlineChange.Removed,
        ClauseChange.Changed => RedlineChange.Changed,
        _ => RedlineChange.Unchanged,
    };
}
