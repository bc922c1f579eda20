using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Frontend;

/// <summary>
/// The pages' client of the HTTP API (one per circuit): the same calls, rules and audit as any other client,
/// signed with a short-lived token for the signed-in user.
/// </summary>
public sealed class MouApi(HttpClient http, AuthenticationStateProvider authentication, FrontendTokens tokens)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task<T> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    public Task<T> PostAsync<T>(string path, object body) => SendAsync<T>(HttpMethod.Post, path, body);

    public Task<T> PutAsync<T>(string path, object body, string? ifMatch = null) => SendAsync<T>(HttpMethod.Put, path, body, ifMatch);

    public Task DeleteAsync(string path) => SendAsync<JsonElement?>(HttpMethod.Delete, path, null);

    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(user));
        return await http.SendAsync(request);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await SendRawAsync(request);
        if (!response.IsSuccessStatusCode)
            throw await ErrorAsync(response);
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            return default!;
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task<ApiError> ErrorAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            return new ApiError(response.StatusCode,
                problem.TryGetProperty("title", out var t) ? t.GetString() ?? "Error" : "Error",
                problem.TryGetProperty("detail", out var d) ? d.GetString() : null);
        }
        catch (JsonException)
        {
            return new ApiError(response.StatusCode, response.ReasonPhrase ?? "Error", null);
        }
    }

    /// <summary>The API's address: <c>Frontend:ApiBaseAddress</c>, or this host's own first address.</summary>
    public static Uri BaseAddress(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["Frontend:ApiBaseAddress"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new Uri(configured);
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://127.0.0.1:5080";
        return new Uri(address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
    }
}
