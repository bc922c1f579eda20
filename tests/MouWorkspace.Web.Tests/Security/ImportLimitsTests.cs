using System.Net;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>
/// Issue 14.5: an import is atomic from the caller's point of view — the MOU exists (audited) or nothing does, a retry
/// with the same file does not make a second one, and a text over the documented limit is refused before anything
/// is created.
/// </summary>
[Collection("api")]
public sealed class ImportLimitsTests(ApiFixture fixture)
{
    private static MultipartFormDataContent Upload(byte[] docx, string title) => new()
    {
        { new ByteArrayContent(docx), "file", "text.docx" },
        { new StringContent(title), "title" },
    };

    [Fact]
    public async Task A_text_over_the_clause_limit_is_refused_and_nothing_is_created()
    {
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Import limit officer");
        var title = "Too long " + Guid.NewGuid().ToString("N")[..6];
        var before = await ListedTitlesAsync(legal);
        var response = await legal.PostAsync("/api/mous/import", Upload(Docx.Paragraphs(MouLimits.MaxClauses + 1), title));
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"at most {MouLimits.MaxClauses:N0} clauses", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await ListedTitlesAsync(legal));
    }

    [Fact]
    public async Task The_same_file_imported_twice_is_one_MOU_and_both_answers_name_it_and_it_is_audited()
    {
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Import retry officer");
        var title = "Retried import " + Guid.NewGuid().ToString("N")[..6];
        var file = Docx.Paragraphs(300, "train");
        var first = await (await legal.PostAsync("/api/mous/import", Upload(file, title))).JsonAsync(HttpStatusCode.Created);
        var second = await (await legal.PostAsync("/api/mous/import", Upload(file, title))).JsonAsync(HttpStatusCode.Created);
        var id = first.GetProperty("id").GetString()!;
        Assert.Equal(id, second.GetProperty("id").GetString());
        Assert.Equal(300, second.GetProperty("clauses").GetInt32());
        Assert.Single(await ListedTitlesAsync(legal), t => t == title);
        var mou = await (await legal.GetAsync($"/api/mous/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(300, mou.GetProperty("clauses").GetArrayLength());
        var audit = await (await legal.GetAsync($"/api/mous/{id}/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("action").GetString() == "POST /api/mous/import");
        // Another title is another text, even from the same file.
        var other = await (await legal.PostAsync("/api/mous/import", Upload(file, title + " (copy)"))).JsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(id, other.GetProperty("id").GetString());
    }

    private static async Task<List<string>> ListedTitlesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Select(m => m.GetProperty("title").GetString()!).ToList();
}
