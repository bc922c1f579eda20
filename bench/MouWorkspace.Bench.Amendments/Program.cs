using System.Diagnostics;
using System.Globalization;
using MouWorkspace.Bench.Amendments;
using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Diffs;

// Warm, in-process timings of clash detection (Clashes.Find) and the N-way merge (ThreeWayMerge.MergeAll) for
// many proposals of one clause. Usage: dotnet run -c Release --project bench/MouWorkspace.Bench.Amendments
//   [--proposals 300] [--words 200] [--runs 100]
var proposals = Arg("proposals", 300);
var words = Arg("words", 200);
var runs = Arg("runs", 100);
const int Warmups = 10;

var generator = new ClauseGenerator(seed: 17);
var (current, same) = generator.Clause(words, proposals, olderBases: false);
var (current2, mixed) = generator.Clause(words, proposals, olderBases: true);
var report = Clashes.Find(current, same);
var clashing = report.ClashesWith.Count(kv => kv.Value.Count > 0);
var clean = same.Where(p => report.ClashesWith[p.Id].Count == 0).ToList();

Console.WriteLine($"# Amendments benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine($"- machine: {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
Console.WriteLine($"- clause: {words} words ({current.Length} characters, {WordTokenizer.TokenizeForDiff(current).Count} diff tokens); {proposals} proposals of 1–3 word changes each; {clashing} of them clash with another, {report.Groups.Count} groups");
Console.WriteLine($"- {Warmups} warm-up and {runs} measured runs each");
Console.WriteLine();
Console.WriteLine("| measure | min | p50 | p95 | max |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Measure($"Clashes.Find, {proposals} proposals on the current text", () => Clashes.Find(current, same));
Measure($"Clashes.Find, {proposals} proposals, a quarter on an older base", () => Clashes.Find(current2, mixed));
Measure($"ThreeWayMerge.MergeAll of the {clean.Count} that clash with none", () => ThreeWayMerge.MergeAll(current, clean));
Measure("ThreeWayMerge.Merge, one proposal on an older base", () => ThreeWayMerge.Merge(mixed[0].BaseText, mixed[0].Text, current2));
Measure("WordDiff.Compute, clause to one proposal (for scale)", () => WordDiff.Compute(current, same[0].Text));
// How the time grows with the number of proposals (a sweep after one diff each: about linear).
foreach (var n in new[] { 50, 100, 200 })
    Measure($"Clashes.Find, the first {n} proposals", () => Clashes.Find(current, same.Take(n).ToList()));

void Measure(string name, Action action)
{
    for (var i = 0; i < Warmups; i++)
        action();
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"| {name} | {Ms(times[0])} | {Ms(Percentile(times, 0.50))} | {Ms(Percentile(times, 0.95))} | {Ms(times[^1])} |");
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static string Ms(double ms) => ms.ToString(ms < 1 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + " ms";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
