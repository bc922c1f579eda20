using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MouWorkspace.Fault.Tests;

/// <summary>
/// Several clients writing through the HTTP API at once (comments, new clauses, chained drafts with If-Match) and
/// remembering every write that was acknowledged (answered 2xx); <see cref="VerifyAsync"/> checks each of them later.
/// </summary>
public sealed class WriteLoad
{
    private readonly ConcurrentBag<string> clauses = [];
    private readonly ConcurrentBag<(string Clause, string Comment)> comments = [];
    private readonly ConcurrentBag<(string Clause, int Version, string Text)> drafts = [];
    private int acknowledged;

    private WriteLoad(string mou) => Mou = mou;

    public string Mou { get; }

    /// <summary>Acknowledged writes so far, the MOU's creation included.</summary>
    public int Acknowledged => Volatile.Read(ref acknowledged);

    public string Summary => $"{comments.Count} comments, {clauses.Count} clauses, {drafts.Count} drafts acknowledged";

    public static async Task<WriteLoad> CreateAsync(HttpClient secretariat)
    {
        var created = await secretariat.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Durability", parties = new[] { "FRA" } });
        created.EnsureSuccessStatusCode();
        var load = new WriteLoad((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        load.acknowledged = 1;
        return load;
    }

    /// <summary>
    /// <paramref name="clients"/> clients, each with its own clause, writing until <paramref name="stop"/> is cancelled.
    /// Errors (the app or storage killed under them) are not acknowledgements and are not counted.
    /// </summary>
    public Task RunAsync(HttpClient secretariat, HttpClient delegateClient, int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, secretariat, delegateClient, stop))));

    private async Task ClientAsync(int client, HttpClient secretariat, HttpClient delegateClient, CancellationToken stop)
    {
        string? own = null;
        var version = 1;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                if (own is null || n % 3 == 1)
                {
                    var text = $"Client {client} clause {n}: States shall act.";
                    var added = await secretariat.PostAsJsonAsync($"/api/mous/{Mou}/clauses", new { heading = $"C{client}-{n}", text }, stop);
                    if (!added.IsSuccessStatusCode)
                        continue;
                    var id = (await added.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString()!;
                    Acknowledge(() => clauses.Add(id));
                    own ??= id;
                }
                else if (n % 3 == 0)
                {
                    var answer = await delegateClient.PostAsJsonAsync($"/api/mous/{Mou}/clauses/{own}/comments", new { text = $"Comment {client}-{n}" }, stop);
                    if (!answer.IsSuccessStatusCode)
                        continue;
                    var id = (await answer.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString()!;
                    Acknowledge(() => comments.Add((own, id)));
                }
                else
                {
                    var text = $"Client {client} draft {n}: States shall certify.";
                    using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{Mou}/clauses/{own}") { Content = JsonContent.Create(new { text, rationale = "durability" }) };
                    put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
                    var answer = await secretariat.SendAsync(put, stop);
                    if (answer.StatusCode == HttpStatusCode.PreconditionFailed)
                    {
                        // A write that failed (unacknowledged) may still have been stored: read the version again.
                        var current = await secretariat.GetAsync($"/api/mous/{Mou}/clauses/{own}", stop);
                        if (current.IsSuccessStatusCode)
                            version = int.Parse(current.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
                        continue;
                    }
                    if (!answer.IsSuccessStatusCode)
                        continue;
                    version = (await answer.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("version").GetInt32();
                    var saved = version;
                    Acknowledge(() => drafts.Add((own, saved, text)));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                if (!stop.IsCancellationRequested)
                    await Task.Delay(50, CancellationToken.None); // the app is gone or restarting: do not spin
            }
        }
    }

    private void Acknowledge(Action record)
    {
        record();
        Interlocked.Increment(ref acknowledged);
    }

    /// <summary>Every acknowledged write that the restarted app does not show.</summary>
    public async Task<List<string>> MissingAsync(HttpClient reader)
    {
        var missing = new List<string>();
        var mou = await reader.GetAsync($"/api/mous/{Mou}");
        if (!mou.IsSuccessStatusCode)
            return [$"the MOU {Mou} itself ({(int)mou.StatusCode})"];
        var present = (await mou.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clauses").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).ToHashSet();
        missing.AddRange(clauses.Where(c => !present.Contains(c)).Select(c => $"clause {c}"));

        foreach (var group in comments.GroupBy(c => c.Clause))
        {
            var stored = (await reader.GetFromJsonAsync<JsonElement>($"/api/mous/{Mou}/clauses/{group.Key}/comments"))
                .EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
            missing.AddRange(group.Where(c => !stored.Contains(c.Comment)).Select(c => $"comment {c.Comment} on {c.Clause}"));
        }
        foreach (var group in drafts.GroupBy(d => d.Clause))
        {
            var stored = (await reader.GetFromJsonAsync<JsonElement>($"/api/mous/{Mou}/clauses/{group.Key}/drafts"))
                .EnumerateArray().ToDictionary(d => d.GetProperty("version").GetInt32(), d => d.GetProperty("text").GetString());
            missing.AddRange(group.Where(d => !stored.TryGetValue(d.Version, out var text) || text != d.Text).Select(d => $"draft {d.Version} of {d.Clause}"));
        }
        return missing;
    }
}
