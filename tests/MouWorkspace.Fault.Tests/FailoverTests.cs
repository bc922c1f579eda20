using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MouWorkspace.Web.Storage;
using Xunit.Abstractions;

namespace MouWorkspace.Fault.Tests;

/// <summary>
/// Three silos on Azure Table clustering under a steady write load; one is killed with SIGKILL. Every write the
/// API acknowledged must be there afterwards, once, and the dead silo's grains must answer again from the others.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task Killing_one_of_three_silos_loses_no_acknowledged_write_and_its_grains_answer_again_within_5_seconds()
    {
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { ExtentMemoryLimitMb = 1024 }, NullLogger.Instance);
        var data = Directory.CreateTempSubdirectory("mou-fault-").FullName;
        var cluster = "failover-" + Guid.NewGuid().ToString("N")[..6];
        var silos = new List<AppProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
                silos.Add(await AppProcess.StartAsync(azurite.ConnectionString, cluster, data));
            var secretariat = await silos[0].SignInAsync("Secretariat");
            var mou = (await (await secretariat.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Failover", parties = new[] { "FRA" } }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var clauses = new List<string>();
            for (var i = 0; i < 24; i++)
                clauses.Add((await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = $"C{i}", text = $"Clause {i}." }))
                    .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            var writers = new List<HttpClient>();
            foreach (var silo in silos)
                writers.Add(await silo.SignInAsync("Delegate", "FRA", "Delegate of France"));

            var acknowledged = new ConcurrentBag<(string Clause, string Text)>();
            var lastFailureAfterKill = new ConcurrentDictionary<string, long>();
            var firstSuccessAfterKill = new ConcurrentDictionary<string, long>();
            var clock = Stopwatch.StartNew();
            long killedAt = -1;
            var victim = silos[2];
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(14));

            async Task WriteAsync(int writer)
            {
                var random = new Random(writer);
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    var clause = clauses[random.Next(clauses.Count)];
                    // Clients go to a silo that is up; the API of the killed one is gone with it.
                    var target = Volatile.Read(ref killedAt) >= 0 ? writers[random.Next(2)] : writers[random.Next(3)];
                    var text = $"writer {writer} comment {n++}";
                    try
                    {
                        var response = await target.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text });
                        if (response.StatusCode == HttpStatusCode.Created)
                            acknowledged.Add((clause, text));
                        else if (Volatile.Read(ref killedAt) >= 0)
                        {
                            lastFailureAfterKill[clause] = clock.ElapsedMilliseconds;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        if (Volatile.Read(ref killedAt) >= 0)
                            lastFailureAfterKill[clause] = clock.ElapsedMilliseconds;
                    }
                }
            }

            // After the kill every clause is probed (all at once, each by its own loop) through the survivors until
            // it answers: the dead silo's grains are among them, whichever they were.
            async Task ProbeAsync(string clause)
            {
                for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
                {
                    var text = $"probe {attempt} {clause}";
                    try
                    {
                        var response = await writers[attempt % 2].PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((clause, text));
                            firstSuccessAfterKill.TryAdd(clause, clock.ElapsedMilliseconds);
                            return;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // not yet
                    }
                    await Task.Delay(50);
                }
            }

            var load = Enumerable.Range(0, 6).Select(WriteAsync).ToArray();
            await Task.Delay(4000);
            Volatile.Write(ref killedAt, clock.ElapsedMilliseconds);
            victim.Kill();
            output.WriteLine($"killed silo on port {victim.Port} at {killedAt} ms; {acknowledged.Count} writes acknowledged before");
            var probe = Task.WhenAll(clauses.Select(ProbeAsync));
            await Task.WhenAll(load);
            await probe;

            // Every clause answered writes again after the kill, and within 5 s of it.
            var recovery = clauses.Select(c => firstSuccessAfterKill.TryGetValue(c, out var at) ? at - killedAt : long.MaxValue).ToList();
            output.WriteLine($"every clause answered again within {recovery.Max()} ms of the kill (median {recovery.Order().ElementAt(recovery.Count / 2)} ms); " +
                $"last failed write {(lastFailureAfterKill.IsEmpty ? 0 : lastFailureAfterKill.Values.Max() - killedAt)} ms after the kill");
            Assert.All(recovery, ms => Assert.True(ms < 5000, $"a clause answered again only after {ms} ms"));

            // Every acknowledged write is there, exactly once.
            var reader = writers[0];
            var missing = new List<string>();
            foreach (var clause in clauses)
            {
                var texts = (await reader.GetFromJsonAsync<JsonElement>($"/api/mous/{mou}/clauses/{clause}/comments"))
                    .EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
                Assert.Equal(texts.Count, texts.Distinct().Count());
                missing.AddRange(acknowledged.Where(a => a.Clause == clause && !texts.Contains(a.Text)).Select(a => a.Text));
            }
            output.WriteLine($"{acknowledged.Count} acknowledged writes checked");
            Assert.True(acknowledged.Count > 100, $"the load was too light to mean anything ({acknowledged.Count} writes)");
            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes are missing: {string.Join(", ", missing.Take(10))}");
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }
}
