using MouWorkspace.Search;
using MouWorkspace.Search.Lucene;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>The Lucene index on its own (in memory, or in a temporary folder): languages, highlights, rights, bad queries.</summary>
public sealed class LuceneSearchIndexTests : IAsyncLifetime
{
    private readonly LuceneSearchIndex index = LuceneSearchIndex.InMemory();

    private static readonly string[] Everyone = [Readers.Everyone, Readers.Organization("un")];

    public static TheoryData<string, string, string> Languages => new()
    {
        { "en", "Troop-contributing countries shall investigate allegations of sexual exploitation and abuse.", "investigate allegations" },
        { "fr", "Les pays fournisseurs de contingents enquêtent sur les allégations d'exploitation sexuelle.", "enquêtent allégations" },
        { "es", "Los países que aportan contingentes investigarán las denuncias de explotación sexual.", "denuncias explotación" },
        { "ru", "Страны, предоставляющие войска, расследуют обвинения в сексуальной эксплуатации.", "расследуют обвинения" },
        { "ar", "تحقق البلدان المساهمة بقوات في ادعاءات الاستغلال الجنسي والانتهاك الجنسي.", "ادعاءات الاستغلال" },
        { "zh", "部队派遣国应调查性剥削和性虐待指控并报告结果。", "性剥削" },
    };

    public async Task InitializeAsync()
    {
        var documents = Languages.Select(row => (string)row[0]).Zip(Languages.Select(row => (string)row[1]))
            .Select(pair => Document("lang-" + pair.First, pair.Second)).ToList();
        await index.ReplaceAsync(documents.ToDictionary(d => d.Owner, d => (IReadOnlyList<SearchDocument>)[d]));
    }

    public async Task DisposeAsync() => await index.DisposeAsync();

    private static SearchDocument Document(string id, string text, string kind = SearchKinds.Clause, IReadOnlyList<string>? readers = null, string? owner = null, string title = "OP1 Conduct") =>
        new(id, owner ?? id, kind, "un", "mou-1", "clause-1", title, text, "/mous/mou-1/clauses/clause-1", readers ?? [Readers.Organization("un")], DateTimeOffset.UnixEpoch);

    private Task<SearchResults> SearchAsync(string text, IReadOnlyList<string>? readers = null, string? kind = null) =>
        index.SearchAsync(new SearchQuery(text, readers ?? Everyone, Kind: kind));

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_query_in_each_UN_language_finds_its_text_only_with_the_words_marked(string language, string text, string query)
    {
        var results = await SearchAsync(query);
        var hit = Assert.Single(results.Hits);
        Assert.Equal("lang-" + language, hit.Id);
        Assert.Contains("<mark>", hit.Highlight);
        // The marked passage is the text itself, encoded: removing the marks gives back a part of the text.
        Assert.Contains(hit.Highlight.Replace("<mark>", "").Replace("</mark>", "").Replace("&#39;", "'").Trim(' ', '…'), text);
        Assert.NotEmpty(text);
    }

    [Fact]
    public async Task Chinese_is_found_without_spaces_but_not_from_characters_that_are_not_adjacent()
    {
        Assert.Single((await SearchAsync("调查")).Hits);
        Assert.Single((await SearchAsync("性虐待指控")).Hits);
        var marked = Assert.Single((await SearchAsync("性剥削")).Hits).Highlight;
        Assert.Contains("<mark>", marked);
        Assert.Empty((await SearchAsync("剥调")).Hits);
    }

    [Fact]
    public async Task Accents_and_Arabic_letter_forms_are_folded()
    {
        Assert.Equal("lang-fr", Assert.Single((await SearchAsync("allegations enquetent")).Hits).Id);
        Assert.Equal("lang-es", Assert.Single((await SearchAsync("explotacion")).Hits).Id);
        // Hamza under alef (إ) in the query, bare alef in the text.
        Assert.Equal("lang-ar", Assert.Single((await SearchAsync("الإستغلال")).Hits).Id);
        Assert.Equal("lang-ru", Assert.Single((await SearchAsync("ОБВИНЕНИЯ")).Hits).Id);
    }

    [Fact]
    public async Task Script_in_a_text_comes_back_encoded_with_only_our_marks_as_markup()
    {
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>>
        {
            ["xss"] = [Document("xss", "States shall <img src=x onerror=alert(1)> report \"quoted\" & more.", title: "<script>alert(2)</script> heading")],
        });
        var hit = Assert.Single((await SearchAsync("onerror")).Hits);
        Assert.Contains("&lt;img src=x <mark>onerror</mark>=alert(1)&gt;", hit.Highlight);
        Assert.Contains("&quot;quoted&quot; &amp; more", hit.Highlight);
        Assert.DoesNotContain("<img", hit.Highlight);
        Assert.Equal("&lt;script&gt;alert(2)&lt;/script&gt; heading", hit.TitleHighlight);
        var byTitle = Assert.Single((await SearchAsync("script")).Hits);
        Assert.Equal("&lt;<mark>script</mark>&gt;alert(2)&lt;/<mark>script</mark>&gt; heading", byTitle.TitleHighlight);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("readers:everyone")]
    [InlineData("kind:comment")]
    [InlineData("*leading")]
    [InlineData("(((")]
    public async Task Bad_queries_are_refused_as_query_errors(string query)
    {
        var refused = await Assert.ThrowsAsync<SearchQueryException>(() => SearchAsync(query));
        // Our words, never the parser's ("Cannot parse '…': Lexical error at line 1 …").
        Assert.DoesNotContain("Cannot parse", refused.Message);
        Assert.DoesNotContain("Lexical error", refused.Message);
        Assert.DoesNotContain("Encountered", refused.Message);
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_is_refused_and_one_at_the_limit_runs()
    {
        await Assert.ThrowsAsync<SearchQueryException>(() => SearchAsync(new string('a', SearchQuery.MaxLength + 1)));
        Assert.Empty((await SearchAsync(string.Concat(Enumerable.Repeat("ab ", SearchQuery.MaxLength / 3)))).Hits);
    }

    [Fact]
    public async Task Only_documents_whose_readers_the_caller_holds_are_found()
    {
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>>
        {
            ["secret"] =
            [
                Document("secret-current", "confidential wording zebra", readers: [Readers.Organization("un")], owner: "secret"),
                Document("secret-comment", "confidential comment zebra", SearchKinds.Comment, [Readers.Staff("un"), Readers.Party("un", "FRA")], owner: "secret"),
            ],
            ["osce"] = [Document("osce", "osce zebra", readers: [Readers.Organization("osce")])],
        });
        string[] Ids(SearchResults r) => r.Hits.Select(h => h.Id).Order().ToArray();
        Assert.Equal(["secret-current"], Ids(await SearchAsync("zebra", [Readers.Everyone, Readers.Organization("un")])));
        Assert.Equal(["secret-comment", "secret-current"], Ids(await SearchAsync("zebra", [Readers.Everyone, Readers.Organization("un"), Readers.Party("un", "FRA")])));
        Assert.Equal(["secret-comment", "secret-current"], Ids(await SearchAsync("zebra", [Readers.Organization("un"), Readers.Staff("un")])));
        Assert.Equal(["secret-current"], Ids(await SearchAsync("zebra", [Readers.Organization("un"), Readers.Party("un", "NPL")])));
        Assert.Equal(["osce"], Ids(await SearchAsync("zebra", [Readers.Everyone, Readers.Organization("osce")])));
        Assert.Equal(["osce", "secret-comment", "secret-current"], Ids(await index.SearchAsync(new SearchQuery("zebra", null))));
        Assert.Empty(Ids(await SearchAsync("zebra", [])));

        var counts = (await index.SearchAsync(new SearchQuery("zebra", null))).Counts;
        Assert.Equal((2, 1, 0), (counts[SearchKinds.Clause], counts[SearchKinds.Comment], counts[SearchKinds.Proposal]));
        Assert.Equal(["secret-comment"], Ids(await index.SearchAsync(new SearchQuery("zebra", null, Kind: SearchKinds.Comment))));
    }

    [Fact]
    public async Task Replacing_an_owner_removes_its_documents_that_are_gone()
    {
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>>
        {
            ["owner"] = [Document("a", "walrus one", owner: "owner"), Document("b", "walrus two", owner: "owner")],
        });
        Assert.Equal(2, (await SearchAsync("walrus")).Hits.Count);
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["owner"] = [Document("b", "walrus three", owner: "owner")] });
        Assert.Equal("b", Assert.Single((await SearchAsync("walrus")).Hits).Id);
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["owner"] = [] });
        Assert.Empty((await SearchAsync("walrus")).Hits);
    }

    [Fact]
    public async Task Upserting_adds_a_document_beside_its_owners_others_and_replaces_one_with_the_same_id()
    {
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["clause"] = [Document("text", "narwhal clause", owner: "clause")] });
        await index.UpsertAsync([Document("comment-1", "narwhal comment", SearchKinds.Comment, owner: "clause")]);
        Assert.Equal(["comment-1", "text"], (await SearchAsync("narwhal")).Hits.Select(h => h.Id).Order());
        await index.UpsertAsync([Document("comment-1", "narwhal comment edited", SearchKinds.Comment, owner: "clause")]);
        Assert.Equal(2, (await SearchAsync("narwhal")).Hits.Count);
        Assert.Equal("comment-1", Assert.Single((await SearchAsync("edited")).Hits).Id);
        // The owner's next replacement is the whole truth again: the upserted document goes with the owner.
        await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["clause"] = [Document("text", "narwhal clause", owner: "clause")] });
        Assert.Equal("text", Assert.Single((await SearchAsync("narwhal")).Hits).Id);
    }

    [Fact]
    public async Task A_folder_held_by_one_index_is_refused_to_a_second_one()
    {
        // SearchSetup relies on this to give a second process on the same data folder its own copy.
        var folder = Directory.CreateTempSubdirectory("mou-search-lock-").FullName;
        try
        {
            await using var first = LuceneSearchIndex.Open(folder);
            Assert.ThrowsAny<global::Lucene.Net.Store.LockObtainFailedException>(() => LuceneSearchIndex.Open(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_index_on_disk_keeps_its_documents_and_feed_position_across_reopening()
    {
        var folder = Directory.CreateTempSubdirectory("mou-search-test-").FullName;
        try
        {
            var epoch = Guid.NewGuid();
            await using (var disk = LuceneSearchIndex.Open(folder))
            {
                Assert.Null(await disk.ReadCheckpointAsync());
                await disk.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["p"] = [Document("p", "pelican text")] });
                await disk.CommitAsync(new SearchCheckpoint(LuceneSearchIndex.Schema, epoch, 42));
            }
            await using (var reopened = LuceneSearchIndex.Open(folder))
            {
                Assert.Equal(new SearchCheckpoint(LuceneSearchIndex.Schema, epoch, 42), await reopened.ReadCheckpointAsync());
                Assert.Equal("p", Assert.Single((await reopened.SearchAsync(new SearchQuery("pelican", null))).Hits).Id);

                // A rebuild replaces everything, and searches see the old documents until it is committed.
                await reopened.BeginRebuildAsync();
                await reopened.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["q"] = [Document("q", "heron text")] });
                Assert.Single((await reopened.SearchAsync(new SearchQuery("pelican", null))).Hits);
                await reopened.CommitAsync(new SearchCheckpoint(LuceneSearchIndex.Schema, epoch, 43));
                Assert.Empty((await reopened.SearchAsync(new SearchQuery("pelican", null))).Hits);
                Assert.Single((await reopened.SearchAsync(new SearchQuery("heron", null))).Hits);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_index_folder_that_cannot_be_read_is_created_anew_and_the_reason_told()
    {
        var path = Path.Combine(Path.GetTempPath(), "mou-search-damaged-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = LuceneSearchIndex.Open(path))
            {
                await first.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["a"] = [Document("a", "jurisdiction over personnel")] });
                await first.CommitAsync(new SearchCheckpoint("test", Guid.NewGuid(), 1));
            }
            // A commit that names a segment file which is gone (as seen after three processes wrote one folder).
            foreach (var file in Directory.GetFiles(path, "*.si"))
                File.Delete(file);
            Exception? told = null;

            await using var reopened = LuceneSearchIndex.Open(path, ex => told = ex);

            Assert.IsAssignableFrom<IOException>(told);
            Assert.Null(await reopened.ReadCheckpointAsync());
            await reopened.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { ["b"] = [Document("b", "jurisdiction restored")] });
            Assert.Equal("b", Assert.Single((await reopened.SearchAsync(new SearchQuery("jurisdiction", Everyone))).Hits).Id);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
