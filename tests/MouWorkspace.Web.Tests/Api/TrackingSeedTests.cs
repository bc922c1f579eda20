using System.Net;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>The first start of a fresh app seeds the report's reform items and the seven TCCs, through DemoSeeder.</summary>
[Collection("api")]
public sealed class TrackingSeedTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_fresh_app_shows_the_reports_tccs_with_29_personnel_disciplined_and_the_overdue_strategy()
    {
        await using var app = new MouApp(fixture.ConnectionString, settings: new Dictionary<string, string> { ["Seed:Demo"] = "true" });
        var legal = await app.ClientAsync("LegalOfficer");
        JsonElement tccs = default;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        // Seeding runs in the background after start; the TCCs come last.
        while (DateTime.UtcNow < until)
        {
            tccs = await (await legal.GetAsync("/api/tccs")).JsonAsync(HttpStatusCode.OK);
            if (tccs.EnumerateArray().Sum(t => t.GetProperty("disciplinaryActions").GetInt32()) >= 29)
                break;
            await Task.Delay(500);
        }
        string[] named = ["FRA", "IND", "MAR", "NPL", "PAK", "TUN", "URY"];
        Assert.Equal(29, tccs.EnumerateArray().Where(t => named.Contains(t.GetProperty("code").GetString())).Sum(t => t.GetProperty("disciplinaryActions").GetInt32()));
        Assert.Equal(29, tccs.EnumerateArray().Sum(t => t.GetProperty("disciplinaryActions").GetInt32()));
        var fra = tccs.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "FRA").GetProperty("adoptions")[0];
        Assert.Equal(("un-model-mou", 1), (fra.GetProperty("mouId").GetString(), fra.GetProperty("revision").GetInt32()));

        // The seeded adoptions (2007) are of a revision published before them: the demo keeps the rule it shows (issue 15.17).
        var model = await (await legal.GetAsync("/api/mous/un-model-mou")).JsonAsync(HttpStatusCode.OK);
        var rev1 = model.GetProperty("revisions")[0].GetProperty("publishedAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2006, 12, 1, 0, 0, 0, TimeSpan.Zero), rev1);
        Assert.True(DateOnly.Parse(fra.GetProperty("adoptedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= DateOnly.FromDateTime(rev1.UtcDateTime));

        var behind = await (await legal.GetAsync("/api/tccs/matrix?filter=adopted&mouId=un-model-mou")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["FRA", "IND", "NPL", "URY"], behind.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Order());

        var items = await (await legal.GetAsync("/api/reform-items")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(20, items.GetArrayLength());
        Assert.Equal(["un-victim-assistance"], items.EnumerateArray().Where(i => i.GetProperty("overdue").GetBoolean()).Select(i => i.GetProperty("id").GetString()));
    }
}
