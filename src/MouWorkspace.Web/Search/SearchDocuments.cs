using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Domain.Tracking;
using MouWorkspace.Search;

namespace MouWorkspace.Web.Search;

/// <summary>
/// What the index holds for a clause (its current text, each past draft, each comment and proposal, in the original
/// and in each language version) and for a reform item, read from the grains, which are the truth. Keys name what changed in the feed.
/// </summary>
public sealed class SearchDocuments(IGrainFactory grains)
{
    public const string DraftPrefix = "draft:";

    public static string ClauseKey(string mouId, string clauseId) => $"clause:{mouId}/{clauseId}";

    public static string MouKey(string mouId) => $"mou:{mouId}";

    public const string CommentPrefix = "comment:";

    /// <summary>A new comment on the original text: added as one document (<see cref="CommentAsync"/>).</summary>
    public static string CommentKey(string mouId, string clauseId, string commentId) => $"{CommentPrefix}{mouId}/{clauseId}/{commentId}";

    /// <summary>The clause a comment key belongs to, or null for another key.</summary>
    public static string? ClauseOfComment(string key) =>
        key.StartsWith(CommentPrefix, StringComparison.Ordinal) && key[CommentPrefix.Length..].Split('/') is [var mouId, var clauseId, _]
            ? ClauseKey(mouId, clauseId) : null;

    public static string ReformKey(string id) => $"reform:{id}";

    /// <summary>The documents of every owner a key stands for (an MOU key stands for each of its clauses).</summary>
    public async Task<Dictionary<string, IReadOnlyList<SearchDocument>>> ForKeyAsync(string key)
    {
        var result = new Dictionary<string, IReadOnlyList<SearchDocument>>();
        var colon = key.IndexOf(':');
        if (colon < 0)
            return result;
        var (kind, rest) = (key[..colon], key[(colon + 1)..]);
        switch (kind)
        {
            case "clause" when rest.Split('/') is [var mouId, var clauseId] && Ids.IsWellFormed(mouId) && Ids.IsWellFormed(clauseId):
                var mou = await grains.GetGrain<IMouGrain>(mouId).GetInfoAsync();
                result[key] = mou is null || !mou.ClauseIds.Contains(clauseId) ? [] : await ClauseAsync(mou, clauseId);
                break;
            case "mou" when Ids.IsWellFormed(rest):
                var info = await grains.GetGrain<IMouGrain>(rest).GetInfoAsync();
                if (info is not null)
                    foreach (var clauseId in info.ClauseIds)
                        result[ClauseKey(rest, clauseId)] = await ClauseAsync(info, clauseId);
                break;
            case "reform" when Ids.IsWellFormed(rest):
                var item = await grains.GetGrain<IReformItemGrain>(rest).GetAsync();
                result[key] = item is null ? [] : [Reform(item)];
                break;
        }
        return result;
    }

    /// <summary>
    /// A clause's documents: its text, past drafts, comments and proposals in the original, and the same for each
    /// of the MOU's language versions that has a translation (linked to that language's clause page).
    /// </summary>
    public async Task<IReadOnlyList<SearchDocument>> ClauseAsync(MouInfo mou, string clauseId)
    {
        var documents = new List<SearchDocument>();
        var original = await VersionAsync(mou, clauseId, null, documents);
        if (original is null)
            return [];
        var languages = await grains.GetGrain<IMouLanguagesGrain>(mou.Id).GetLanguagesAsync();
        foreach (var version in languages?.Versions ?? [])
            await VersionAsync(mou, clauseId, version.Code, documents);
        return documents;
    }

    /// <summary>Adds one language version's documents (null: the original); null when that version has no text.</summary>
    private async Task<ClauseView?> VersionAsync(MouInfo mou, string clauseId, string? language, List<SearchDocument> documents)
    {
        var grain = grains.GetGrain<IClauseGrain>(language is null
            ? MouWorkspace.Abstractions.Common.ClauseKey.For(mou.Id, clauseId)
            : MouWorkspace.Abstractions.Common.ClauseKey.For(mou.Id, clauseId, language));
        var view = await grain.GetAsync();
        if (view is null)
            return null;
        var drafts = await grain.GetDraftsAsync();
        var comments = await grain.GetCommentsAsync();
        var proposals = await grain.GetProposalsAsync();
        var (owner, link, id, readers, name) = Facts(mou, clauseId, language, view);
        documents.Add(new($"clause:{id}", owner, SearchKinds.Clause, mou.Organization, mou.Id, clauseId,
            $"{name} — {mou.Title}", view.Text, link, readers, view.UpdatedAt));
        documents.AddRange(drafts.Where(d => d.Version != view.Version).Select(d =>
            new SearchDocument($"{DraftPrefix}{id}/{d.Version}", owner, SearchKinds.Clause, mou.Organization, mou.Id, clauseId,
                $"{name}, draft {d.Version} — {mou.Title}", d.Text, link + "#history", readers, d.At)));
        documents.AddRange(comments.Select(c => CommentDocument(mou, clauseId, language, view, c)));
        documents.AddRange(proposals.Select(p =>
            new SearchDocument($"proposal:{id}/{p.Id}", owner, SearchKinds.Proposal, mou.Organization, mou.Id, clauseId,
                $"Proposal of {p.OnBehalfOf} on {name}", p.Text, link + "#proposal-" + p.Id, readers, p.At)));
        return view;
    }

    /// <summary>What every document of one language version of a clause shares: its owner, page, id stem, readers and name.</summary>
    private static (string Owner, string Link, string Id, IReadOnlyList<string> Readers, string Name) Facts(MouInfo mou, string clauseId, string? language, ClauseView view)
    {
        var link = $"/mous/{Uri.EscapeDataString(mou.Id)}/clauses/{Uri.EscapeDataString(clauseId)}" +
            (language is null ? "" : $"/languages/{Uri.EscapeDataString(language)}");
        // Ids of a language version's documents carry the language, so the original's and each translation's are apart.
        var id = language is null ? $"{mou.Id}/{clauseId}" : $"{mou.Id}/{clauseId}.{language}";
        var name = (string.IsNullOrWhiteSpace(view.Heading) ? view.Number : $"{view.Number} {view.Heading}") +
            (language is null ? "" : $" ({language})");
        return (ClauseKey(mou.Id, clauseId), link, id, SearchAccess.DocumentReaders(mou), name);
    }

    private static SearchDocument CommentDocument(MouInfo mou, string clauseId, string? language, ClauseView view, Comment c)
    {
        var (owner, link, id, readers, name) = Facts(mou, clauseId, language, view);
        return new SearchDocument($"comment:{id}/{c.Id}", owner, SearchKinds.Comment, mou.Organization, mou.Id, clauseId,
            $"Comment by {c.Author}{(c.MemberState is null ? "" : $" ({c.MemberState})")} on {name}",
            c.Quote is null ? c.Text : $"{c.Text}\n“{c.Quote}”", link + "#comment-" + c.Id, readers, c.At);
    }

    /// <summary>
    /// The document of one new comment on the original text, to be added without re-reading its clause (a busy clause
    /// has hundreds); null when the clause or the comment is not there (any more), which its clause's key then mends.
    /// </summary>
    public async Task<SearchDocument?> CommentAsync(string key)
    {
        if (!key.StartsWith(CommentPrefix, StringComparison.Ordinal) || key[CommentPrefix.Length..].Split('/') is not [var mouId, var clauseId, var commentId]
            || !Ids.IsWellFormed(mouId) || !Ids.IsWellFormed(clauseId))
            return null;
        var mou = await grains.GetGrain<IMouGrain>(mouId).GetInfoAsync();
        if (mou is null || !mou.ClauseIds.Contains(clauseId))
            return null;
        var grain = grains.GetGrain<IClauseGrain>(MouWorkspace.Abstractions.Common.ClauseKey.For(mouId, clauseId));
        var view = await grain.GetAsync();
        if (view is null)
            return null;
        var thread = await grain.GetCommentThreadAsync(commentId, parents: 0);
        return thread.Count == 0 ? null : CommentDocument(mou, clauseId, null, view, thread[^1]);
    }

    public static SearchDocument Reform(ReformItemView item)
    {
        var s = item.Summary;
        var history = string.Join("\n", item.History.Select(h => h.Note).Where(n => !string.IsNullOrWhiteSpace(n)));
        return new SearchDocument($"reform:{s.Id}", ReformKey(s.Id), SearchKinds.ReformItem, s.Organization, null, null,
            $"{s.Title} ({ReformRules.Title(s.Pillar)})", string.IsNullOrWhiteSpace(history) ? item.Description : item.Description + "\n" + history,
            $"/reform/{Uri.EscapeDataString(s.Id)}", [Readers.Everyone],
            item.History.Count > 0 ? item.History[^1].RecordedAt : DateTimeOffset.UnixEpoch);
    }
}
