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

/// <summary>The classic parser over title and text; a field name other than those two is refused.</summary>
internal sealed class RestrictedParser(Analyzer analyzer)
    : MultiFieldQueryParser(MultilingualAnalyzer.Version, [LuceneSearchIndex.TitleField, LuceneSearchIndex.TextField], analyzer, new Dictionary<string, float> { [LuceneSearchIndex.TitleField] = 1.5f, [LuceneSearchIndex.TextField] = 1f })
{
    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        base.GetFieldQuery(Check(field), queryText, quoted);

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        base.GetFieldQuery(Check(field), queryText, slop);

    protected override Query GetWildcardQuery(string field, string termStr) => base.GetWildcardQuery(Check(field), termStr);

    protected override Query GetPrefixQuery(string field, string termStr) => base.GetPrefixQuery(Check(field), termStr);

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => base.GetFuzzyQuery(Check(field), termStr, minSimilarity);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        base.GetRangeQuery(Check(field), part1, part2, startInclusive, endInclusive);

    protected override Query GetRegexpQuery(string field, string termStr) => base.GetRegexpQuery(Check(field), termStr);

    private static string Check(string? field) =>
        field is null or LuceneSearchIndex.TitleField or LuceneSearchIndex.TextField ? field! : throw new ParseException($"unknown field '{field}': search in title or text");
}
