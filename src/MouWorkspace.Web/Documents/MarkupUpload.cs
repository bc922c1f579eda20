using System.Security.Claims;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Markups;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Packaging;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Languages;

namespace MouWorkspace.Web.Documents;

/// <summary>
/// <c>POST /api/mous/{id}/markups</c>: a delegation's marked-up copy becomes its proposals (new wording on clauses; new paragraphs,
/// deletions and moves on the MOU) and comments. Attribution is the uploading delegation; Word's own author and date of each
/// change and comment are kept beside it (recordedBy / recordedAt). The same file uploaded again adds nothing.
/// </summary>
internal static class MarkupUpload
{
    public static async Task<IResult> UploadAsync(string mouId, IFormFile? file, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (file is null || file.Length == 0)
            return Problems.Invalid("file", "file: send the marked-up .docx as the multipart field 'file'");
        var state = user.MemberState();
        if (state is null)
            return Problems.Forbidden("a markup becomes proposals of the delegate's state, and your sign-in carries none");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var clauses = await access.Grain.GetClausesAsync();
        MarkupResult markup;
        try
        {
            await using var stream = file.OpenReadStream();
            markup = MarkupReader.Read(stream, clauses.Select(c => new MarkupClause(c.Id, c.Number, c.Text)).ToArray());
        }
        catch (DocumentRejectedException rejected)
        {
            return DocumentEndpoints.Rejected(rejected);
        }

        // Our export says where it comes from: the markup is read against exactly what was sent, in its language.
        var origin = markup.Origin;
        if (origin is not null && origin.MouId != mouId)
            return Problems.Unprocessable($"this copy was exported from another text ({origin.MouId}); upload the markup to that text");
        var original = (await LanguageReads.SettingsAsync(grains, mouId)).Original;
        var language = origin?.Language is { } sent && sent != original ? sent : null;
        IClauseGrain Target(string clauseId) => language is null ? Clause(grains, mouId, clauseId) : grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId, language));

        var actor = user.ToActor();
        var unmatched = markup.Unmatched.Select(u => new UnmatchedResponse(u.Kind.ToString().ToLowerInvariant(), u.Text, u.Reason)).ToList();
        var proposals = 0;
        foreach (var proposal in markup.Proposals)
        {
            var sentClause = origin?.Clauses.FirstOrDefault(c => c.Id == proposal.ClauseId);
            // The paragraph as it was sent (the secretariat's own tracked changes accepted, nothing of the delegation's): no proposal.
            if (sentClause is not null && OriginPart.TextHash(proposal.ProposedText) == sentClause.TextHash)
                continue;
            var (text, refusal) = sentClause is null || language is not null
                ? (proposal.ProposedText, null)
                : await RebasedAsync(Clause(grains, mouId, proposal.ClauseId), proposal, sentClause.Version);
            if (refusal is not null)
            {
                unmatched.Add(new UnmatchedResponse("paragraph", proposal.ProposedText, refusal));
                continue;
            }
            var target = Target(proposal.ClauseId);
            var before = (await target.GetProposalsAsync()).Select(p => p.Id).ToHashSet();
            var added = await target.AddProposalAsync(text!, state, actor, Recorded(proposal.Authors, proposal.At));
            if (added.Ok && !before.Contains(added.Value!.Id)) // the same proposal made again is the one made before
                proposals++;
            else if (!added.Ok)
                unmatched.Add(new UnmatchedResponse("paragraph", proposal.ProposedText, added.Message ?? "refused"));
        }
        proposals += await StructureAsync(access.Grain, markup.Structure, origin, language, state, actor, unmatched);
        var comments = await CommentsAsync(markup.Comments, clauses, Target, state, actor, unmatched);
        return TypedResults.Ok(new MarkupResponse(proposals, comments, unmatched));
    }

    /// <summary>
    /// New paragraphs, deletions and moves as the MOU's proposals (issue 18.4, 18.5). What the copy showed as it was sent is not the
    /// delegation's: a redline's own removed clause (not a clause the copy held), a compilation's open proposals.
    /// </summary>
    private static async Task<int> StructureAsync(IMouGrain mou, IReadOnlyList<StructureProposal> structure, ExportOrigin? origin, string? language,
        string state, Actor actor, List<UnmatchedResponse> unmatched)
    {
        if (structure.Count == 0)
            return 0;
        var existing = await mou.GetParagraphProposalsAsync();
        var added = 0;
        foreach (var change in structure)
        {
            var kind = change.Kind switch { StructureKind.Insert => ProposalKinds.Insert, StructureKind.Delete => ProposalKinds.Delete, _ => ProposalKinds.Move };
            var clauseId = change.Kind == StructureKind.Insert ? null : change.ClauseId;
            var after = change.Kind == StructureKind.Delete ? null : change.After;
            if (change.Kind == StructureKind.Delete && origin is not null
                && origin.Clauses.FirstOrDefault(c => c.Id == change.ClauseId)?.TextHash != OriginPart.TextHash(change.Text))
                continue;
            if (origin is { Compilation: true } && existing.Any(p => p.IsOpen && p.Kind == kind && p.ClauseId == clauseId && p.After == after && p.Text == change.Text))
                continue;
            var described = change.Kind == StructureKind.Insert ? change.Text : $"{change.Number} ({kind})";
            if (change.Kind == StructureKind.Insert && (language is not null
                || TextRules.Validate(change.Text, "text", maxLength: TextLimits.Proposal) is not null
                || TextRules.Validate(change.Heading, "heading", required: false, maxLength: TextLimits.Heading) is not null))
            {
                unmatched.Add(new UnmatchedResponse("paragraph", described, language is not null
                    ? "a new paragraph in a language version: propose it on the original text"
                    : "a new paragraph that cannot be a proposal: " + (TextRules.Validate(change.Text, "text", maxLength: TextLimits.Proposal)
                        ?? TextRules.Validate(change.Heading, "heading", required: false, maxLength: TextLimits.Heading))));
                continue;
            }
            var outcome = await mou.ProposeParagraphAsync(new ParagraphProposal(kind, clauseId, after,
                change.Kind == StructureKind.Insert ? change.Heading : null, change.Kind == StructureKind.Insert ? change.Text : "",
                change.Kind == StructureKind.Insert ? change.ClauseKind.ToString().ToLowerInvariant() : null, state, actor, Recorded(change.Authors, change.At)));
            if (outcome.Ok && existing.All(p => p.Id != outcome.Value!.Id))
                added++;
            else if (!outcome.Ok)
                unmatched.Add(new UnmatchedResponse("paragraph", described, outcome.Message ?? "refused"));
        }
        return added;
    }

    private static async Task<int> CommentsAsync(IReadOnlyList<MarkupComment> markupComments, IReadOnlyList<ClauseView> clauses, Func<string, IClauseGrain> target,
        string state, Actor actor, List<UnmatchedResponse> unmatched)
    {
        var commentIds = new Dictionary<string, string>();
        var comments = 0;
        var existing = new Dictionary<string, IReadOnlyList<Comment>>();
        foreach (var comment in markupComments)
        {
            var current = clauses.First(c => c.Id == comment.ClauseId).Text;
            var quote = comment.Quote.Length > 0 && current.Contains(comment.Quote, StringComparison.Ordinal) ? comment.Quote : null;
            var replyTo = comment.ParentWordId is { } parent && commentIds.TryGetValue(parent, out var parentId) ? parentId : null;
            // The same file uploaded again: its comments are there already (the delegation's, same words).
            if (!existing.TryGetValue(comment.ClauseId, out var onClause))
                existing[comment.ClauseId] = onClause = await target(comment.ClauseId).GetCommentsAsync();
            if (onClause.FirstOrDefault(c => c.MemberState == state && c.Text == comment.Text.Trim()) is { } same)
            {
                commentIds[comment.WordId] = same.Id;
                continue;
            }
            var recorded = comment.Author.Trim().Length > 0 ? new Recorded(comment.Author.Trim(), comment.At) : null;
            var added = await target(comment.ClauseId).AddCommentAsync(comment.Text, quote, replyTo, actor, recorded);
            if (added.Ok)
            {
                commentIds[comment.WordId] = added.Value!.Id;
                comments++;
            }
            else
            {
                unmatched.Add(new UnmatchedResponse("comment", comment.Text, added.Message ?? "refused"));
            }
        }
        return comments;
    }

    /// <summary>Word's authors of a change ("Delegation of India", or several joined) and its date; null when the file names nobody.</summary>
    private static Recorded? Recorded(IReadOnlyList<string> authors, DateTimeOffset? at) =>
        authors.Count == 0 ? (at is null ? null : new Recorded("", at)) : new Recorded(string.Join(", ", authors), at);

    /// <summary>
    /// A markup of an older version rebased onto the current text (issue 18.3): the delegation's change from the version it
    /// was sent merged with what changed since, word by word; a change of words that changed since is refused in words.
    /// </summary>
    private static async Task<(string? Text, string? Refusal)> RebasedAsync(IClauseGrain clause, ClauseProposal proposal, int sentVersion)
    {
        var drafts = await clause.GetDraftsAsync();
        var current = drafts[^1];
        if (sentVersion >= current.Version || drafts.FirstOrDefault(d => d.Version == sentVersion) is not { } sent)
            return (proposal.ProposedText, null);
        var merged = Domain.Amendments.ThreeWayMerge.Merge(sent.Text, proposal.ProposedText, current.Text, "markup");
        if (merged.IsMerged)
            return (merged.Text, null);
        var words = string.Join("; ", merged.Clashes.Take(3).Select(c => $"“{c.Words.Base}” became “{c.Words.Current}” since, the markup makes it “{c.Words.Proposal}”"));
        return (null, $"the copy was of version {sentVersion} of {proposal.Number} and the text has changed since ({words}): propose it again on the current text");
    }

    private static IClauseGrain Clause(IGrainFactory grains, string mouId, string clauseId) => grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId));
}
