using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using MouWorkspace.Bench.Load;
using MouWorkspace.Domain.States;
using MouWorkspace.Web.Storage;

// Load and speed of the API against its physical ceilings on this machine, in one bounded run on loopback:
// an in-memory Azurite, the app as a separate process, a bare Kestrel endpoint and raw Table inserts, then
// the whole-revision compare beside git, and the app's memory with 10,000 clause grains active.
// Options: see Options.Parse (and docs/performance.md, "Load and speed").
if (args is [BareKestrel.ServeArgument, var servePort])
    return await BareKestrel.ServeUntilStdinClosesAsync(int.Parse(servePort, CultureInfo.InvariantCulture));

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
var machine = Machine.Describe();
const int Rounds = 4;
var loadBefore = Machine.LoadAverage();
var clock = Stopwatch.StartNew();
ThreadPool.SetMinThreads(Math.Max(options.Connections * 2, 64), Math.Max(options.Connections * 2, 64));
Log($"load average at start: {loadBefore}; {options}");
if (options.CompareOnly)
{
    var only = CompareBench.Run();
    Log(string.Create(CultureInfo.InvariantCulture, $"compare: median {only.MedianMs:F2} ms, p95 {only.P95Ms:F2} ms; git: median {only.GitMedianMs:F2} ms"));
    return 0;
}

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

Log("starting Azurite (in memory)");
await using var azurite = await AzuriteProcess.StartAsync(
    new AzuriteOptions { ExtentMemoryLimitMb = 2048 }, NullLogger.Instance);

// 1. Ceilings: bare Kestrel (measured below, in slices alternating with clause reads) and raw Table inserts, with
// the same client loop and concurrency.
await using var bare = await BareKestrel.StartAsync();
await using var bareProcess = await BareKestrel.StartProcessAsync(http);

PhaseResult inserts = new("raw Table insert (AddEntityAsync)", options.Connections, options.Duration, 0, 0, [], "skipped");
if (!options.ReadsOnly && !options.AmendmentsOnly)
{
    Log("raw Table inserts");
    var table = new TableClient(azurite.ConnectionString, "BenchInserts");
    await table.CreateIfNotExistsAsync();
    inserts = await LoadRunner.RunAsync("raw Table insert (AddEntityAsync)", options.Connections, options.Warmup, options.Duration, async (user, iteration) =>
    {
        var entity = new TableEntity($"u{user:D3}", iteration.ToString("D10", CultureInfo.InvariantCulture))
        {
            ["Text"] = "France supports this wording.",
            ["At"] = DateTimeOffset.UtcNow,
        };
        var response = await table.AddEntityAsync(entity);
        return response.Status == 204;
    });
    Log(Summary(inserts));
}

// 2. The app in its own process, data arranged through the API.
var appDll = options.AppDll ?? AppUnderTest.FindAppDll();
Log($"starting the app: {appDll}");
PhaseResult kestrel, kestrelInProcess, reads, comments, positions;
MemoryResult memory;
double idleRss;
await using (var app = await AppUnderTest.StartAsync(appDll, azurite.ConnectionString, http))
{
    idleRss = app.Memory().RssMiB;
    var api = new Api(http, app.BaseAddress);
    if (options.AmendmentsOnly)
    {
        var figures = await AmendmentsBench.RunAsync(api, Log);
        Console.WriteLine();
        Console.WriteLine(AmendmentsBench.Markdown(figures));
        Log($"load average at the end: {Machine.LoadAverage()}; total {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
    var secretariat = await api.TokenAsync("Bench Secretariat", "Secretariat", null);
    var states = Delegations(options.Connections);
    var delegates = await Task.WhenAll(states.Select(s => api.TokenAsync($"Delegate of {s}", "Delegate", s)));
    var mouId = await api.CreateMouAsync(secretariat, "Model MOU (load benchmark)", states);
    var random = new Random(34);
    var clauseIds = new List<string>();
    var quotes = new List<string>(); // a comment quotes words of the clause it is about (the API checks they are there)
    for (var i = 0; i < options.Clauses; i++)
    {
        var text = CompareBench.Sentence(random, 60);
        clauseIds.Add(await api.AddClauseAsync(secretariat, mouId, i % 10 == 0 ? $"Section {i / 10 + 1}" : "", text));
        quotes.Add(string.Join(' ', text.Split(' ').Skip(3).Take(4)));
    }
    var revision = await api.PublishAsync(secretariat, mouId, "Rev.1");
    Log($"arranged MOU {mouId}: {clauseIds.Count} clauses, Rev.{revision}, {delegates.Length} delegations");

    Log($"bare Kestrel GET /ping (own process, benchmark's process) and clause reads, rotating in {Rounds} slices each");
    var rotation = await LoadRunner.RunRotatingAsync(options.Connections, options.Warmup, options.Duration, Rounds,
        ("bare Kestrel GET /ping, own process", (_, _) => PingOnceAsync(http, bareProcess.Ping)),
        ("bare Kestrel GET /ping, in the benchmark's process", (_, _) => PingOnceAsync(http, bare.Ping)),
        ("read a clause (GET clause)", (user, iteration) =>
            api.SendAsync(HttpMethod.Get, $"/api/mous/{mouId}/clauses/{clauseIds[(int)((user + iteration) % clauseIds.Count)]}",
                delegates[user], null, HttpStatusCode.OK)));
    (kestrel, kestrelInProcess, reads) = (rotation[0], rotation[1], rotation[2]);
    Log(Summary(kestrel));
    Log(Summary(kestrelInProcess));
    Log(Summary(reads));
    if (options.ReadsOnly)
    {
        Log($"read ÷ bare Kestrel: {100 * reads.PerSecond / kestrel.PerSecond:F1} % (own process), " +
            $"{100 * reads.PerSecond / kestrelInProcess.PerSecond:F1} % (in the benchmark's process); load average at the end: {Machine.LoadAverage()}");
        return 0;
    }

    comments = await LoadRunner.RunAsync("comment (POST comment, 201)", options.Connections, options.Warmup, options.Duration, (user, iteration) =>
    {
        var clause = (int)((user * 7 + iteration) % clauseIds.Count);
        return api.SendAsync(HttpMethod.Post, $"/api/mous/{mouId}/clauses/{clauseIds[clause]}/comments",
            delegates[user], new { text = $"{states[user]} can support this paragraph ({iteration}).", quote = quotes[clause] }, HttpStatusCode.Created);
    });
    Log(Summary(comments));

    positions = await LoadRunner.RunAsync("give a position (POST position, 201)", options.Connections, options.Warmup, options.Duration, (user, iteration) =>
        api.SendAsync(HttpMethod.Post, $"/api/mous/{mouId}/revisions/{revision}/positions", delegates[user],
            iteration % 2 == 0
                ? new { memberState = states[user], position = "agree", note = (string?)null }
                : new { memberState = states[user], position = "reserve", note = (string?)"pending instructions from the capital" },
            HttpStatusCode.Created));
    Log(Summary(positions));

    memory = await MemoryPhase.RunAsync(options, api, app, secretariat, states, Log);
}

Log("whole-revision compare");
var compare = CompareBench.Run();
var loadAfter = Machine.LoadAverage();
Log($"load average at the end: {loadAfter}; total {clock.Elapsed.TotalSeconds:F0} s");

var report = Report.Markdown(options, machine, loadBefore, loadAfter, clock.Elapsed, kestrel, kestrelInProcess, inserts, reads, comments, positions, idleRss, memory, compare);
Console.WriteLine();
Console.WriteLine(report);
var output = options.Out ?? Path.Combine(Machine.RepositoryRoot() ?? ".", "bench", "results", $"load-{DateTime.Now:yyyy-MM-dd-HHmm}.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report);
Console.WriteLine($"report written to {Path.GetFullPath(output)}");
return 0;

void Log(string message) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}");

static async Task<bool> PingOnceAsync(HttpClient http, Uri ping)
{
    using var response = await http.GetAsync(ping);
    await response.Content.ReadAsByteArrayAsync();
    return response.StatusCode == HttpStatusCode.OK;
}

static string Summary(PhaseResult r) => string.Create(CultureInfo.InvariantCulture,
    $"{r.Name}: {r.PerSecond:F0}/s, p50 {r.Percentile(50):F2} ms, p95 {r.Percentile(95):F2} ms, p99 {r.Percentile(99):F2} ms, {r.Errors} errors{(r.FirstError is null ? "" : $" (first: {r.FirstError})")}");

// Distinct UN member states, each a delegation of its own (France and India first, as in the tour).
static string[] Delegations(int count)
{
    var codes = new List<string> { "FRA", "IND" };
    codes.AddRange(MemberStates.All.Select(s => s.Code).Where(c => c is not "FRA" and not "IND"));
    if (count > codes.Count)
        throw new ArgumentException($"at most {codes.Count} connections: one delegation per member state");
    return [.. codes.Take(count)];
}
