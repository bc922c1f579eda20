using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MouWorkspace.Search.Lucene;

/// <summary>
/// The local search index: Lucene.NET 4.8 in a folder (or in memory for tests). One writer; searches use
/// near-real-time readers from a <see cref="SearcherManager"/>, refreshed after each change, so a change is
/// searchable without a commit; commits (with the feed position as commit data) make it durable.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex
{
    /// <summary>Bumped whenever fields or analysis change: an index of another schema is rebuilt.</summary>
    public const string Schema = "mou-search-3"; // 2: a confidential round's current text has its parties and staff as readers; 3: stemmed fields, document symbols

    private const string IdField = "id";
    private const string OwnerField = "owner";
    private const string KindField = "kind";
    private const string OrganizationField = "org";
    private const string MouField = "mou";
    private const string ClauseField = "clause";
    internal const string TitleField = "title";
    internal const string TextField = "text";
    internal const string TitleStemField = "title.stem";
    internal const string TextStemField = "text.stem";
    internal const string SymbolField = "symbol";
    private const string LinkField = "link";
    private const string ReadersField = "readers";
    private const string AtField = "at";

    /// <summary>Fields a query may not name: they hold ids and rights (filters are the API's parameters).</summary>
    internal static readonly IReadOnlySet<string> InternalFields =
        new HashSet<string>([IdField, OwnerField, KindField, OrganizationField, MouField, ClauseField, LinkField, ReadersField, AtField]);

    private readonly LuceneDirectory directory;
    private readonly Analyzer analyzer = new PerFieldAnalyzerWrapper(new MultilingualAnalyzer(), new Dictionary<string, Analyzer>
    {
        [TitleStemField] = new MultilingualAnalyzer(stemmed: true),
        [TextStemField] = new MultilingualAnalyzer(stemmed: true),
        [SymbolField] = new KeywordAnalyzer(),
    });
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private volatile bool rebuilding;

    private LuceneSearchIndex(LuceneDirectory directory)
    {
        this.directory = directory;
        var config = new IndexWriterConfig(MultilingualAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        };
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>
    /// Opens (or creates) the index in <paramref name="path"/>; throws <see cref="LockObtainFailedException"/> when
    /// another process holds it. An index that cannot be read (a commit naming a file that is gone, a damaged file:
    /// a disk that lost writes, a folder shared by mistake) is deleted and created empty, and
    /// <paramref name="recreated"/> is told why: the index is derived data, rebuilt from the change feed.
    /// </summary>
    public static LuceneSearchIndex Open(string path, Action<Exception>? recreated = null)
    {
        try
        {
            return OpenExisting(path);
        }
        catch (IOException ex) when (ex is not LockObtainFailedException) // CorruptIndexException and the format ones are IOExceptions too
        {
            recreated?.Invoke(ex);
            System.IO.Directory.Delete(path, recursive: true);
            return OpenExisting(path);
        }
    }

    private static LuceneSearchIndex OpenExisting(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            return new LuceneSearchIndex(directory);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public static LuceneSearchIndex InMemory() => new(new RAMDirectory());

    public Task ReplaceAsync(IReadOnlyDictionary<string, IReadOnlyList<SearchDocument>> byOwner, CancellationToken cancellationToken = default)
    {
        foreach (var (owner, documents) in byOwner)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!rebuilding)
                writer.DeleteDocuments(new Term(OwnerField, owner));
            if (documents.Count > 0)
                writer.AddDocuments(documents.Select(ToLucene));
        }
        if (!rebuilding)
            searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document));
        }
        if (!rebuilding && documents.Count > 0)
            searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task BeginRebuildAsync(CancellationToken cancellationToken = default)
    {
        rebuilding = true;
        // Not visible until the commit: searches keep the old reader meanwhile.
        writer.DeleteAll();
        return Task.CompletedTask;
    }

    public Task CommitAsync(SearchCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            ["schema"] = checkpoint.Schema,
            ["epoch"] = checkpoint.Epoch.ToString("N"),
            ["sequence"] = checkpoint.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        writer.Commit();
        rebuilding = false;
        searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<SearchCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (!DirectoryReader.IndexExists(directory))
            return Task.FromResult<SearchCheckpoint?>(null);
        var data = DirectoryReader.ListCommits(directory).Last().UserData;
        if (data is null || !data.TryGetValue("schema", out var schema) || !data.TryGetValue("epoch", out var epoch) ||
            !data.TryGetValue("sequence", out var sequence) || !Guid.TryParse(epoch, out var epochId) || !long.TryParse(sequence, out var number))
            return Task.FromResult<SearchCheckpoint?>(null);
        return Task.FromResult<SearchCheckpoint?>(new SearchCheckpoint(schema, epochId, number));
    }

    /// <summary>How many documents the searchable reader holds.</summary>
    public int Count()
    {
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var (parsed, highlight) = ParseForSearch(query.Text);
        var searcher = searchers.Acquire();
        try
        {
            var restriction = Restriction(query, query.Kind);
            var top = searcher.Search(parsed, restriction is null ? null : new QueryWrapperFilter(restriction), Math.Clamp(query.Take, 1, 200));
            var counts = new Dictionary<string, int>();
            foreach (var kind in SearchKinds.All)
            {
                var byKind = Restriction(query, kind)!;
                counts[kind] = searcher.Search(parsed, new QueryWrapperFilter(byKind), 1).TotalHits;
            }
            var textHighlighter = Highlighter(highlight, TextStemField);
            var titleHighlighter = Highlighter(highlight, TitleStemField);
            var hits = top.ScoreDocs.Select(scoreDoc =>
            {
                var document = searcher.Doc(scoreDoc.Doc);
                var text = document.Get(TextField) ?? "";
                var title = document.Get(TitleField) ?? "";
                return new SearchHit(document.Get(IdField), document.Get(KindField), document.Get(OrganizationField),
                    document.Get(MouField), document.Get(ClauseField), title,
                    Highlight(titleHighlighter, TitleStemField, title, 1, title.Length + 1) ??
                        Highlight(Highlighter(highlight, TitleField), TitleField, title, 1, title.Length + 1) ?? SafeHtml.Encode(title),
                    Highlight(textHighlighter, TextStemField, text, 3, 0) ??
                        Highlight(Highlighter(highlight, TextField), TextField, text, 3, 160) ?? SafeHtml.Excerpt(text),
                    document.Get(LinkField), scoreDoc.Score,
                    new DateTimeOffset(long.Parse(document.Get(AtField), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero));
            }).ToArray();
            return Task.FromResult(new SearchResults(top.TotalHits, counts, hits));
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new SearchQueryException("the query matches too many words (a wildcard too short?): make it more precise", ex);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The user's words in Lucene's classic syntax over title and text (exact and stemmed), every word required;
    /// words written without spaces (Chinese) become a phrase of their bigrams; a document symbol is looked up whole
    /// and bracketed alternatives as a phrase (<see cref="QueryRewriter"/>). Text the parser cannot read (an open
    /// quote, a dangling operator) is read again as plain words; only if that fails too is it refused, with our
    /// message rather than the parser's. Other fields cannot be named (they hold ids and rights).
    /// </summary>
    public Query Parse(string text) => ParseForSearch(text).Query;

    private (Query Query, Query Highlight) ParseForSearch(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new SearchQueryException("q: say what to search for");
        if (text.Length > SearchQuery.MaxLength)
            throw new SearchQueryException($"q: at most {SearchQuery.MaxLength} characters");
        var symbols = new List<string>();
        var query = TryParse(QueryRewriter.Rewrite(text, plain: false, symbols));
        if (query is null)
        {
            symbols.Clear();
            query = TryParse(QueryRewriter.Rewrite(text, plain: true, symbols)) ??
                throw new SearchQueryException($"q: “{Shorten(text)}” could not be read as a search; try words or a quoted phrase");
        }
        if (query is BooleanQuery { Clauses.Count: 0 })
            throw new SearchQueryException("q: the query holds no searchable word");
        if (symbols.Count == 0)
            return (query, query);
        // The symbol field is not analyzed text: its words are marked through phrases of the symbol on the text fields.
        var highlight = new BooleanQuery { { query, Occur.SHOULD } };
        var builder = new QueryBuilder(analyzer);
        foreach (var symbol in symbols)
            foreach (var field in new[] { TextStemField, TitleStemField, TextField, TitleField })
                if (builder.CreatePhraseQuery(field, symbol) is { } phrase)
                    highlight.Add(phrase, Occur.SHOULD);
        return (query, highlight);
    }

    private Query? TryParse(string text)
    {
        var parser = new RestrictedParser(analyzer)
        {
            DefaultOperator = Operator.AND,
            AutoGeneratePhraseQueries = true,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException)
        {
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static Query? Restriction(SearchQuery query, string? kind)
    {
        var filter = new BooleanQuery();
        if (kind is not null)
            filter.Add(new TermQuery(new Term(KindField, kind)), Occur.MUST);
        if (!string.IsNullOrEmpty(query.Organization))
            filter.Add(new TermQuery(new Term(OrganizationField, query.Organization.ToLowerInvariant())), Occur.MUST);
        if (!string.IsNullOrEmpty(query.MouId))
            filter.Add(new TermQuery(new Term(MouField, query.MouId)), Occur.MUST);
        if (query.Readers is { } readers)
        {
            var any = new BooleanQuery();
            foreach (var reader in readers)
                any.Add(new TermQuery(new Term(ReadersField, reader)), Occur.SHOULD);
            // No tokens at all: nothing is readable (an empty SHOULD group would match everything).
            if (readers.Count == 0)
                any.Add(new TermQuery(new Term(ReadersField, "\u0000none")), Occur.MUST);
            filter.Add(any, Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : filter;
    }

    private Highlighter Highlighter(Query query, string field) =>
        new(new SimpleHTMLFormatter(SafeHtml.MarkOpen, SafeHtml.MarkClose), new LuceneHtmlEncoder(), new QueryScorer(query, field))
        {
            TextFragmenter = new SimpleFragmenter(160),
            MaxDocCharsToAnalyze = 200_000,
        };

    private string? Highlight(Highlighter highlighter, string field, string text, int fragments, int fragmentSize)
    {
        if (text.Length == 0)
            return null;
        if (fragmentSize > 0)
            highlighter.TextFragmenter = new SimpleFragmenter(fragmentSize);
        var best = highlighter.GetBestFragments(analyzer, field, text, fragments);
        // A symbol's pieces (ST/SGB/2003/13) are one mark, not four.
        return best is { Length: > 0 } ? JoinedMarks().Replace(string.Join(" … ", best), "$1") : null;
    }

    private static Document ToLucene(SearchDocument d)
    {
        var document = new Document
        {
            new StringField(IdField, d.Id, Field.Store.YES),
            new StringField(OwnerField, d.Owner, Field.Store.NO),
            new StringField(KindField, d.Kind, Field.Store.YES),
            new StringField(OrganizationField, d.Organization.ToLowerInvariant(), Field.Store.YES),
            new TextField(TitleField, d.Title, Field.Store.YES),
            new TextField(TextField, d.Text, Field.Store.YES),
            new TextField(TitleStemField, d.Title, Field.Store.NO),
            new TextField(TextStemField, d.Text, Field.Store.NO),
            new StoredField(LinkField, d.Link),
            new StoredField(AtField, d.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (d.MouId is not null)
            document.Add(new StringField(MouField, d.MouId, Field.Store.YES));
        if (d.ClauseId is not null)
            document.Add(new StringField(ClauseField, d.ClauseId, Field.Store.YES));
        foreach (var symbol in DocumentSymbols.InText(d.Title + "\n" + d.Text))
            document.Add(new StringField(SymbolField, symbol, Field.Store.NO));
        foreach (var reader in d.Readers)
            document.Add(new StringField(ReadersField, reader, Field.Store.NO));
        return document;
    }

    [System.Text.RegularExpressions.GeneratedRegex("</mark>([/.-])<mark>")]
    private static partial System.Text.RegularExpressions.Regex JoinedMarks();

    public ValueTask DisposeAsync()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        analyzer.Dispose();
        return ValueTask.CompletedTask;
    }
}
