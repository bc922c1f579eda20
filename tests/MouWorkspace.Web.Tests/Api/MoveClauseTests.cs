using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>PUT /api/mous/{mouId}/clauses/{clauseId}/place: a clause moves, keeps its number, and a published revision keeps the old order.</summary>
[Collection("api")]
public sealed class MoveClauseTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_clause_moves_after_another_or_to_the_top_and_keeps_its_number()
    {
        var staff = await fixture.App.ClientAsync("LegalOfficer", name: "Move legal officer");
        var secretariat = await fixture.App.ClientAsync("Secretariat", name: "Move secretariat");
        var mou = await secretariat.CreateMouAsync("un", "FRA");
        var a = await staff.AddClauseAsync(mou, "First.");
        var b = await staff.AddClauseAsync(mou, "Second.");
        var c = await staff.AddClauseAsync(mou, "Third.");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/mous/{mou}/clauses/{a}/place", new { after = c })).StatusCode);
        Assert.Equal([(b, "OP2"), (c, "OP3"), (a, "OP1")], await OrderAsync(staff, $"/api/mous/{mou}"));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/mous/{mou}/clauses/{c}/place", new { after = (string?)null })).StatusCode);
        Assert.Equal([(c, "OP3"), (b, "OP2"), (a, "OP1")], await OrderAsync(staff, $"/api/mous/{mou}"));
        // The revision is a snapshot: its order is the one published.
        Assert.Equal([(a, "OP1"), (b, "OP2"), (c, "OP3")], await OrderAsync(staff, $"/api/mous/{mou}/revisions/1"));

        var self = await (await staff.PutAsJsonAsync($"/api/mous/{mou}/clauses/{b}/place", new { after = b })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("after", self.GetProperty("detail").GetString());
        await (await staff.PutAsJsonAsync($"/api/mous/{mou}/clauses/{b}/place", new { after = "nope" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([(c, "OP3"), (b, "OP2"), (a, "OP1")], await OrderAsync(staff, $"/api/mous/{mou}"));

        // A clause taken out of the text has nowhere to move.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/mous/{mou}/clauses/{b}")).StatusCode);
        await (await staff.PutAsJsonAsync($"/api/mous/{mou}/clauses/{b}/place", new { after = (string?)null })).ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PutAsJsonAsync($"/api/mous/{mou}/clauses/{a}/place", new { after = b })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<List<(string, string)>> OrderAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses").EnumerateArray()
            .Select(x => (x.GetProperty("id").GetString()!, x.GetProperty("number").GetString()!)).ToList();
}
