using System.Diagnostics;
using System.Globalization;
using System.Text;
using MouWorkspace.Bench.Search;
using MouWorkspace.Search;
using MouWorkspace.Search.Lucene;

// Indexing and query time of the app's Lucene index (src/MouWorkspace.Search) for MOUs × clauses × comments of
// generated text in six languages. Usage: dotnet run -c Release --project bench/MouWorkspace.Bench.Search
//   [--mous 300] [--clauses 300] [--comments 20] [--updates 200] [--rounds 5] [--path DIR]
var settings = Args(args);
int mous = settings.Get("mous", 300), clauses = settings.Get("clauses", 300), comments = settings.Get("comments", 20);
int updates = settings.Get("updates", 200), rounds = settings.Get("rounds", 5);
var path = settings.Path ?? Path.Combine(Path.GetTempPath(), "mou-search-bench-" + Environment.ProcessId);
if (Directory.Exists(path))
    Directory.Delete(path, recursive: true);

var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

Line($"# Search benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Line("");
Line($"- machine: {Environment.ProcessorCount} logical CPUs, {CpuName()}, {TotalMemoryGb():0} GB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Line($"- data: {mous} MOUs × {clauses} clauses × {comments} comments = {(long)mous * clauses:N0} clauses and {(long)mous * clauses * comments:N0} comments ({(long)mous * clauses * (comments + 1):N0} documents), six languages");
Line($"- index: Lucene.NET 4.8.0-beta00017 on disk in {path}, one writer thread, MultilingualAnalyzer");
Line("");

var generator = new TextGenerator(seed: 42);
var index = LuceneSearchIndex.Open(path);
var total = Stopwatch.StartNew();
long documents = 0, characters = 0;
var generation = TimeSpan.Zero;
await index.BeginRebuildAsync();
for (var m = 0; m < mous; m++)
{
    var generating = Stopwatch.StartNew();
    var mouId = $"mou{m:D4}";
    var organization = (m % 3) switch { 0 => "un", 1 => "nato", _ => "osce" };
    var byOwner = new Dictionary<string, IReadOnlyList<SearchDocument>>(clauses);
    for (var c = 0; c < clauses; c++)
    {
        var docs = ClauseDocuments(generator, mouId, organization, c, comments, version: 1);
        byOwner[$"clause:{mouId}/c{c:D3}"] = docs;
        documents += docs.Count;
        characters += docs.Sum(d => d.Text.Length);
    }
    generation += generating.Elapsed;
    await index.ReplaceAsync(byOwner);
    if ((m + 1) % 25 == 0)
        Console.WriteLine($"  {m + 1} MOUs, {documents:N0} documents, {total.Elapsed.TotalSeconds:0} s");
}
var added = total.Elapsed;
var committing = Stopwatch.StartNew();
await index.CommitAsync(new SearchCheckpoint(LuceneSearchIndex.Schema, Guid.NewGuid(), 0));
var commit = committing.Elapsed;
var indexing = added + commit - generation;
var size = Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);

Line("## Full build (as a rebuild from the grains writes it, grain reads excluded)");
Line("");
Line("| measure | value |");
Line("|---|---|");
Line($"| documents | {documents:N0} ({characters / 1_000_000.0:0} M characters) |");
Line($"| indexing time (adding + commit, text generation excluded) | {indexing.TotalSeconds:0.0} s |");
Line($"| of which the final commit | {commit.TotalSeconds:0.0} s |");
Line($"| throughput | {documents / indexing.TotalSeconds:N0} documents/s |");
Line($"| index size on disk | {size / 1024.0 / 1024.0:0} MB |");
Line($"| managed heap after build | {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:0} MB |");
Line("");

// Incremental updates: one clause re-indexed (its current text, drafts and comments), as the indexer does for a change.
var latencies = new List<double>();
var random = new Random(7);
for (var u = 0; u < updates; u++)
{
    var m = random.Next(mous);
    var c = random.Next(clauses);
    var mouId = $"mou{m:D4}";
    var docs = ClauseDocuments(generator, mouId, (m % 3) switch { 0 => "un", 1 => "nato", _ => "osce" }, c, comments + 1, version: 2);
    var watch = Stopwatch.StartNew();
    await index.ReplaceAsync(new Dictionary<string, IReadOnlyList<SearchDocument>> { [$"clause:{mouId}/c{c:D3}"] = docs });
    latencies.Add(watch.Elapsed.TotalMilliseconds);
}
Line("## A change becoming searchable (replace one clause's documents + near-real-time refresh)");
Line("");
Line("| updates | p50 | p95 | max |");
Line("|---|---|---|---|");
Line($"| {updates} | {Percentile(latencies, 50):0.0} ms | {Percentile(latencies, 95):0.0} ms | {latencies.Max():0.0} ms |");
Line("");

// Queries: each query of each language, as an administrator (no rights filter) and as a UN delegate (rights filter), with highlighting.
Line($"## Queries (top 50 with highlights and per-kind counts; {rounds} rounds after one warm-up round)");
Line("");
Line("| language | queries | hits (first query) | p50 | p95 | max |");
Line("|---|---|---|---|---|---|");
var delegateReaders = new[] { Readers.Everyone, Readers.Organization("un"), Readers.Party("un", "FRA") };
var all = new List<double>();
foreach (var language in TextGenerator.Languages)
{
    var queries = TextGenerator.Queries().Where(q => q.Language == language).Select(q => q.Query).ToArray();
    var times = new List<double>();
    var firstHits = 0;
    for (var round = 0; round <= rounds; round++)
    {
        foreach (var query in queries)
        {
            foreach (var readers in new IReadOnlyList<string>?[] { null, delegateReaders })
            {
                var watch = Stopwatch.StartNew();
                var found = await index.SearchAsync(new SearchQuery(query, readers));
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (round == 0 && query == queries[0] && readers is null)
                    firstHits = found.Total;
                if (round > 0)
                    times.Add(elapsed);
            }
        }
    }
    all.AddRange(times);
    Line($"| {language} | {queries.Length} × 2 callers | {firstHits:N0} | {Percentile(times, 50):0.0} ms | {Percentile(times, 95):0.0} ms | {times.Max():0.0} ms |");
}
Line($"| all | {all.Count} runs | | {Percentile(all, 50):0.0} ms | {Percentile(all, 95):0.0} ms | {all.Max():0.0} ms |");
Line("");
Line($"Total run time {total.Elapsed.TotalSeconds:0} s.");

await index.DisposeAsync();
if (settings.Path is null)
    Directory.Delete(path, recursive: true);
var results = Path.Combine(FindRepository() ?? ".", "bench", "results");
Directory.CreateDirectory(results);
var file = Path.Combine(results, $"search-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
await File.WriteAllTextAsync(file, report.ToString());
Console.WriteLine($"report: {file}");

static List<SearchDocument> ClauseDocuments(TextGenerator generator, string mouId, string organization, int clause, int comments, int version)
{
    var clauseId = $"c{clause:D3}";
    var language = generator.Language(clause + int.Parse(mouId[3..], CultureInfo.InvariantCulture));
    var link = $"/mous/{mouId}/clauses/{clauseId}";
    string[] open = [Readers.Organization(organization)];
    string[] inner = (clause % 10 == 0) ? [Readers.Staff(organization), Readers.Party(organization, "FRA")] : open;
    var docs = new List<SearchDocument>(comments + 2)
    {
        new($"clause:{mouId}/{clauseId}", $"clause:{mouId}/{clauseId}", SearchKinds.Clause, organization, mouId, clauseId,
            $"OP{clause + 1} — {mouId}", generator.Sentence(language, 45), link, open, DateTimeOffset.UtcNow),
    };
    if (version > 1)
        docs.Add(new($"draft:{mouId}/{clauseId}/1", $"clause:{mouId}/{clauseId}", SearchKinds.Clause, organization, mouId, clauseId,
            $"OP{clause + 1}, draft 1 — {mouId}", generator.Sentence(language, 45), link + "#history", inner, DateTimeOffset.UtcNow));
    for (var i = 0; i < comments; i++)
        docs.Add(new($"comment:{mouId}/{clauseId}/k{i}", $"clause:{mouId}/{clauseId}", SearchKinds.Comment, organization, mouId, clauseId,
            $"Comment on OP{clause + 1}", generator.Sentence(generator.Language(clause + i), 18), link + "#comment-k" + i, inner, DateTimeOffset.UtcNow));
    return docs;
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
}

static string CpuName()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
    catch (IOException)
    {
        return "unknown CPU";
    }
}

static double TotalMemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;

static string? FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "MouWorkspace.sln")))
            return dir.FullName;
    return null;
}

static Settings Args(string[] args)
{
    var values = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2)
        values[args[i].TrimStart('-')] = args[i + 1];
    return new Settings(values);
}

internal sealed record Settings(Dictionary<string, string> Values)
{
    public int Get(string name, int fallback) => Values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Path => Values.GetValueOrDefault("path");
}
