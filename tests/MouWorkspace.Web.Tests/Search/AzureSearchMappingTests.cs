using System.Text.RegularExpressions;
using Azure.Search.Documents.Models;
using MouWorkspace.Search;
using MouWorkspace.Search.Azure;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>The Azure AI Search adapter's offline parts: keys, filters, escaping, highlights, the index definition.</summary>
public sealed class AzureSearchMappingTests
{
    [Theory]
    [InlineData("comment:mou-1/clause_2/abc")]
    [InlineData("draft:x/y/12")]
    [InlineData("reform:un-victim-assistance")]
    [InlineData("ä/ß?+=")]
    public void Keys_use_only_the_characters_Azure_allows_and_decode_back(string id)
    {
        var key = AzureSearchMapping.EncodeKey(id);
        Assert.Matches(new Regex("^[A-Za-z0-9_\\-=]+$"), key);
        Assert.Equal(id, AzureSearchMapping.DecodeKey(key));
    }

    [Fact]
    public void The_filter_restricts_kind_organization_mou_and_readers()
    {
        var query = new SearchQuery("x", [Readers.Everyone, Readers.Organization("un"), Readers.Party("un", "FRA")], "UN", "mou-1");
        Assert.Equal("kind eq 'comment' and organization eq 'un' and mouId eq 'mou-1' and readers/any(r: search.in(r, 'everyone|org:un|party:un:FRA', '|'))",
            AzureSearchMapping.Filter(query, SearchKinds.Comment));
        Assert.Null(AzureSearchMapping.Filter(new SearchQuery("x", null), null));
        Assert.Equal("readers/any(r: search.in(r, 'everyone', '|'))", AzureSearchMapping.Filter(new SearchQuery("x", [Readers.Everyone]), null));
    }

    [Fact]
    public void Quotes_are_escaped_and_tokens_that_could_widen_the_set_are_dropped()
    {
        Assert.Equal("'o''brien'", AzureSearchMapping.Literal("o'brien"));
        Assert.Equal("mouId eq 'x'' or true or ''' and readers/any(r: search.in(r, 'org:un', '|'))",
            AzureSearchMapping.Filter(new SearchQuery("q", ["org:un", "org:un|staff:un"], MouId: "x' or true or '"), null));
        Assert.Equal("false", AzureSearchMapping.Filter(new SearchQuery("q", []), null));
        Assert.Equal("owner eq 'clause:m/c'", AzureSearchMapping.OwnerFilter("clause:m/c"));
    }

    [Fact]
    public void Highlights_from_the_service_are_encoded_with_our_marks_only()
    {
        var raw = $"a {AzureSearchMapping.PreTag}<img src=x onerror=alert(1)>{AzureSearchMapping.PostTag} & b{AzureSearchMapping.PreTag}";
        Assert.Equal("a <mark>&lt;img src=x onerror=alert(1)&gt;</mark> &amp; b", SafeHtml.FromMarkers(raw, AzureSearchMapping.PreTag, AzureSearchMapping.PostTag));
    }

    [Fact]
    public void A_document_maps_to_the_index_fields_and_results_map_back_to_hits()
    {
        var document = new MouWorkspace.Search.SearchDocument("comment:m/c/1", "clause:m/c", SearchKinds.Comment, "UN", "m", "c", "Comment by <b>", "text <i>",
            "/mous/m/clauses/c#comment-1", [Readers.Staff("un")], new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var azure = AzureSearchMapping.ToAzure(document);
        Assert.Equal(AzureSearchMapping.EncodeKey(document.Id), azure["key"]);
        Assert.Equal(("un", "clause:m/c", "comment"), (azure["organization"], azure["owner"], azure["kind"]));
        Assert.Equal(["staff:un"], (string[])azure["readers"]);

        var result = SearchModelFactory.SearchResult(azure, 1.5, new Dictionary<string, IList<string>>
        {
            ["text"] = [$"text {AzureSearchMapping.PreTag}<i>{AzureSearchMapping.PostTag}"],
        });
        var hit = AzureSearchIndex.ToHit(result);
        Assert.Equal(("comment:m/c/1", "text <mark>&lt;i&gt;</mark>", "Comment by &lt;b&gt;"), (hit.Id, hit.Highlight, hit.TitleHighlight));
    }

    [Fact]
    public void Queries_use_the_full_syntax_with_every_word_required_and_private_highlight_markers()
    {
        var options = AzureSearchIndex.Options(new SearchQuery("x", [Readers.Everyone]), SearchKinds.Clause, 20);
        Assert.Equal(SearchQueryType.Full, options.QueryType);
        Assert.Equal(SearchMode.All, options.SearchMode);
        Assert.Equal(20, options.Size);
        Assert.Equal("kind eq 'clause' and readers/any(r: search.in(r, 'everyone', '|'))", options.Filter);
        Assert.Equal((AzureSearchMapping.PreTag, AzureSearchMapping.PostTag), (options.HighlightPreTag, options.HighlightPostTag));
        Assert.Equal(["title", "text"], options.SearchFields);

        var definition = AzureSearchIndex.Definition("mou");
        Assert.True(definition.Fields.Single(f => f.Name == "key").IsKey);
        Assert.True(definition.Fields.Single(f => f.Name == "readers").IsFilterable);
        Assert.Equal(11 + 1, definition.Fields.Count);
    }
}
