namespace MouWorkspace.Search;

/// <summary>What the search box finds, as the API and the page name it.</summary>
public static class SearchKinds
{
    public const string Clause = "clause";
    public const string Comment = "comment";
    public const string Proposal = "proposal";
    public const string ReformItem = "reform-item";

    public static readonly IReadOnlyList<string> All = [Clause, Comment, Proposal, ReformItem];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

/// <summary>
/// Who may read a document, as tokens that a caller's rights are matched against (see <c>SearchAccess</c> in the
/// web project, which derives a caller's tokens from the same rules as the API's <c>MouAccess</c>).
/// </summary>
public static class Readers
{
    /// <summary>Anyone signed in (the reform board is public).</summary>
    public const string Everyone = "everyone";

    /// <summary>Every user of the organization (an MOU's current text; drafts and comments of an open round).</summary>
    public static string Organization(string organization) => "org:" + organization.ToLowerInvariant();

    /// <summary>Staff (secretariat, legal officers) of the organization: they see confidential rounds.</summary>
    public static string Staff(string organization) => "staff:" + organization.ToLowerInvariant();

    /// <summary>Delegates of a party of a confidential round.</summary>
    public static string Party(string organization, string memberState) => $"party:{organization.ToLowerInvariant()}:{memberState.ToUpperInvariant()}";
}

/// <summary>
/// One searchable thing: a clause's current text or a past draft, a comment, a proposal, a reform item.
/// <paramref name="Owner"/> groups the documents that are replaced together (every document of one clause, or of
/// one reform item); <paramref name="Readers"/> says who may see it (<see cref="Readers"/>).
/// </summary>
public sealed record SearchDocument(
    string Id,
    string Owner,
    string Kind,
    string Organization,
    string? MouId,
    string? ClauseId,
    string Title,
    string Text,
    string Link,
    IReadOnlyList<string> Readers,
    DateTimeOffset At);

/// <summary>
/// A query: the user's words (Lucene syntax), optional filters, and the caller's reader tokens
/// (<see langword="null"/> = everything, an administrator).
/// </summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyList<string>? Readers,
    string? Organization = null,
    string? MouId = null,
    string? Kind = null,
    int Take = 50)
{
    public const int MaxLength = 500;
}

/// <summary>A hit: <paramref name="Highlight"/> and <paramref name="TitleHighlight"/> are HTML in which only &lt;mark&gt; is markup.</summary>
public sealed record SearchHit(
    string Id,
    string Kind,
    string Organization,
    string? MouId,
    string? ClauseId,
    string Title,
    string TitleHighlight,
    string Highlight,
    string Link,
    float Score,
    DateTimeOffset At);

public sealed record SearchResults(int Total, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<SearchHit> Hits);

/// <summary>Where an index stands in the change feed (<c>ISearchFeedGrain</c>): saved with the index.</summary>
public sealed record SearchCheckpoint(string Schema, Guid Epoch, long Sequence);

/// <summary>The query cannot be run as written (syntax, too long, too broad): the API answers 400.</summary>
public sealed class SearchQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The search index: Lucene.NET on local disk (<see cref="Lucene.LuceneSearchIndex"/>) by default, Azure AI Search
/// (<see cref="Azure.AzureSearchIndex"/>) for a cloud deployment. Documents are replaced per owner.
/// </summary>
public interface ISearchIndex : IAsyncDisposable
{
    /// <summary>Replaces every document of each owner with the given ones (an owner with none is deleted).</summary>
    Task ReplaceAsync(IReadOnlyDictionary<string, IReadOnlyList<SearchDocument>> byOwner, CancellationToken cancellationToken = default);

    /// <summary>Adds the documents, or replaces those with the same id (one new comment, without re-reading its whole clause).</summary>
    Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Starts a full rebuild: documents written from now on replace the whole index once <see cref="CommitAsync"/> runs.</summary>
    Task BeginRebuildAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes what was written visible and durable, with the feed position it reflects.</summary>
    Task CommitAsync(SearchCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The position saved by the last commit, or null when there is no index yet (then it must be built).</summary>
    Task<SearchCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a query; <see cref="SearchQueryException"/> when it cannot be parsed or run.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}
