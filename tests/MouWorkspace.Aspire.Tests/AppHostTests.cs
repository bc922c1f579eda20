using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MouWorkspace.Aspire.Tests;

/// <summary>
/// The Aspire AppHost as an operator starts it (Azurite, two silos, a web front end that is an Orleans client),
/// and one workflow through the front end: what is written through it is read back from a silo.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class AppHostTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_apphost_runs_the_cluster_and_a_text_written_through_the_front_end_reads_back_from_a_silo()
    {
        Environment.SetEnvironmentVariable("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MouWorkspace_AppHost>(
            [$"--WebPort={FreePort()}"]);
        await using var app = await builder.BuildAsync();
        await app.StartAsync();
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var logs = CollectLogs(app, ready.Token, "silo-1", "silo-2", "web");
        try
        {
            await RunWorkflowAsync(app, ready.Token);
        }
        catch
        {
            // What the processes said, so that a failure here can be read from the test output alone.
            foreach (var line in logs.TakeLast(150))
                output.WriteLine(line);
            throw;
        }
    }

    private static System.Collections.Concurrent.ConcurrentQueue<string> CollectLogs(DistributedApplication app, CancellationToken ct, params string[] resources)
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var logger = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in resources)
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in logger.WatchAsync(resource).WithCancellation(ct))
                        foreach (var line in batch)
                            lines.Enqueue($"[{resource}] {line.Content}");
                }
                catch (OperationCanceledException)
                {
                    // the test is over
                }
            }, ct);
        return lines;
    }

    private static async Task RunWorkflowAsync(DistributedApplication app, CancellationToken ct)
    {
        using var ready = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        foreach (var resource in new[] { "silo-1", "silo-2", "web" })
            await notifications.WaitForResourceAsync(resource, KnownResourceStates.Running, ready.Token);

        var web = await HealthyClientAsync(app, "web", ready.Token);
        var silo = await HealthyClientAsync(app, "silo-2", ready.Token);

        var token = (await (await web.PostAsJsonAsync("/api/dev/token", new { name = "Aspire secretariat", roles = new[] { "Secretariat" }, organization = "un" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        web.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await web.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Written through the front end", parties = new[] { "FRA" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mou = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await web.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { text = "States [shall][should] train." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/signin")).StatusCode);

        // The same signing key is in every process (the data folder), so the silo accepts the token too.
        silo.DefaultRequestHeaders.Authorization = web.DefaultRequestHeaders.Authorization;
        var read = await silo.GetFromJsonAsync<JsonElement>($"/api/mous/{mou}");
        Assert.Equal("Written through the front end", read.GetProperty("title").GetString());
        Assert.Equal("bracketed", read.GetProperty("clauses")[0].GetProperty("status").GetString());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpClient> HealthyClientAsync(DistributedApplication app, string resource, CancellationToken ct)
    {
        var client = app.CreateHttpClient(resource, "http");
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health", ct)).IsSuccessStatusCode)
                    return client;
            }
            catch (HttpRequestException)
            {
                // not up yet
            }
            await Task.Delay(500, ct);
        }
    }
}
