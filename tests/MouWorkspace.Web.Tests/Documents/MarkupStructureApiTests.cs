using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Documents;

/// <summary>
/// Markups that move, add and delete paragraphs, written the way Word writes them (issue 18.4, 18.5), read back through the API:
/// each becomes the uploading delegation's proposal of that kind, with Word's author and date kept as recordedBy / recordedAt.
/// </summary>
[Collection("api")]
public sealed class MarkupStructureApiTests(ApiFixture fixture)
{
    private static readonly DateTimeOffset WordDate = new(MarkupBuilder.When);

    private static async Task<JsonElement> UploadAsync(HttpClient delegation, string mou, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "markup.docx" } };
        return await (await delegation.PostAsync($"/api/mous/{mou}/markups", form)).JsonAsync(HttpStatusCode.OK);
    }

    private static async Task<JsonElement[]> ProposalsAsync(HttpClient client, string mou) =>
        (await (await client.GetAsync($"/api/mous/{mou}/proposals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToArray();

    [Fact]
    public async Task Moves_new_and_deleted_paragraphs_become_proposals_with_words_author_and_date_and_the_same_file_twice_adds_nothing()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var c1 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var c2 = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        var c3 = await sec.AddClauseAsync(mou, "Reports are due every year.", "Reports");
        var c4 = await sec.AddClauseAsync(mou, "This memorandum enters into force on signature.", "Entry into force");
        var export = await (await sec.GetAsync($"/api/mous/{mou}/export.docx")).Content.ReadAsByteArrayAsync();

        byte[] marked;
        using (var word = new MarkupBuilder(export))
        {
            var (op1, op2, op3, op4) = (word.Clause("OP1"), word.Clause("OP2"), word.Clause("OP3"), word.Clause("OP4"));
            word.Move(op1, after: op4);
            word.InsertParagraphAfter(op2, "The Government shall report on the exercise of its jurisdiction.");
            word.DeleteParagraph(op3);
            word.Replace(op2, "exercise jurisdiction", "exercise exclusive jurisdiction");
            word.Comment(op4, "signature", "India asks for ratification instead.");
            marked = word.Save();
        }
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var summary = await UploadAsync(ind, mou, marked);

        Assert.True((4, 1) == (summary.GetProperty("proposals").GetInt32(), summary.GetProperty("comments").GetInt32()), summary.ToString());
        Assert.Empty(summary.GetProperty("unmatched").EnumerateArray());
        var listed = await ProposalsAsync(sec, mou);
        Assert.Equal(4, listed.Length);
        JsonElement Of(string kind) => Assert.Single(listed, p => p.GetProperty("kind").GetString() == kind);
        var (move, insert, delete, replace) = (Of("move"), Of("insert"), Of("delete"), Of("replace"));
        Assert.Equal((c1, c4), (move.GetProperty("clauseId").GetString(), move.GetProperty("after").GetString()));
        Assert.Equal((c2, "operative", "The Government shall report on the exercise of its jurisdiction."),
            (insert.GetProperty("after").GetString(), insert.GetProperty("clauseKind").GetString(), insert.GetProperty("text").GetString()));
        Assert.Equal(c3, delete.GetProperty("clauseId").GetString());
        Assert.Equal((c2, "The Government shall exercise exclusive jurisdiction."), (replace.GetProperty("clauseId").GetString(), replace.GetProperty("text").GetString()));
        Assert.All(listed, p =>
        {
            // Attribution is the uploading delegation; Word's author and date are kept beside it.
            Assert.Equal(("IND", "Delegate of India"), (p.GetProperty("onBehalfOf").GetString(), p.GetProperty("by").GetString()));
            Assert.Equal((MarkupBuilder.India, WordDate), (p.GetProperty("recordedBy").GetString(), p.GetProperty("recordedAt").GetDateTimeOffset()));
        });
        var comment = Assert.Single((await (await sec.GetAsync($"/api/mous/{mou}/clauses/{c4}/comments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(("IND", MarkupBuilder.India, WordDate),
            (comment.GetProperty("memberState").GetString(), comment.GetProperty("recordedBy").GetString(), comment.GetProperty("recordedAt").GetDateTimeOffset()));

        var again = await UploadAsync(ind, mou, marked);
        Assert.Equal((0, 0), (again.GetProperty("proposals").GetInt32(), again.GetProperty("comments").GetInt32()));
        Assert.Equal(4, (await ProposalsAsync(sec, mou)).Length);
        // A proposal made in the workspace has no Word record.
        var typed = await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{c3}/proposals", new { text = "Reports are due every two years." })).JsonAsync(HttpStatusCode.Created);
        var made = Assert.Single(await ProposalsAsync(sec, mou), p => p.GetProperty("id").GetString() == typed.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, made.GetProperty("recordedBy").ValueKind);
    }

    [Fact]
    public async Task The_openapi_document_describes_recorded_by_and_at_on_proposals_and_comments()
    {
        var openApi = (await (await fixture.App.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var schemas = JsonDocument.Parse(openApi).RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "ProposalResponse", "Comment" })
        {
            var properties = schemas.GetProperty(schema).GetProperty("properties");
            Assert.Contains("Word", properties.GetProperty("recordedBy").GetProperty("description").GetString());
            Assert.Contains("w:date", properties.GetProperty("recordedAt").GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task The_circulated_redline_of_a_removed_clause_sent_back_unchanged_adds_nothing()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        var removed = await sec.AddClauseAsync(mou, "Reports are due every year.", "Reports");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var deletion = await (await fra.PostAsJsonAsync($"/api/mous/{mou}/proposals", new { kind = "delete", clauseId = removed })).JsonAsync(HttpStatusCode.Created);
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/proposals/{deletion.GetProperty("id").GetString()}/status", new { status = "accepted", note = "agreed" }))
            .JsonAsync(HttpStatusCode.OK);
        await sec.AddClauseAsync(mou, "This memorandum enters into force on signature.", "Entry into force");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        // The redline shows the removed clause deleted whole and the new one typed in: the secretariat's changes, not India's.
        var redline = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=2&base=1")).Content.ReadAsByteArrayAsync();
        var before = (await ProposalsAsync(sec, mou)).Length;

        var summary = await UploadAsync(await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India"), mou, redline);

        Assert.True(summary.GetProperty("proposals").GetInt32() == 0, summary.ToString());
        Assert.Equal(before, (await ProposalsAsync(sec, mou)).Length);
    }
}
