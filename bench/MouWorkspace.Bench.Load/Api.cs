using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MouWorkspace.Bench.Load;

/// <summary>The calls of docs/API.md the benchmark arranges its data with and measures.</summary>
internal sealed class Api(HttpClient http, Uri baseAddress)
{
    public Uri BaseAddress { get; } = baseAddress;

    public async Task<string> TokenAsync(string name, string role, string? memberState)
    {
        using var response = await http.PostAsJsonAsync(new Uri(BaseAddress, "/api/dev/token"),
            new { name, roles = new[] { role }, memberState, organization = "un" });
        return (await ReadAsync(response, HttpStatusCode.OK)).GetProperty("token").GetString()!;
    }

    public async Task<string> CreateMouAsync(string token, string title, IEnumerable<string> parties)
    {
        using var request = Request(HttpMethod.Post, "/api/mous", token, new { organization = "un", title, parties = parties.ToArray() });
        using var response = await http.SendAsync(request);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public async Task<string> AddClauseAsync(string token, string mouId, string heading, string text)
    {
        using var request = Request(HttpMethod.Post, $"/api/mous/{mouId}/clauses", token, new { heading, text });
        using var response = await http.SendAsync(request);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public async Task<int> PublishAsync(string token, string mouId, string symbol)
    {
        using var request = Request(HttpMethod.Post, $"/api/mous/{mouId}/revisions", token, new { symbol });
        using var response = await http.SendAsync(request);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("number").GetInt32();
    }

    /// <summary>POSTs <paramref name="body"/>; the id of what the 201 created.</summary>
    public async Task<string> PostForIdAsync(string path, string token, object body)
    {
        using var request = Request(HttpMethod.Post, path, token, body);
        using var response = await http.SendAsync(request);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public async Task<string> ClauseTextAsync(string mouId, string clauseId, string token)
    {
        using var request = Request(HttpMethod.Get, $"/api/mous/{mouId}/clauses/{clauseId}", token, null);
        using var response = await http.SendAsync(request);
        return (await ReadAsync(response, HttpStatusCode.OK)).GetProperty("text").GetString()!;
    }

    /// <summary>Sends a request; true when the status is the expected one (the body is read and dropped), otherwise throws with the status and body.</summary>
    public async Task<bool> SendAsync(HttpMethod method, string path, string token, object? body, HttpStatusCode expected)
    {
        using var request = Request(method, path, token, body);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode == expected)
            return true;
        var text = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
