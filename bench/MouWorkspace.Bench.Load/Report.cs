using System.Globalization;
using System.Text;

namespace MouWorkspace.Bench.Load;

internal static class Report
{
    public static string Markdown(Options options, string machine, string loadBefore, string loadAfter, TimeSpan total,
        PhaseResult kestrel, PhaseResult kestrelInProcess, PhaseResult inserts, PhaseResult reads, PhaseResult comments, PhaseResult positions,
        double idleRss, MemoryResult memory, CompareResult compare)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"## Load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        Line($"Machine: {machine}. Load average (1, 5, 15 min) at the start: {loadBefore}; at the end: {loadAfter}. Whole run: {total.TotalSeconds:F0} s.");
        Line($"Settings: {options}. Closed loop: each virtual user sends its next request when the previous one is answered; only requests that start and end inside the measured window count; percentiles are exact (all durations sorted). Bare Kestrel (in a process of its own, as the app is, and in the benchmark's own process) and clause reads are measured in 4 rotating slices each (1 s warm-up per slice), so that their ratio compares them under the same outside load; the read target is judged against the own-process ceiling.");
        md.AppendLine();

        md.AppendLine("| phase | requests/s | p50 ms | p95 ms | p99 ms | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { kestrel, kestrelInProcess, inserts, reads, comments, positions })
            Line($"| {r.Name} | {r.PerSecond:F0} | {r.Percentile(50):F2} | {r.Percentile(95):F2} | {r.Percentile(99):F2} | {r.Errors} |");
        md.AppendLine();
        foreach (var r in new[] { kestrel, kestrelInProcess, inserts, reads, comments, positions }.Where(r => r.FirstError is not null))
            Line($"First error of \"{r.Name}\": {r.FirstError}");
        md.AppendLine();

        var readRatio = reads.PerSecond / kestrel.PerSecond;
        var commentRatio = comments.PerSecond / inserts.PerSecond;
        var readP99 = reads.Percentile(99);
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        Line($"| read a clause ≥ 50% of bare Kestrel requests/s (Kestrel in its own process, as the app) | {reads.PerSecond:F0} / {kestrel.PerSecond:F0} = {readRatio:P1} | {Met(readRatio >= 0.5)} |");
        Line($"| (the same against Kestrel in the benchmark's own process, the ceiling of runs 1–9) | {reads.PerSecond:F0} / {kestrelInProcess.PerSecond:F0} = {reads.PerSecond / kestrelInProcess.PerSecond:P1} | – |");
        Line($"| read a clause p99 < 20 ms at {reads.Connections} connections | {readP99:F1} ms | {Met(readP99 < 20)} |");
        Line($"| comment ≥ 70% of raw Table insert throughput | {comments.PerSecond:F0} / {inserts.PerSecond:F0} = {commentRatio:P1} | {Met(commentRatio >= 0.7)} |");
        Line($"| whole-revision compare (300 clauses) < 50 ms | median {compare.MedianMs:F1} ms, p95 {compare.P95Ms:F1} ms | {Met(compare.P95Ms < 50)} |");
        Line($"| compare faster than git diff --no-index --word-diff | {compare.MedianMs:F1} ms vs {compare.GitMedianMs:F1} ms (median) | {Met(compare.MedianMs < compare.GitMedianMs)} |");
        if (memory.Target > 0)
            Line($"| memory < 1 GB with {memory.Target} clause grains active | {memory.RssAfterReadMiB:F0} MiB RSS ({memory.Read} grains read) | {Met(memory.RssAfterReadMiB < 1024 && memory.Read >= memory.Target)} |");
        md.AppendLine();

        md.AppendLine("Whole-revision compare:");
        md.AppendLine();
        md.AppendLine("| operation | median ms | p95 ms | runs |");
        md.AppendLine("|---|---:|---:|---:|");
        Line($"| RevisionCompare.Compare, {compare.Clauses} clauses ({compare.Words} words), {compare.ChangedClauses} changed, in process, warm | {compare.MedianMs:F2} | {compare.P95Ms:F2} | {compare.Runs} |");
        Line($"| git diff --no-index --word-diff, same texts one clause per line, whole process (p95 column = slowest) | {compare.GitMedianMs:F2} | {compare.GitSlowestMs:F2} | {compare.GitRuns} |");
        if (compare.GitProblem is not null)
            Line($"\ngit: {compare.GitProblem}");
        md.AppendLine();

        if (memory.Target > 0)
        {
            md.AppendLine("Memory of the app process (VmRSS from /proc/<pid>/status):");
            md.AppendLine();
            md.AppendLine("| moment | RSS MiB |");
            md.AppendLine("|---|---:|");
            Line($"| healthy, before any load | {idleRss:F0} |");
            Line($"| after the load phases | {memory.RssBeforeMiB:F0} |");
            Line($"| after creating {memory.Created} clauses over {options.MemoryMous} MOUs ({memory.CreateTime.TotalSeconds:F0} s, {memory.Created / memory.CreateTime.TotalSeconds:F0}/s, {memory.CreateErrors} errors) | {memory.RssAfterCreateMiB:F0} |");
            Line($"| after reading {memory.Read} distinct clauses once ({memory.ReadTime.TotalSeconds:F0} s, {memory.ReadErrors} errors) | {memory.RssAfterReadMiB:F0} |");
            Line($"| peak (VmHWM) | {memory.PeakMiB:F0} |");
            Line($"| Azurite (separate process, in memory), at the end | {memory.AzuriteRssMiB:F0} |");
            if (memory.FirstError is not null)
                Line($"\nFirst error: {memory.FirstError}");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string Met(bool met) => met ? "met" : "**not met**";
}
