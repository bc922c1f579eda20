using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace MouWorkspace.Search.Lucene;

/// <summary>Encodes the user's text around the highlighter's marks (see <see cref="SafeHtml"/>).</summary>
internal sealed class LuceneHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => SafeHtml.Encode(originalText);
}

/// <summary>
/// The classic parser over the title and the text, each exact and stemmed (an exact match scores in both, so it
/// ranks above a stemmed one). Naming a field that holds ids or rights is refused; any other unknown field name
/// ("Note: …") is a syntax error, so the query is read again as plain words.
/// </summary>
internal sealed class RestrictedParser(Analyzer analyzer)
    : MultiFieldQueryParser(MultilingualAnalyzer.Version,
        [LuceneSearchIndex.TitleField, LuceneSearchIndex.TextField, LuceneSearchIndex.TitleStemField, LuceneSearchIndex.TextStemField], analyzer,
        new Dictionary<string, float>
        {
            [LuceneSearchIndex.TitleField] = 1.5f, [LuceneSearchIndex.TextField] = 1f,
            [LuceneSearchIndex.TitleStemField] = 0.75f, [LuceneSearchIndex.TextStemField] = 0.5f,
        })
{
    private static readonly string[] Searchable =
        [LuceneSearchIndex.TitleField, LuceneSearchIndex.TextField, LuceneSearchIndex.TitleStemField, LuceneSearchIndex.TextStemField, LuceneSearchIndex.SymbolField];

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        base.GetFieldQuery(Check(field), queryText, quoted);

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        base.GetFieldQuery(Check(field), queryText, slop);

    protected override Query GetWildcardQuery(string field, string termStr) => base.GetWildcardQuery(Check(field), Leading(termStr));

    protected override Query GetPrefixQuery(string field, string termStr) => base.GetPrefixQuery(Check(field), Leading(termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => base.GetFuzzyQuery(Check(field), termStr, minSimilarity);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        base.GetRangeQuery(Check(field), part1, part2, startInclusive, endInclusive);

    protected override Query GetRegexpQuery(string field, string termStr) => base.GetRegexpQuery(Check(field), termStr);

    // Not a ParseException: the plain reading would keep the wildcard's word, which is not what was asked.
    private static string Leading(string termStr) =>
        termStr.Length > 0 && termStr[0] is '*' or '?'
            ? throw new SearchQueryException($"q: “{termStr}” cannot be read as a search: a word cannot begin with * or ?; put the wildcard at the end (train*) or leave it out")
            : termStr;

    private static string Check(string? field)
    {
        if (field is null || Searchable.Contains(field))
            return field!;
        if (LuceneSearchIndex.InternalFields.Contains(field))
            throw new SearchQueryException($"q: '{field}:' cannot be searched; search words, and filter with the page's tabs and choices");
        throw new ParseException($"unknown field '{field}'");
    }
}
