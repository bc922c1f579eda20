using MouWorkspace.Search;
using MouWorkspace.Search.Lucene;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>What negotiators type into the search box (issue 15.4): document symbols, bracketed alternatives, half-written syntax; stemming.</summary>
public sealed class LuceneQueryTextTests : IAsyncLifetime
{
    private readonly LuceneSearchIndex index = LuceneSearchIndex.InMemory();

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["pp2"] = "Recalling the Secretary-General's bulletin ST/SGB/2003/13 on special measures for protection from sexual exploitation and sexual abuse,",
        ["res"] = "Welcomes resolution A/RES/62/214 and the comprehensive strategy on assistance and support to victims.",
        // The words of ST/SGB/2003/13 and of [90][120], but not together.
        ["near"] = "The bulletin ST/SGB/2003/14 and the report S/2024/123 of 2003, part 13; reports within 90 days and replies within 120 days.",
        ["committee"] = "Draft resolution A/C.4/79/L.12 on the review of peacekeeping; see also A/RES/62/214/Add.1.",
        ["brackets"] = "Within [90][120] days of deployment, personnel shall complete the induction.",
        ["training"] = "Pre-deployment training on conduct and discipline is mandatory.",
        ["trained"] = "Personnel are trained before deployment.",
        ["ar"] = "يشمل التدريب السابق للنشر قواعد السلوك والانضباط.",
    };

    public async Task InitializeAsync() =>
        await index.ReplaceAsync(Texts.ToDictionary(t => t.Key, t => (IReadOnlyList<SearchDocument>)
            [new(t.Key, t.Key, SearchKinds.Clause, "un", "mou-1", "clause-" + t.Key, "OP1 Conduct", t.Value, "/mous/mou-1/clauses/clause-" + t.Key, [Readers.Everyone], DateTimeOffset.UnixEpoch)]));

    public async Task DisposeAsync() => await index.DisposeAsync();

    private Task<SearchResults> SearchAsync(string text) => index.SearchAsync(new SearchQuery(text, [Readers.Everyone]));

    private async Task<string[]> IdsAsync(string text) => (await SearchAsync(text)).Hits.Select(h => h.Id).Order().ToArray();

    [Theory]
    [InlineData("ST/SGB/2003/13", new[] { "pp2" })]
    [InlineData("st/sgb/2003/13", new[] { "pp2" })]
    [InlineData("\"ST/SGB/2003/13\"", new[] { "pp2" })]
    [InlineData("bulletin ST/SGB/2003/13", new[] { "pp2" })]
    [InlineData("ST/SGB/2003/13 OR S/2024/123", new[] { "near", "pp2" })]
    [InlineData("bulletin -ST/SGB/2003/13", new[] { "near" })]
    [InlineData("S/2024/123", new[] { "near" })]
    [InlineData("A/C.4/79/L.12", new[] { "committee" })]
    // An addendum is found by its base symbol, and by its own only.
    [InlineData("A/RES/62/214", new[] { "committee", "res" })]
    [InlineData("A/RES/62/214/Add.1", new[] { "committee" })]
    public async Task A_document_symbol_finds_exactly_the_texts_that_hold_it(string query, string[] expected)
    {
        Assert.Equal(expected, await IdsAsync(query));
    }

    [Fact]
    public async Task A_symbol_hit_marks_the_symbol_in_the_passage()
    {
        var hit = Assert.Single((await SearchAsync("ST/SGB/2003/13")).Hits);
        Assert.Contains("bulletin <mark>ST/SGB/2003/13</mark> on special", hit.Highlight);
        Assert.Contains("<mark>A/C.4/79/L.12</mark>", Assert.Single((await SearchAsync("A/C.4/79/L.12")).Hits).Highlight);
    }

    [Theory]
    [InlineData("[90][120]")]
    [InlineData("[90][120] days")]
    public async Task Bracketed_alternatives_are_found_together(string query)
    {
        Assert.Equal(["brackets"], await IdsAsync(query));
    }

    [Theory]
    [InlineData("\"pre-deployment training", new[] { "training" })]
    [InlineData("training AND", new[] { "trained", "training" })]
    [InlineData("discipline OR", new[] { "training" })]
    [InlineData("AND discipline", new[] { "training" })]
    [InlineData("conduct: discipline", new[] { "training" })]
    [InlineData("discipline)", new[] { "training" })]
    [InlineData("{induction", new[] { "brackets" })]
    [InlineData("induction^", new[] { "brackets" })]
    [InlineData("\"unbalanced", new string[0])]
    [InlineData("title:(", new string[0])]
    [InlineData("resolution AND", new[] { "committee", "res" })]
    public async Task A_query_the_parser_cannot_take_is_read_as_its_plain_words(string query, string[] expected)
    {
        Assert.Equal(expected, await IdsAsync(query));
    }

    [Theory]
    [InlineData("*training", "cannot begin with *")]
    [InlineData("*", "cannot begin with *")]
    [InlineData("?raining", "cannot begin with *")]
    [InlineData("(((", "no searchable word")]
    [InlineData("\"\"", "no searchable word")]
    [InlineData("readers:everyone", "cannot be searched")]
    [InlineData("owner:x OR training", "cannot be searched")]
    public async Task A_query_that_cannot_run_is_refused_in_our_words(string query, string expected)
    {
        var refused = await Assert.ThrowsAsync<SearchQueryException>(() => SearchAsync(query));
        Assert.Contains(expected, refused.Message);
        Assert.DoesNotContain("Cannot parse", refused.Message);
        Assert.DoesNotContain("Lexical error", refused.Message);
    }

    [Theory]
    [InlineData("trainings")]
    [InlineData("trained")]
    [InlineData("train")]
    public async Task English_words_are_found_in_their_other_forms(string query)
    {
        Assert.Equal(["trained", "training"], await IdsAsync(query));
    }

    [Fact]
    public async Task An_exact_match_ranks_above_a_stemmed_one_and_the_stemmed_one_is_marked()
    {
        var hits = (await SearchAsync("trained")).Hits;
        Assert.Equal(["trained", "training"], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Contains("<mark>training</mark>", hits[1].Highlight);
        Assert.Equal("training", (await SearchAsync("training")).Hits[0].Id);
    }

    [Theory]
    [InlineData("تدريب")]
    [InlineData("التدريب")]
    [InlineData("بالتدريب")]
    public async Task Arabic_words_are_found_without_their_article_and_prefixes(string query)
    {
        var hit = Assert.Single((await SearchAsync(query)).Hits);
        Assert.Equal("ar", hit.Id);
        Assert.Contains("<mark>التدريب</mark>", hit.Highlight);
    }
}
