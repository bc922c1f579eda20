using System.Globalization;
using System.Net;
using System.Text.Json;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Documents;

/// <summary>
/// The hostile packages of the document tests, sent to both Word upload endpoints: each is refused with a 4xx
/// problem in our words, nothing is created, and the server keeps answering (a stack overflow would kill it).
/// </summary>
[Collection("api")]
public sealed class HostileUploadTests(ApiFixture fixture)
{
    private sealed record Target(HttpClient Secretariat, HttpClient Delegate, string MouId, string ClauseId);

    private async Task<Target> MouAsync()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Hostile upload secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Hostile upload delegate");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "The Parties shall cooperate.", "Cooperation");
        return new Target(sec, fra, mou, clause);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "hostile.docx" } };
        return await client.PostAsync(path, form);
    }

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ProblemAsync(expected);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.All(HostileDocx.ParserPhrases, phrase => Assert.DoesNotContain(phrase, detail, StringComparison.OrdinalIgnoreCase));
        return problem;
    }

    private async Task AssertStillAnsweringAsync(Target target)
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClient().GetAsync("/health")).StatusCode);
        var mou = await (await target.Secretariat.GetAsync($"/api/mous/{target.MouId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(target.MouId, mou.GetProperty("id").GetString());
    }

    private async Task<int> MouCountAsync(HttpClient sec) =>
        (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

    [Fact]
    public async Task The_clean_package_of_the_same_builder_is_accepted_by_both_endpoints()
    {
        var target = await MouAsync();
        await (await PostAsync(target.Secretariat, "/api/mous/import", HostileDocx.Clean())).JsonAsync(HttpStatusCode.Created);
        await (await PostAsync(target.Delegate, $"/api/mous/{target.MouId}/markups", HostileDocx.Clean())).JsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(50_000)] // killed the whole process before the guard: a stack overflow in the SDK's DOM load
    [InlineData(200_000)]
    public async Task Deep_nesting_is_refused_with_422_by_import_and_markups_and_the_server_keeps_answering(int depth)
    {
        var target = await MouAsync();
        var bytes = HostileDocx.Deep(depth);
        var expected = string.Create(CultureInfo.InvariantCulture, $"nested {HostileDocx.DeepestLevel(depth):N0} levels deep");

        foreach (var (client, path) in new[] { (target.Secretariat, "/api/mous/import"), (target.Delegate, $"/api/mous/{target.MouId}/markups") })
        {
            var problem = await RefusedAsync(await PostAsync(client, path, bytes), HttpStatusCode.UnprocessableEntity);

            Assert.Equal("Document too complex", problem.GetProperty("title").GetString());
            Assert.Contains(expected, problem.GetProperty("detail").GetString());
            Assert.Contains($"at most {XmlLimits.MaxDepth} are accepted", problem.GetProperty("detail").GetString());
            await AssertStillAnsweringAsync(target);
        }
    }

    public static TheoryData<string, string> HostileFiles() => new()
    {
        { "a DTD in document.xml", "word/document.xml" },
        { "a DTD in comments.xml", "word/comments.xml" },
        { "a DTD in a custom XML part", "customXml/item1.xml" },
        { "a DTD in the content types", "[Content_Types].xml" },
        { "zip headers that understate the sizes", "word/document.xml" },
        { "understated sizes over damaged data", "word/document.xml" },
        { "2,000,000 paragraphs", XmlLimits.MaxElements.ToString("N0", CultureInfo.InvariantCulture) },
    };

    private static byte[] Build(string why) => why switch
    {
        "a DTD in document.xml" => HostileDocx.DtdPackage("word/document.xml"),
        "a DTD in comments.xml" => HostileDocx.DtdPackage("word/comments.xml"),
        "a DTD in a custom XML part" => HostileDocx.DtdPackage("customXml/item1.xml"),
        "a DTD in the content types" => HostileDocx.DtdPackage("[Content_Types].xml"),
        "zip headers that understate the sizes" => HostileDocx.Understated(60 * 1024 * 1024, claimedBytes: 1000),
        "understated sizes over damaged data" => HostileDocx.Understated(60 * 1024 * 1024, claimedBytes: 1000, damaged: true),
        "2,000,000 paragraphs" => HostileDocx.ManyParagraphs(XmlLimits.MaxElements),
        _ => throw new ArgumentOutOfRangeException(nameof(why), why, null),
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Hostile_files_are_refused_in_our_words_by_import_and_markups_and_create_nothing(string why, string named)
    {
        var target = await MouAsync();
        var bytes = Build(why);
        var before = await MouCountAsync(target.Secretariat);

        var imported = await RefusedAsync(await PostAsync(target.Secretariat, "/api/mous/import", bytes), HttpStatusCode.UnprocessableEntity);
        var markup = await RefusedAsync(await PostAsync(target.Delegate, $"/api/mous/{target.MouId}/markups", bytes), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(named, imported.GetProperty("detail").GetString());
        Assert.Equal(imported.GetProperty("detail").GetString(), markup.GetProperty("detail").GetString());
        Assert.Equal(before, await MouCountAsync(target.Secretariat));
        var proposals = await (await target.Secretariat.GetAsync($"/api/mous/{target.MouId}/clauses/{target.ClauseId}/proposals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, proposals.GetArrayLength());
        await AssertStillAnsweringAsync(target);
    }
}
