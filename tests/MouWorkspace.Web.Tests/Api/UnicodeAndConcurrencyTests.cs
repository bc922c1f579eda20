using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

[Collection("api")]
public sealed class UnicodeAndConcurrencyTests(ApiFixture fixture)
{
    public static TheoryData<string> Texts => new()
    {
        "تلتزم الدول المساهمة بقوات بضمان تدريب جميع الأفراد [قبل النشر][أثناء النشر].",
        "部队派遣国[应][须]确保所有人员接受部署前培训。",
        "Страны, предоставляющие войска, [обеспечивают][должны обеспечивать] подготовку персонала.",
        "Les pays fournisseurs de contingents veillent à la formation préalable — « sans délai ».",
        "Los países que aportan contingentes garantizarán la capacitación previa al despliegue.",
        "Emoji survive: 🇺🇳 👩🏽‍⚖️ ✍️ and combining marks: é (e\u0301)",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Text_in_every_official_language_and_emoji_round_trips_exactly(string text)
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "Placeholder.", heading: text.Split(' ')[0]);
        var path = $"/api/mous/{mou}/clauses/{clause}";
        await (await sec.PutTextAsync(path, text, "\"1\"", text)).JsonAsync(HttpStatusCode.OK);
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        await (await fra.PostAsJsonAsync(path + "/comments", new { text, quote = text[..5] })).JsonAsync(HttpStatusCode.Created);

        var view = await (await sec.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(text, view.GetProperty("text").GetString());
        Assert.Equal(text.Split(' ')[0], view.GetProperty("heading").GetString());
        var drafts = await (await sec.GetAsync(path + "/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(text, drafts[1].GetProperty("rationale").GetString());
        var comment = (await (await sec.GetAsync(path + "/comments")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal(text, comment.GetProperty("text").GetString());
        Assert.Equal(text[..5], comment.GetProperty("quote").GetString());
        var diff = await (await sec.GetAsync(path + "/diff?from=1&to=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(text, string.Concat(diff.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("op").GetString() != "delete").Select(c => c.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task Twenty_clients_racing_with_the_same_version_leave_exactly_one_winner()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "Original.");
        var path = $"/api/mous/{mou}/clauses/{clause}";
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => fixture.App.ClientAsync("LegalOfficer", name: $"Legal officer {i}")));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PutTextAsync(path, $"Text of writer {i}.", "\"1\"")));

        var winners = responses.Select((r, i) => (r.StatusCode, i)).Where(x => x.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var drafts = await (await sec.GetAsync(path + "/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, drafts.GetArrayLength());
        Assert.Equal($"Text of writer {winners[0].i}.", drafts[1].GetProperty("text").GetString());
        Assert.Equal($"Legal officer {winners[0].i}", drafts[1].GetProperty("author").GetString());
    }
}
