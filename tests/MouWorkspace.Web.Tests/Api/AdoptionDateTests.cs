using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>
/// Issue 15.17: an adoption cannot be dated before its revision was published (422, a plain sentence, nothing stored);
/// a revision circulated before the text was kept here is published with its own day (publishedOn).
/// </summary>
[Collection("api")]
public sealed class AdoptionDateTests(ApiFixture fixture)
{
    [Fact]
    public async Task An_adoption_dated_before_its_revision_was_published_is_refused_with_422_and_not_stored()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        await sec.AddClauseAsync(mou, "Personnel shall comply with the standards of conduct.");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await (await legal.AdoptAsync("SEN", mou, 1, "2007-03-01")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal($"SEN cannot have adopted Rev.1 on 2007-03-01: Rev.1 was published on {today}.", refused.GetProperty("detail").GetString());
        var sen = await (await legal.GetAsync("/api/tccs/SEN")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(sen.GetProperty("adoptionHistory").EnumerateArray(), a => a.GetProperty("mouId").GetString() == mou);

        // The day of publication itself is fine.
        var adopted = await (await legal.AdoptAsync("SEN", mou, 1, today)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(today, adopted.GetProperty("adoptedOn").GetString());
    }

    [Fact]
    public async Task A_revision_is_published_with_its_historical_day_never_in_the_future_nor_before_the_previous_one()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        await sec.AddClauseAsync(mou, "Personnel shall comply with the standards of conduct.");
        var future = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = TrackingClient.FutureDate() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("future", future.GetProperty("detail").GetString());
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = "1 March 2006" })).ProblemAsync(HttpStatusCode.BadRequest);

        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1", publishedOn = "2006-03-01" })).JsonAsync(HttpStatusCode.Created);
        var rev1 = await (await sec.GetAsync($"/api/mous/{mou}/revisions/1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(2006, 3, 1, 0, 0, 0, TimeSpan.Zero), rev1.GetProperty("publishedAt").GetDateTimeOffset());
        var earlier = await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2", publishedOn = "2006-02-28" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Rev.1 was published on 2006-03-01", earlier.GetProperty("detail").GetString());
        var info = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, info.GetProperty("revisions").GetArrayLength());

        await (await legal.AdoptAsync("SEN", mou, 1, "2006-02-27")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await legal.AdoptAsync("SEN", mou, 1, "2006-03-01")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_organizations_text_is_answered_as_if_it_did_not_exist_with_the_403_of_the_contract()
    {
        var un = await fixture.App.ClientAsync("Secretariat");
        var mou = await un.PublishedMouAsync();
        var nato = await fixture.App.ClientAsync("LegalOfficer", organization: "nato");
        foreach (var response in new[]
        {
            await nato.GetAsync($"/api/mous/{mou}"),
            await nato.AdoptAsync("FRA", mou, 1),
            await nato.GetAsync($"/api/mous/{mou}/revisions/1"),
        })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("Not found", problem.GetProperty("title").GetString());
            Assert.Equal($"there is no MOU {mou}", problem.GetProperty("detail").GetString());
            Assert.DoesNotContain("un", problem.GetProperty("detail").GetString()!.Replace(mou, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        var unknown = await (await nato.GetAsync("/api/mous/no-such-text")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("there is no MOU no-such-text", unknown.GetProperty("detail").GetString());
    }
}
