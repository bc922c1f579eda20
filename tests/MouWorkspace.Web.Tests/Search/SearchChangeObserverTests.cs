using MouWorkspace.Web.Changes;
using MouWorkspace.Web.Search;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>Which index keys an acknowledged change stands for.</summary>
public sealed class SearchChangeObserverTests
{
    private static ChangeNotice Change(string method, string route, string? location = null, params (string Key, string Value)[] values) =>
        new("mou:m1", method, route, values.ToDictionary(v => v.Key, v => v.Value), location, "u", "User", null, "un", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("POST", "/api/mous/{mouId}/clauses/{clauseId}/comments", "clause:m1/c1")]
    [InlineData("PUT", "/api/mous/{mouId}/clauses/{clauseId}", "clause:m1/c1")]
    [InlineData("DELETE", "/api/mous/{mouId}/clauses/{clauseId}", "clause:m1/c1")]
    public void A_change_to_a_clause_names_the_clause(string method, string route, string key)
    {
        Assert.Equal([key], SearchChangeObserver.KeysFor(Change(method, route, null, ("mouId", "m1"), ("clauseId", "c1"))));
    }

    [Fact]
    public void A_new_clause_is_named_by_its_location_and_an_import_by_its_MOU()
    {
        Assert.Equal(["clause:m1/c9"], SearchChangeObserver.KeysFor(Change("POST", "/api/mous/{mouId}/clauses", "/api/mous/m1/clauses/c9", ("mouId", "m1"))));
        Assert.Equal(["mou:m7"], SearchChangeObserver.KeysFor(Change("POST", "/api/mous/import", "/api/mous/m7")));
        Assert.Equal(["mou:m1"], SearchChangeObserver.KeysFor(Change("POST", "/api/mous/{mouId}/markups", null, ("mouId", "m1"))));
        Assert.Equal(["reform:r1"], SearchChangeObserver.KeysFor(Change("POST", "/api/reform-items/{id}/status", null, ("id", "r1"))));
    }

    [Theory]
    [InlineData("/api/mous/{mouId}/revisions")]
    [InlineData("/api/mous/{mouId}/revisions/{number:int}/positions")]
    [InlineData("/api/mous/{mouId}/now-discussing")]
    [InlineData("/api/mous/{mouId}/languages/{language}")]
    public void Changes_that_hold_no_searchable_text_name_nothing(string route)
    {
        Assert.Empty(SearchChangeObserver.KeysFor(Change("PUT", route, null, ("mouId", "m1"))));
    }

    [Fact]
    public void A_translation_of_a_clause_names_its_clause()
    {
        Assert.Equal(["clause:m1/c1"], SearchChangeObserver.KeysFor(Change("PUT", "/api/mous/{mouId}/clauses/{clauseId}/languages/{language}", null,
            ("mouId", "m1"), ("clauseId", "c1"), ("language", "ar"))));
        Assert.Equal(["clause:m1/c1"], SearchChangeObserver.KeysFor(Change("POST", "/api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments", null,
            ("mouId", "m1"), ("clauseId", "c1"), ("language", "fr"))));
    }

    [Fact]
    public void Tracking_changes_name_nothing()
    {
        Assert.Empty(SearchChangeObserver.KeysFor(Change("PUT", "/api/tccs/{code}/adoptions/{mouId}", null, ("code", "FRA"), ("mouId", "m1"))));
    }
}
