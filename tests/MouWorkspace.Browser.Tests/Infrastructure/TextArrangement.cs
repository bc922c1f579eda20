using System.Net;
using System.Net.Http.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Browser.Tests.Infrastructure;

/// <summary>Texts arranged through the API for the revisions, documents, audit and home page tests.</summary>
public sealed class TextArrangement(BrowserFixture fixture)
{
    public const string FirstText = "The Government shall exercise jurisdiction over its personnel.";
    public const string SecondText = "The Government shall exercise exclusive jurisdiction over its personnel.";

    public async Task<HttpClient> SecretariatAsync() => await fixture.App.ClientAsync("Secretariat", name: "Arranging secretariat");

    /// <summary>A new text (parties FRA and IND) with one clause, and <paramref name="revisions"/> revisions published (at most 2).</summary>
    public async Task<(string MouId, string ClauseId, string Title)> TextAsync(int revisions, params string[] parties)
    {
        var sec = await SecretariatAsync();
        var title = "Pages test " + Guid.NewGuid().ToString("N")[..8];
        var created = await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title, parties = parties.Length > 0 ? parties : ["FRA", "IND"] });
        var mouId = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var clauseId = await sec.AddClauseAsync(mouId, FirstText, "Jurisdiction");
        if (revisions >= 1)
            await PublishAsync(sec, mouId, "Rev.1");
        if (revisions >= 2)
        {
            await (await sec.PutTextAsync($"/api/mous/{mouId}/clauses/{clauseId}", SecondText, "\"1\"")).JsonAsync(HttpStatusCode.OK);
            await sec.AddClauseAsync(mouId, "Troop-contributing countries shall train all personnel.", "Training");
            await PublishAsync(sec, mouId, "Rev.2");
        }
        return (mouId, clauseId, title);
    }

    public static async Task PublishAsync(HttpClient sec, string mouId, string symbol) =>
        await (await sec.PostAsJsonAsync($"/api/mous/{mouId}/revisions", new { symbol })).JsonAsync(HttpStatusCode.Created);

    public async Task PositionAsync(string mouId, int revision, string state, string position, string note = "")
    {
        var delegation = await fixture.App.ClientAsync("Delegate", state, name: $"Delegate of {state}");
        await (await delegation.PostAsJsonAsync($"/api/mous/{mouId}/revisions/{revision}/positions", new { memberState = state, position, note }))
            .JsonAsync(HttpStatusCode.Created);
    }

    public async Task StartSilenceAsync(string mouId, int revision)
    {
        var deadline = DateTimeOffset.UtcNow.AddHours(73).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await (await (await SecretariatAsync()).PostAsJsonAsync($"/api/mous/{mouId}/revisions/{revision}/silence", new { deadline }))
            .JsonAsync(HttpStatusCode.Created);
    }
}
