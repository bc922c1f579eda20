using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>The amendment calls the HTTP tests repeat: one proposal as the MOU's list shows it, and deciding one.</summary>
internal static class ProposalCalls
{
    public static async Task<JsonElement> ProposalAsync(HttpClient reader, string mou, string id) =>
        (await (await reader.GetAsync($"/api/mous/{mou}/proposals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, string mou, string id, string status, string note = "") =>
        client.PutAsJsonAsync($"/api/mous/{mou}/proposals/{id}/status", new { status, note });
}
