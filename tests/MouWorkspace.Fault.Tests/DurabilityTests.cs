using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace MouWorkspace.Fault.Tests;

/// <summary>
/// The default local mode (no storage connection string: the app starts its own Azurite with the data on disk) under
/// write load from several clients: whatever was acknowledged is there after a <c>kill -9</c> of the app or of Azurite,
/// and a signal to the whole process group stops everything within seconds.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_9_of_the_app()
    {
        var data = Directory.CreateTempSubdirectory("mou-durable-app-").FullName;
        WriteLoad load;
        await using (var app = await AppProcess.StartLocalAsync(data))
        {
            load = await RunUntilKilledAsync(app, () => app.KillAppOnly());
            output.WriteLine($"app killed: {load.Summary}");
        }
        // The launcher notices the dead app and stops Azurite, which saves: nothing may outlive the app for long.
        Assert.True(await StorageProcesses.WaitAllGoneAsync(data, StopLimit), "Azurite outlived the killed app by 20 s");

        await AssertAllThereAsync(data, load);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_9_of_Azurite()
    {
        var data = Directory.CreateTempSubdirectory("mou-durable-azurite-").FullName;
        WriteLoad load;
        await using (var app = await AppProcess.StartLocalAsync(data))
        {
            var azurite = Assert.Single(StorageProcesses.Azurite(data));
            // Power loss as far as a process can tell: Azurite gets no chance to save anything.
            load = await RunUntilKilledAsync(app, () => Process.GetProcessById(azurite).Kill());
            output.WriteLine($"Azurite killed: {load.Summary}");
            Assert.True(await StorageProcesses.WaitAllGoneAsync(data, StopLimit), "the launcher outlived Azurite");
            app.Kill();
        }

        // docs/operations.md: the window Azurite's kill -9 loses is 0 acknowledged writes (each answer waits for its save).
        await AssertAllThereAsync(data, load);
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData(15, "SIGTERM")]
    [InlineData(2, "SIGINT")]
    public async Task A_signal_to_the_process_group_stops_app_and_Azurite_within_seconds(int signal, string name)
    {
        var data = Directory.CreateTempSubdirectory("mou-stop-").FullName;
        WriteLoad load;
        await using (var app = await AppProcess.StartLocalAsync(data))
        {
            var secretariat = await app.SignInAsync("Secretariat");
            load = await WriteLoad.CreateAsync(secretariat);
            using (var stop = new CancellationTokenSource())
            {
                var writing = load.RunAsync(secretariat, await app.SignInAsync("Delegate", "FRA"), 2, stop.Token);
                await WaitAsync(() => load.Acknowledged >= 20, TimeSpan.FromSeconds(60));
                await stop.CancelAsync();
                await writing;
            }

            var clock = Stopwatch.StartNew();
            app.SignalGroup(signal); // the app and its launcher alike, as Ctrl+C or a service manager does
            Assert.True(await app.WaitForExitAsync(StopLimit), $"the app did not stop within {StopLimit} of {name} to its group:\n{app.Output}");
            Assert.True(await StorageProcesses.WaitAllGoneAsync(data, StopLimit - clock.Elapsed), "Azurite outlived the app");
            output.WriteLine($"{name} to the group: app and Azurite gone in {clock.ElapsedMilliseconds} ms");
        }

        await AssertAllThereAsync(data, load);
        Directory.Delete(data, recursive: true);
    }

    /// <summary>Writes from <see cref="Clients"/> clients, and kills once a good number were acknowledged (writes in flight).</summary>
    private static async Task<WriteLoad> RunUntilKilledAsync(AppProcess app, Action kill)
    {
        var secretariat = await app.SignInAsync("Secretariat");
        var load = await WriteLoad.CreateAsync(secretariat);
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(secretariat, await app.SignInAsync("Delegate", "FRA"), Clients, stop.Token);
        await WaitAsync(() => load.Acknowledged >= 150, TimeSpan.FromSeconds(90));
        kill();
        // Requests in flight are cut off now; one still answered 2xx before that counts as acknowledged.
        await stop.CancelAsync();
        await writing;
        return load;
    }

    private async Task AssertAllThereAsync(string data, WriteLoad load)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await AppProcess.StartLocalAsync(data);
        output.WriteLine($"restarted and healthy in {clock.ElapsedMilliseconds} ms");
        var secretariat = await app.SignInAsync("Secretariat");
        var missing = await load.MissingAsync(secretariat);
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes lost ({load.Summary}): {string.Join(", ", missing.Take(20))}");

        var verify = await secretariat.GetFromJsonAsync<JsonElement>($"/api/mous/{load.Mou}/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        var records = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/mous/{load.Mou}/audit")).GetArrayLength();
        output.WriteLine($"audit: {records} records for {load.Acknowledged - 1} acknowledged changes of the MOU");
        Assert.True(records >= load.Acknowledged - 1, $"{load.Acknowledged - 1 - records} audit records of acknowledged changes missing");

        app.SignalGroup(15);
        Assert.True(await app.WaitForExitAsync(StopLimit), "the restarted app did not stop on SIGTERM");
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                throw new TimeoutException($"condition not met within {limit}");
            await Task.Delay(50);
        }
    }
}
