using System.Net;
using System.Net.Http.Json;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>Helpers for the tracking tests.</summary>
public static class TrackingClient
{
    /// <summary>The day the tracking tests' revisions are published on: before every adoption they record (2006 and 2007).</summary>
    public const string HistoricalPublication = "2006-01-02";

    /// <summary>
    /// A new MOU of the secretariat's organization with the given clauses, published as Rev.1 … Rev.n on
    /// <see cref="HistoricalPublication"/>: an adoption cannot be dated before its revision was published.
    /// </summary>
    public static async Task<string> PublishedMouAsync(this HttpClient secretariat, string organization = "un", int revisions = 1, params string[] texts)
    {
        var mou = await secretariat.CreateMouAsync(organization, "FRA", "IND");
        foreach (var text in texts.Length > 0 ? texts : ["First clause.", "Second clause."])
            await secretariat.AddClauseAsync(mou, text);
        for (var n = 1; n <= revisions; n++)
            await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = $"Rev.{n}", publishedOn = HistoricalPublication })).JsonAsync(HttpStatusCode.Created);
        return mou;
    }

    public static Task<HttpResponseMessage> AdoptAsync(this HttpClient legal, string code, string mou, int revision, string adoptedOn = "2007-03-01", string? evidence = null) =>
        legal.PutAsJsonAsync($"/api/tccs/{code}/adoptions/{mou}", new { revision, adoptedOn, evidence });

    public static async Task<byte[]> BytesAsync(this HttpResponseMessage response, string contentType)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    public static string FutureDate(int days = 3) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");
}
