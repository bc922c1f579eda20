using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Languages;

/// <summary>Issue 9, parallel texts: language versions share the MOU's numbers, record what they translate and show when they are out of date.</summary>
[Collection("api")]
public sealed class ParallelTextsApiTests(ApiFixture fixture)
{
    internal const string ArabicOp1 = "تقوم الدول بتدريب جميع الأفراد.";
    internal const string FrenchOp1 = "Les États forment tout le personnel.";

    internal static Task<HttpResponseMessage> TranslateAsync(HttpClient client, string mou, string clause, string language, string text,
        string ifMatch, int? translatesDraft = null, string? heading = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/clauses/{clause}/languages/{language}")
        {
            Content = JsonContent.Create(new { text, rationale = "translation", heading, translatesDraft }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    internal static async Task AddLanguageAsync(HttpClient sec, string mou, string language, bool required = true) =>
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/languages/{language}", new { required })).JsonAsync(HttpStatusCode.OK);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static JsonElement Language(JsonElement status, string code) =>
        status.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_translation_keeps_the_clause_number_records_its_original_draft_and_goes_out_of_date()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Languages secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Languages translator");
        var mou = await sec.CreateMouAsync();
        var pp = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = "Recalling", text = "Recalling the bulletin,", kind = "preambular" }))
            .JsonAsync(HttpStatusCode.Created);
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var op2 = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        var op1bis = await sec.AddClauseAsync(mou, "States shall report.", "Reporting", after: op1);
        await AddLanguageAsync(sec, mou, "ar");
        await AddLanguageAsync(sec, mou, "fr", required: false);

        var before = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/languages/ar")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("missing", before.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("text").ValueKind);
        Assert.Equal("OP1", before.GetProperty("number").GetString());

        var saved = await (await TranslateAsync(legal, mou, op1, "ar", ArabicOp1, "\"0\"", heading: "التدريب")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        Assert.Equal(1, saved.GetProperty("translatesDraft").GetInt32());
        Assert.Equal("up-to-date", saved.GetProperty("state").GetString());
        // the same first version again is stale: nothing is overwritten silently
        await (await TranslateAsync(legal, mou, op1, "ar", "نص آخر", "\"0\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);

        var arabic = await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/languages/ar");
        Assert.Equal("\"1\"", arabic.Headers.ETag!.Tag);
        var view = await arabic.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("OP1", ArabicOp1, "rtl", "التدريب"), (view.GetProperty("number").GetString(), view.GetProperty("text").GetString(),
            view.GetProperty("direction").GetString(), view.GetProperty("heading").GetString()));

        // the original moves on: the Arabic text is out of date, with the original's changes since the translated draft
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{op1}", "States shall train and certify all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var outdated = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/languages/ar")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("outdated", outdated.GetProperty("state").GetString());
        Assert.Equal(1, outdated.GetProperty("translatesDraft").GetInt32());
        Assert.Equal(2, outdated.GetProperty("originalVersion").GetInt32());
        var inserted = outdated.GetProperty("originalChanges").EnumerateArray().Where(c => c.GetProperty("op").GetString() == "insert")
            .Select(c => c.GetProperty("text").GetString()).ToArray();
        Assert.Contains("certify", string.Concat(inserted));

        // completeness of the current text: Arabic (required) misses PP1, OP1 bis, OP2 and has OP1 out of date
        var status = await (await sec.GetAsync($"/api/mous/{mou}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("en", status.GetProperty("original").GetString());
        Assert.False(status.GetProperty("complete").GetBoolean());
        Assert.Equal(["ar"], Strings(status.GetProperty("missingLanguages")));
        var ar = Language(status, "ar");
        Assert.Equal(["OP1"], Strings(ar.GetProperty("outdated")));
        Assert.Equal(["PP1", "OP1 bis", "OP2"], Strings(ar.GetProperty("missing")));
        Assert.True(Language(status, "en").GetProperty("complete").GetBoolean());
        Assert.False(Language(status, "fr").GetProperty("required").GetBoolean());

        // a new translation of draft 2 brings it up to date; its drafts say which original draft each translates
        await (await TranslateAsync(legal, mou, op1, "ar", "تقوم الدول بتدريب جميع الأفراد وتصديق تدريبهم.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var drafts = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/languages/ar/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([1, 2], drafts.EnumerateArray().Select(d => d.GetProperty("translatesDraft").GetInt32()));
        var diff = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/languages/ar/diff?from=1&to=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(diff.GetProperty("changes").EnumerateArray(), c => c.GetProperty("op").GetString() == "insert" && c.GetProperty("text").GetString()!.Contains("وتصديق"));

        // side by side, aligned by the MOU's numbers
        foreach (var (clause, text) in new[] { (pp.GetProperty("id").GetString()!, "مشيرة إلى النشرة،"), (op1bis, "تقدم الدول تقارير."), (op2, "تمارس الحكومة الولاية القضائية.") })
            await (await TranslateAsync(legal, mou, clause, "ar", text, "\"0\"")).JsonAsync(HttpStatusCode.OK);
        var parallel = await (await sec.GetAsync($"/api/mous/{mou}/parallel?left=en&right=ar")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("rtl", parallel.GetProperty("right").GetProperty("direction").GetString());
        var rows = parallel.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["PP1", "OP1", "OP1 bis", "OP2"], rows.Select(r => r.GetProperty("number").GetString()));
        Assert.All(rows, r => Assert.Equal(r.GetProperty("number").GetString(), r.GetProperty("right").GetProperty("number").GetString()));
        Assert.Equal("تقدم الدول تقارير.", rows[2].GetProperty("right").GetProperty("text").GetString());
        Assert.Equal("States shall report.", rows[2].GetProperty("left").GetProperty("text").GetString());

        var complete = await (await sec.GetAsync($"/api/mous/{mou}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.True(complete.GetProperty("complete").GetBoolean());
        Assert.False(Language(complete, "fr").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Publishing_an_incomplete_revision_is_warned_and_its_translations_can_follow()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Languages secretariat");
        var mou = await sec.CreateMouAsync();
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var op2 = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        await AddLanguageAsync(sec, mou, "fr");
        await (await TranslateAsync(sec, mou, op1, "fr", FrenchOp1, "\"0\"")).JsonAsync(HttpStatusCode.OK);

        var published = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, published.GetProperty("number").GetInt32());
        Assert.False(published.GetProperty("languagesComplete").GetBoolean());
        Assert.Equal(["fr"], Strings(published.GetProperty("missingLanguages")));
        Assert.Contains("fr", published.GetProperty("warning").GetString());

        var revision = await (await sec.GetAsync($"/api/mous/{mou}/languages?revision=1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["OP2"], Strings(Language(revision, "fr").GetProperty("missing")));

        // the original moves on after Rev.1; a translation of the current draft does not count for Rev.1 …
        await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{op2}", "The Government shall exercise criminal jurisdiction.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await TranslateAsync(sec, mou, op2, "fr", "Le Gouvernement exerce sa juridiction pénale.", "\"0\"")).JsonAsync(HttpStatusCode.OK);
        var still = await (await sec.GetAsync($"/api/mous/{mou}/languages?revision=1")).JsonAsync(HttpStatusCode.OK);
        Assert.False(still.GetProperty("complete").GetBoolean());
        Assert.Equal(["OP2"], Strings(Language(still, "fr").GetProperty("missing")));
        // … a translation that names the draft Rev.1 holds does
        await (await TranslateAsync(sec, mou, op2, "fr", "Le Gouvernement exerce sa juridiction.", "\"1\"", translatesDraft: 1)).JsonAsync(HttpStatusCode.OK);
        var now = await (await sec.GetAsync($"/api/mous/{mou}/languages?revision=1")).JsonAsync(HttpStatusCode.OK);
        Assert.True(now.GetProperty("complete").GetBoolean());
        var rev1 = await (await sec.GetAsync($"/api/mous/{mou}/parallel?left=en&right=fr&revision=1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Le Gouvernement exerce sa juridiction.", rev1.GetProperty("rows")[1].GetProperty("right").GetProperty("text").GetString());
        // and for the current text that translation of an older draft is out of date
        var current = await (await sec.GetAsync($"/api/mous/{mou}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["OP2"], Strings(Language(current, "fr").GetProperty("outdated")));

        // Rev.2 holds OP2's draft 2, whose French translation (French draft 1) exists: complete at once, no warning
        var complete = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        Assert.True(complete.GetProperty("languagesComplete").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, complete.GetProperty("warning").ValueKind);
        var rev2 = await (await sec.GetAsync($"/api/mous/{mou}/parallel?left=en&right=fr&revision=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Le Gouvernement exerce sa juridiction pénale.", rev2.GetProperty("rows")[1].GetProperty("right").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Comments_and_proposals_belong_to_the_language_they_were_made_in()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Languages secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var mou = await sec.CreateMouAsync();
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        await AddLanguageAsync(sec, mou, "fr");
        var path = $"/api/mous/{mou}/clauses/{op1}/languages/fr";
        // nothing to comment on before the clause has a French text
        await (await fra.PostAsJsonAsync(path + "/comments", new { text = "Avant." })).ProblemAsync(HttpStatusCode.NotFound);
        await (await TranslateAsync(sec, mou, op1, "fr", FrenchOp1, "\"0\"")).JsonAsync(HttpStatusCode.OK);

        // the quote is checked against the French text
        await (await fra.PostAsJsonAsync(path + "/comments", new { text = "Which?", quote = "all personnel" })).ProblemAsync(HttpStatusCode.BadRequest);
        var comment = await (await fra.PostAsJsonAsync(path + "/comments", new { text = "Préciser.", quote = "tout le personnel" })).JsonAsync(HttpStatusCode.Created);
        await (await fra.PostAsJsonAsync(path + "/proposals", new { text = "Les États forment et certifient tout le personnel.", onBehalfOf = "EU" })).JsonAsync(HttpStatusCode.Created);

        var comments = await (await sec.GetAsync(path + "/comments")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["tout le personnel"], comments.EnumerateArray().Select(c => c.GetProperty("quote").GetString()));
        Assert.Equal("FRA", comments[0].GetProperty("memberState").GetString());
        var proposals = await (await sec.GetAsync(path + "/proposals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("EU", proposals.EnumerateArray().Single().GetProperty("onBehalfOf").GetString());
        var resolved = await (await sec.PutAsJsonAsync($"{path}/comments/{comment.GetProperty("id").GetString()}/resolved", new { resolved = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(resolved.GetProperty("resolved").GetBoolean());

        // the original's discussion is its own
        Assert.Empty((await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/comments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/proposals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        // and the original language through the language route is the original clause
        var en = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{op1}/languages/en")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("original", "States shall train all personnel."), (en.GetProperty("state").GetString(), en.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Bad_codes_unknown_versions_and_bad_edits_are_refused_with_problem_details()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Languages secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Languages translator");
        var mou = await sec.CreateMouAsync();
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var clause = $"/api/mous/{mou}/clauses/{op1}/languages";

        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/languages/de", new { required = true })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync(clause + "/xx")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync(clause + "/ru")).ProblemAsync(HttpStatusCode.NotFound); // a UN language, but no Russian version
        await (await sec.GetAsync($"/api/mous/{mou}/parallel?left=en&right=de")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync($"/api/mous/{mou}/parallel?left=en&right=ru")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/languages?revision=7")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/unknown-mou/languages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/clauses/nosuchclause/languages/en")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/export.docx?language=de")).ProblemAsync(HttpStatusCode.BadRequest);

        // the original is English: it cannot be added as a version; it can be renamed only before any version exists
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/languages/en", new { required = true })).ProblemAsync(HttpStatusCode.Conflict);
        var renamed = await (await sec.PutAsJsonAsync($"/api/mous/{mou}/languages/FR", new { original = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("fr", renamed.GetProperty("original").GetString());
        await AddLanguageAsync(sec, mou, "ar");
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/languages/en", new { original = true })).ProblemAsync(HttpStatusCode.Conflict);
        await (await sec.GetAsync(clause + "/en")).ProblemAsync(HttpStatusCode.NotFound); // English is no longer a version of this MOU

        // edits: If-Match required, translatesDraft must name a draft of the original, delegates cannot translate
        var noIfMatch = new HttpRequestMessage(HttpMethod.Put, clause + "/ar") { Content = JsonContent.Create(new { text = ParallelTextsApiTests.ArabicOp1 }) };
        await (await legal.SendAsync(noIfMatch)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await TranslateAsync(legal, mou, op1, "ar", ArabicOp1, "\"0\"", translatesDraft: 2)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await TranslateAsync(legal, mou, op1, "ar", "", "\"0\"")).ProblemAsync(HttpStatusCode.BadRequest);
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        await (await TranslateAsync(fra, mou, op1, "ar", ArabicOp1, "\"0\"")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fra.PutAsJsonAsync($"/api/mous/{mou}/languages/es", new { required = true })).ProblemAsync(HttpStatusCode.Forbidden);
        // nothing was stored by the refused edits
        var stored = await (await sec.GetAsync(clause + "/ar")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("missing", stored.GetProperty("state").GetString());
    }
}
