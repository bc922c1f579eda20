using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;
using static MouWorkspace.Web.Tests.Notifications.NotificationTestKit;

namespace MouWorkspace.Web.Tests.Events;

/// <summary>
/// Outbound webhooks end to end: a receiver on loopback (the app in Development, where loopback receivers are
/// allowed) gets each change it asked for as a signed JSON POST, again after it failed once; outside Development a
/// loopback or private address is refused at registration.
/// </summary>
[Collection("api")]
public sealed class WebhookTests(ApiFixture fixture)
{
    private const string Secret = "a-receiver-secret-of-32-characters";

    [Fact]
    public async Task A_saved_draft_reaches_the_receiver_signed_within_a_second_and_again_after_a_500()
    {
        await using var receiver = new Receiver(failFirst: 1);
        await using var app = new MouApp(fixture.ConnectionString, environment: "Development",
            settings: new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "1000000" });
        var sec = As(app, "Secretariat");
        var mou = await sec.Client.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.Client.AddClauseAsync(mou, "States shall train all personnel.");
        var hook = await (await sec.Client.PostAsJsonAsync("/api/organizations/un/webhooks",
            new { url = receiver.Url, events = new[] { "draft.*", "revision.published" }, secret = Secret })).JsonAsync(HttpStatusCode.Created);
        var hookId = hook.GetProperty("id").GetString()!;
        Assert.False(hook.TryGetProperty("secret", out _));

        // First change: the receiver answers 500 once, then 200 to the retry (backoff 1 s).
        var clock = Stopwatch.StartNew();
        await (await sec.Client.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "States shall certify all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var first = await UntilAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 2, "the draft delivered twice (500, then 200)");
        Console.WriteLine($"first attempt {first[0].At - first[1].At:g} before the retry; delivered {clock.ElapsedMilliseconds} ms after the request");
        Assert.Equal(first[0].Body, first[1].Body);
        Assert.Equal(first[0].Delivery, first[1].Delivery);
        var body = JsonDocument.Parse(first[1].Body).RootElement;
        Assert.Equal("draft.saved", body.GetProperty("kind").GetString());
        Assert.Equal(mou, body.GetProperty("data").GetProperty("mouId").GetString());
        Assert.Equal(2, body.GetProperty("data").GetProperty("version").GetInt32());
        Assert.Equal(sec.Name, body.GetProperty("by").GetProperty("name").GetString());
        Assert.False(body.GetProperty("by").TryGetProperty("userId", out _));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(first[1].Body))),
            first[1].Signature);
        Assert.Equal("draft.saved", first[1].Kind);

        // A second change, the receiver healthy: delivered at once (the time is printed; targets are measured in bench/, not here).
        clock.Restart();
        await (await sec.Client.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "States shall certify and train all personnel.", "\"2\"")).JsonAsync(HttpStatusCode.OK);
        var second = await UntilAsync(() => Task.FromResult(receiver.Received.ToList()), r => r.Count >= 3, "the second draft delivered");
        Console.WriteLine($"second draft delivered {clock.ElapsedMilliseconds} ms after the request");
        Assert.Equal(3, JsonDocument.Parse(second[2].Body).RootElement.GetProperty("data").GetProperty("version").GetInt32());

        // Not asked for: a comment sends nothing. The deliveries list tells what happened.
        await (await sec.Client.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "Noted." })).JsonAsync(HttpStatusCode.Created);
        var deliveries = await UntilAsync(async () => await (await sec.Client.GetAsync($"/api/organizations/un/webhooks/{hookId}/deliveries")).JsonAsync(HttpStatusCode.OK),
            d => d.GetArrayLength() == 2 && d.EnumerateArray().All(x => x.GetProperty("status").GetString() == "delivered"), "two delivered");
        Assert.Equal([1, 2], deliveries.EnumerateArray().Select(d => d.GetProperty("attempts").GetInt32()).Order().ToArray());
        Assert.Equal(3, receiver.Received.Count);

        // Removed: no more deliveries.
        Assert.Equal(HttpStatusCode.NoContent, (await sec.Client.DeleteAsync($"/api/organizations/un/webhooks/{hookId}")).StatusCode);
        await (await sec.Client.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await sec.Client.GetAsync($"/api/organizations/un/webhooks/{hookId}/deliveries")).ProblemAsync(HttpStatusCode.NotFound);
        // Once the revision's event has been consumed (it is in the activity list), the receiver has still had three.
        await UntilAsync(async () => await (await sec.Client.GetAsync($"/api/mous/{mou}/activity?limit=1")).JsonAsync(HttpStatusCode.OK),
            a => a[0].GetProperty("kind").GetString() == "revision.published", "the revision consumed");
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task Outside_Development_an_internal_address_is_refused_and_only_the_organizations_secretariat_registers()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        foreach (var url in new[] { "http://127.0.0.1:9/hook", "http://[::1]/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://192.168.0.10/x",
                     "http://localhost/hook", "ftp://203.0.113.10/hook", "https://user:pass@203.0.113.10/hook", "not a url" })
        {
            var refused = await (await sec.PostAsJsonAsync("/api/organizations/un/webhooks", new { url, events = new[] { "*" }, secret = Secret })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("url", refused.GetProperty("detail").GetString());
        }
        await (await sec.PostAsJsonAsync("/api/organizations/un/webhooks", new { url = "https://203.0.113.10/hook", events = Array.Empty<string>(), secret = Secret })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync("/api/organizations/un/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { "DROP TABLE" }, secret = Secret })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.PostAsJsonAsync("/api/organizations/un/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { "*" }, secret = "short" })).ProblemAsync(HttpStatusCode.BadRequest);
        var nato = await fixture.App.ClientAsync("Secretariat", organization: "nato");
        await (await nato.PostAsJsonAsync("/api/organizations/un/webhooks", new { url = "https://203.0.113.10/hook", events = new[] { "matrix.none" }, secret = Secret })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await nato.GetAsync("/api/organizations/un/webhooks")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await sec.GetAsync("/api/organizations/nowhere/webhooks")).ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A loopback HTTP receiver that records each POST and answers 500 to the first <c>failFirst</c>.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        public sealed record Request(string Body, string? Signature, string? Kind, string? Delivery, TimeSpan At);

        private readonly HttpListener listener = new();
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int failures;

        public Receiver(int failFirst)
        {
            failures = failFirst;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hook";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public ConcurrentQueue<Request> Received { get; } = new();

        private async Task LoopAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                Received.Enqueue(new Request(body, context.Request.Headers["X-MouWorkspace-Signature"], context.Request.Headers["X-MouWorkspace-Event"],
                    context.Request.Headers["X-MouWorkspace-Delivery"], clock.Elapsed));
                context.Response.StatusCode = Interlocked.Decrement(ref failures) >= 0 ? 500 : 200;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public ValueTask DisposeAsync()
        {
            listener.Stop();
            listener.Close();
            return ValueTask.CompletedTask;
        }
    }
}
