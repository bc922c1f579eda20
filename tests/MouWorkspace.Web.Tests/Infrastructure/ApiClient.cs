using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>Small helpers for the HTTP tests: JSON in, JSON out, problem details checked.</summary>
public static class ApiClient
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem details answer with the status, and that it names no internal type or stack trace.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("MouWorkspace.", body);
        Assert.DoesNotContain("   at ", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<string> CreateMouAsync(this HttpClient secretariat, string organization = "un", params string[] parties)
    {
        var response = await secretariat.PostAsJsonAsync("/api/mous",
            new { organization, title = "Test MOU " + Guid.NewGuid().ToString("N")[..6], parties = parties.Length > 0 ? parties : ["FRA", "IND"] });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> AddClauseAsync(this HttpClient staff, string mouId, string text, string heading = "Clause", string? after = null)
    {
        var response = await staff.PostAsJsonAsync($"/api/mous/{mouId}/clauses", new { heading, text, after });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> PutTextAsync(this HttpClient client, string path, string text, string? ifMatch, string rationale = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { text, rationale }) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
