using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Seed;
using MouWorkspace.Web.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Security;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>GET /api/search on the whole app: fed by the API's changes, the API's read rules, the six languages, bad queries.</summary>
[Collection("api")]
public sealed class SearchApiTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Token() => "tok" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/search?" + query);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    /// <summary>Polls until the condition holds or the bound passes; returns whether it held (and how long it took).</summary>
    private static async Task<(bool Held, TimeSpan After)> PollAsync(Func<Task<bool>> condition, TimeSpan bound)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
                return (true, watch.Elapsed);
            if (watch.Elapsed > bound)
                return (false, watch.Elapsed);
            await Task.Delay(50);
        }
    }

    /// <summary>This host's index is built (the first rebuild after start) before a test relies on it.</summary>
    private async Task<HttpClient> ReadySecretariatAsync()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", null, "un", "Search secretariat");
        var (ready, _) = await PollAsync(async () => (await SearchAsync(secretariat, Q("anything"))).GetProperty("ready").GetBoolean(), TimeSpan.FromSeconds(60));
        Assert.True(ready, "the search index was not built within 60 s of the app's start");
        return secretariat;
    }

    /// <summary>Held within the (generous) bound; how long it took is printed: freshness is measured by the search benchmark.</summary>
    private void AssertSoon((bool Held, TimeSpan After) result, string failure)
    {
        Assert.True(result.Held, failure + " within 30 s");
        output.WriteLine($"searchable after {result.After.TotalMilliseconds:0} ms");
    }

    private static IEnumerable<JsonElement> Hits(JsonElement results) => results.GetProperty("hits").EnumerateArray();

    public static TheoryData<string, string, string> Languages => new()
    {
        { "English", "Troop-contributing countries shall investigate allegations of sexual exploitation and abuse.", "investigate allegations" },
        { "French", "Les pays fournisseurs de contingents enquêtent sur les allégations d'exploitation sexuelle.", "allégations d'exploitation" },
        { "Spanish", "Los países que aportan contingentes investigarán las denuncias de explotación sexual.", "denuncias de explotación" },
        { "Russian", "Страны, предоставляющие войска, расследуют обвинения в сексуальной эксплуатации.", "расследуют обвинения" },
        { "Arabic", "تحقق البلدان المساهمة بقوات في ادعاءات الاستغلال الجنسي والانتهاك الجنسي.", "ادعاءات الاستغلال" },
        { "Chinese", "部队派遣国应调查性剥削和性虐待指控并报告结果。", "调查性剥削" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_query_in_each_UN_language_finds_its_clause_with_the_words_marked(string language, string text, string query)
    {
        var secretariat = await ReadySecretariatAsync();
        var mou = await secretariat.CreateMouAsync("un");
        var clause = await secretariat.AddClauseAsync(mou, text, heading: language);
        await secretariat.AddClauseAsync(mou, "An unrelated clause about logistics.", heading: "Other");
        JsonElement hit = default;
        var (found, _) = await PollAsync(async () =>
        {
            var hits = Hits(await SearchAsync(secretariat, $"{Q(query)}&mou={mou}")).ToArray();
            hit = hits.Length == 1 ? hits[0] : default;
            return hits.Length == 1;
        }, TimeSpan.FromSeconds(10));
        Assert.True(found, $"{language}: '{query}' did not find exactly its clause");
        Assert.Equal(("clause", clause, $"/mous/{mou}/clauses/{clause}"),
            (hit.GetProperty("kind").GetString(), hit.GetProperty("clauseId").GetString(), hit.GetProperty("link").GetString()));
        Assert.Contains("<mark>", hit.GetProperty("html").GetString());
        Assert.Empty(Hits(await SearchAsync(secretariat, $"{Q(query + " " + Token())}&mou={mou}")));
    }

    [Fact]
    public async Task A_change_becomes_searchable_and_the_text_it_replaced_is_found_as_a_past_draft()
    {
        // How fast the index follows is a benchmark's measure, not a test's: here a generous bound, and the times printed.
        var bound = TimeSpan.FromSeconds(30);
        var secretariat = await ReadySecretariatAsync();
        var mou = await secretariat.CreateMouAsync("un");
        var (first, second, said) = (Token(), Token(), Token());
        var clause = await secretariat.AddClauseAsync(mou, $"States shall {first} the personnel.");
        var (held, added) = await PollAsync(async () => Hits(await SearchAsync(secretariat, Q(first))).Any(), bound);
        Assert.True(held, $"a new clause was not searchable after {bound}");

        (await secretariat.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", $"States shall {second} the personnel.", "\"1\"")).EnsureSuccessStatusCode();
        (held, var edited) = await PollAsync(async () => Hits(await SearchAsync(secretariat, Q(second))).Any(), bound);
        Assert.True(held, $"an edited clause was not searchable after {bound}");
        var old = Assert.Single(Hits(await SearchAsync(secretariat, Q(first))));
        Assert.Equal(("clause", $"/mous/{mou}/clauses/{clause}#history"), (old.GetProperty("kind").GetString(), old.GetProperty("link").GetString()));
        Assert.Contains("draft 1", old.GetProperty("title").GetString());

        (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = $"We {said} this.", quote = second })).EnsureSuccessStatusCode();
        (held, var commented) = await PollAsync(async () => Hits(await SearchAsync(secretariat, $"{Q(said)}&kind=comment")).Any(), bound);
        Assert.True(held, $"a comment was not searchable after {bound}");

        (await secretariat.DeleteAsync($"/api/mous/{mou}/clauses/{clause}")).EnsureSuccessStatusCode();
        (held, var removed) = await PollAsync(async () => !Hits(await SearchAsync(secretariat, Q(second))).Any(), bound);
        Assert.True(held, $"a removed clause was still found after {bound}");
        output.WriteLine($"searchable after: added {added.TotalMilliseconds:0} ms, edited {edited.TotalMilliseconds:0} ms, " +
            $"comment {commented.TotalMilliseconds:0} ms; gone after removal {removed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_translated_clause_and_a_comment_on_it_are_found_in_their_language_and_linked_to_it()
    {
        var secretariat = await ReadySecretariatAsync();
        var mou = await secretariat.CreateMouAsync("un");
        var clause = await secretariat.AddClauseAsync(mou, "States shall train all personnel before deployment.");
        (await secretariat.PutAsJsonAsync($"/api/mous/{mou}/languages/ar", new { required = true })).EnsureSuccessStatusCode();
        var word = "تدريب" + Token();
        var translate = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/clauses/{clause}/languages/ar")
        {
            Content = JsonContent.Create(new { text = $"تضمن الدول {word} جميع الأفراد قبل النشر.", rationale = "translation" }),
        };
        translate.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        (await secretariat.SendAsync(translate)).EnsureSuccessStatusCode();

        AssertSoon(await PollAsync(async () => Hits(await SearchAsync(secretariat, Q(word))).Any(), TimeSpan.FromSeconds(30)), "a translation was not searchable");
        var hit = Assert.Single(Hits(await SearchAsync(secretariat, Q(word))));
        Assert.Equal(("clause", $"/mous/{mou}/clauses/{clause}/languages/ar"), (hit.GetProperty("kind").GetString(), hit.GetProperty("link").GetString()));
        Assert.Contains("<mark>", hit.GetProperty("html").GetString());

        var said = "ملاحظة" + Token();
        (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/languages/ar/comments", new { text = $"{said} على الصياغة" })).EnsureSuccessStatusCode();
        AssertSoon(await PollAsync(async () => Hits(await SearchAsync(secretariat, $"{Q(said)}&kind=comment")).Any(), TimeSpan.FromSeconds(30)), "a comment on a translation was not searchable");
        // The original's own text is still found, once, on the original's page.
        var original = Assert.Single(Hits(await SearchAsync(secretariat, $"{Q("deployment")}&mou={mou}")));
        Assert.Equal($"/mous/{mou}/clauses/{clause}", original.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Script_in_a_clause_is_returned_encoded_and_only_our_marks_are_markup()
    {
        var secretariat = await ReadySecretariatAsync();
        var mou = await secretariat.CreateMouAsync("un");
        await secretariat.AddClauseAsync(mou, "States shall <img src=x onerror=alert(1)> report.", heading: "<script>alert(1)</script>");
        JsonElement hit = default;
        Assert.True((await PollAsync(async () =>
        {
            var hits = Hits(await SearchAsync(secretariat, $"q=onerror&mou={mou}")).ToArray();
            hit = hits.FirstOrDefault();
            return hits.Length == 1;
        }, TimeSpan.FromSeconds(10))).Held);
        var html = hit.GetProperty("html").GetString()!;
        Assert.Contains("&lt;img src=x <mark>onerror</mark>=alert(1)&gt;", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", hit.GetProperty("titleHtml").GetString());
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=readers%3Aeveryone", "q")]
    [InlineData("q=*x", "q")]
    [InlineData("q=ok&kind=draft", "kind")]
    [InlineData("q=ok&organization=unicef", "organization")]
    [InlineData("q=ok&take=0", "take")]
    public async Task Bad_queries_answer_400_problem_details(string query, string field)
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", null, "un");
        var problem = await (await secretariat.GetAsync("/api/search?" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await (await secretariat.GetAsync("/api/search?q=" + new string('a', 501))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.GetAsync("/api/search")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Searching_in_an_MOU_follows_the_MOU_rules_unknown_is_404_another_organizations_is_403()
    {
        var secretariat = await fixture.App.ClientAsync("Secretariat", null, "un");
        var osce = await fixture.App.ClientAsync("Secretariat", null, "osce");
        var mou = await secretariat.CreateMouAsync("un");
        await (await secretariat.GetAsync("/api/search?q=x&mou=nosuchmou")).ProblemAsync(HttpStatusCode.NotFound);
        await (await osce.GetAsync($"/api/search?q=x&mou={mou}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// Every caller of the authorization matrix searches for words that sit in a confidential UN round (current
    /// text, past draft, comment, proposal), an open UN round, an OSCE text and a reform item's status note. Who must
    /// find what is written here: the confidential round by its parties' delegates and the staff of its organization,
    /// the open round by its organization, the OSCE text by the OSCE, the reform item by everyone, and an Admin
    /// everything. The API's own reads must agree (200 where the caller finds it, 403 where not).
    /// </summary>
    [Fact]
    public async Task Every_caller_of_the_role_matrix_finds_exactly_what_the_rules_let_them_read()
    {
        var unSecretariat = await ReadySecretariatAsync();
        var osceSecretariat = await fixture.App.ClientAsync("Secretariat", null, "osce", "OSCE secretariat");
        var france = await fixture.App.ClientAsync("Delegate", "FRA", "un", "Delegate of France");
        var admin = await fixture.App.ClientAsync("Admin", null, "un", "Search admin");
        var word = Token();

        var confidential = (await (await unSecretariat.PostAsJsonAsync("/api/mous",
            new { organization = "un", title = "Informal consultations", parties = new[] { "FRA", "IND" }, confidential = true })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var secretClause = await unSecretariat.AddClauseAsync(confidential, $"Draft {word} wording.");
        (await unSecretariat.PutTextAsync($"/api/mous/{confidential}/clauses/{secretClause}", $"Current {word} wording.", "\"1\"")).EnsureSuccessStatusCode();
        (await france.PostAsJsonAsync($"/api/mous/{confidential}/clauses/{secretClause}/comments", new { text = $"France on {word}." })).EnsureSuccessStatusCode();
        (await france.PostAsJsonAsync($"/api/mous/{confidential}/clauses/{secretClause}/proposals", new { text = $"Proposed {word} text." })).EnsureSuccessStatusCode();
        var open = await unSecretariat.CreateMouAsync("un", "FRA");
        var openClause = await unSecretariat.AddClauseAsync(open, $"Open {word} clause.");
        (await unSecretariat.PostAsJsonAsync($"/api/mous/{open}/clauses/{openClause}/comments", new { text = $"Open comment {word}." })).EnsureSuccessStatusCode();
        var osce = await osceSecretariat.CreateMouAsync("osce", "FRA");
        var osceClause = await osceSecretariat.AddClauseAsync(osce, $"OSCE {word} clause.");
        await ReformItemData.SeedAsync(fixture.App.Services.GetRequiredService<IGrainFactory>());
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        (await unSecretariat.PostAsJsonAsync("/api/reform-items/un-conduct-discipline-teams/status", new { status = "in-progress", note = $"Teams {word}.", on = today }))
            .EnsureSuccessStatusCode();

        // Who must find each thing, by hand; and the API call that reads it.
        static bool Un(Caller c) => c.IsAdmin || c.Organization == "un";
        static bool Osce(Caller c) => c.IsAdmin || c.Organization == "osce";
        static bool Everyone(Caller c) => true;
        var things = new (string Name, Func<Caller, bool> Finds, string ReadPath)[]
        {
            ("confidential current", ConfidentialRoundTests.SeesTheRound, $"/api/mous/{confidential}/clauses/{secretClause}"),
            ("confidential draft", ConfidentialRoundTests.SeesTheRound, $"/api/mous/{confidential}/clauses/{secretClause}/drafts"),
            ("confidential comment", ConfidentialRoundTests.SeesTheRound, $"/api/mous/{confidential}/clauses/{secretClause}/comments"),
            ("confidential proposal", ConfidentialRoundTests.SeesTheRound, $"/api/mous/{confidential}/clauses/{secretClause}/proposals"),
            ("open current", Un, $"/api/mous/{open}/clauses/{openClause}"),
            ("open comment", Un, $"/api/mous/{open}/clauses/{openClause}/comments"),
            ("osce current", Osce, $"/api/mous/{osce}/clauses/{osceClause}"),
            ("reform note", Everyone, "/api/reform-items/un-conduct-discipline-teams"),
        };
        string Name(JsonElement hit) => hit.GetProperty("kind").GetString() == "reform-item" ? "reform note" :
            (hit.GetProperty("mouId").GetString() == confidential ? "confidential " : hit.GetProperty("mouId").GetString() == open ? "open " : "osce ") +
            (hit.GetProperty("link").GetString()!.EndsWith("#history", StringComparison.Ordinal) ? "draft" : hit.GetProperty("kind").GetString() == "clause" ? "current" : hit.GetProperty("kind").GetString());
        var (indexed, after) = await PollAsync(async () => Hits(await SearchAsync(admin, Q(word))).Select(Name).Order().SequenceEqual(things.Select(t => t.Name).Order()),
            TimeSpan.FromSeconds(30));
        output.WriteLine($"the admin found all {things.Length} test texts after {after.TotalMilliseconds:F0} ms");
        Assert.True(indexed, "the test texts were not indexed: the admin found " + string.Join(", ", Hits(await SearchAsync(admin, Q(word))).Select(Name)));

        var failures = new List<string>();
        var sawSome = new HashSet<string>();
        var missedSome = new HashSet<string>();
        foreach (var caller in Caller.All())
        {
            var client = await fixture.App.ClientAsync(caller.Role, caller.State, caller.Organization, caller.ToString());
            var expected = new SortedSet<string>(things.Where(t => t.Finds(caller)).Select(t => t.Name));
            foreach (var thing in things)
                if ((int)(await client.GetAsync(thing.ReadPath)).StatusCode is var status && status != (thing.Finds(caller) ? 200 : 403))
                    failures.Add($"{caller}: GET {thing.ReadPath} ({thing.Name}) answered {status}");
            var found = new SortedSet<string>(Hits(await SearchAsync(client, Q(word))).Select(Name));
            if (!expected.SetEquals(found))
                failures.Add($"{caller}: must find [{string.Join(", ", expected)}], search found [{string.Join(", ", found)}]");
            sawSome.UnionWith(found);
            missedSome.UnionWith(things.Select(t => t.Name).Except(found));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The matrix is not trivial: every thing is found by someone, and all but the reform note missed by someone.
        Assert.Equal(things.Select(t => t.Name).Order(), sawSome.Order());
        Assert.Equal(things.Select(t => t.Name).Where(n => n != "reform note").Order(), missedSome.Order());
    }

    [Fact]
    public async Task Reform_items_are_found_by_everyone_and_so_is_a_new_status_note()
    {
        await ReformItemData.SeedAsync(fixture.App.Services.GetRequiredService<IGrainFactory>());
        var secretariat = await ReadySecretariatAsync();
        var osceObserver = await fixture.App.ClientAsync("Observer", "NPL", "osce");
        Assert.True((await PollAsync(async () => Hits(await SearchAsync(osceObserver, "q=victim&kind=reform-item"))
            .Any(h => h.GetProperty("link").GetString() == "/reform/un-victim-assistance"), TimeSpan.FromSeconds(30))).Held,
            "a seeded reform item was not found");

        var note = Token();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        (await secretariat.PostAsJsonAsync("/api/reform-items/un-conduct-discipline-teams/status", new { status = "in-progress", note = $"Review {note}.", on = today }))
            .EnsureSuccessStatusCode();
        AssertSoon(await PollAsync(async () => Hits(await SearchAsync(osceObserver, Q(note))).Any(h => h.GetProperty("kind").GetString() == "reform-item"),
            TimeSpan.FromSeconds(30)), "a reform item's new status note was not searchable");
    }
}
