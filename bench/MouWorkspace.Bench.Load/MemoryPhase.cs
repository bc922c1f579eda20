using System.Net;

namespace MouWorkspace.Bench.Load;

internal sealed record MemoryResult(int Target, int Created, int CreateErrors, TimeSpan CreateTime, int Read, int ReadErrors, TimeSpan ReadTime,
    double RssBeforeMiB, double RssAfterCreateMiB, double RssAfterReadMiB, double PeakMiB, double AzuriteRssMiB, string? FirstError);

/// <summary>
/// Memory with N clause grains active, through the API only: N clauses created over a number of MOUs at the load's
/// concurrency, then each read once (a clause grain stays active for Orleans' collection age, far longer than this run),
/// then the app process's resident set from /proc/&lt;pid&gt;/status.
/// </summary>
internal static class MemoryPhase
{
    public static async Task<MemoryResult> RunAsync(Options options, Api api, AppUnderTest app, string secretariat, string[] states, Action<string> log)
    {
        var before = app.Memory().RssMiB;
        if (options.MemoryClauses <= 0)
            return new MemoryResult(0, 0, 0, TimeSpan.Zero, 0, 0, TimeSpan.Zero, before, before, before, app.Memory().PeakMiB, double.NaN, null);

        log($"memory: creating {options.MemoryMous} MOUs and {options.MemoryClauses} clauses (limit {options.MemoryLimit.TotalSeconds:F0} s)");
        var mous = new string[options.MemoryMous];
        for (var m = 0; m < mous.Length; m++)
            mous[m] = await api.CreateMouAsync(secretariat, $"Memory MOU {m + 1}", states.Take(2));
        var clauses = new (string Mou, string Clause)?[options.MemoryClauses];
        var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
        var deadline = DateTime.UtcNow + options.MemoryLimit;
        var created = await LoadRunner.ForEachAsync(options.MemoryClauses, options.Connections, options.MemoryLimit, async index =>
        {
            var mou = mous[index % mous.Length];
            var id = await api.AddClauseAsync(secretariat, mou, "", CompareBench.Sentence(random.Value!, 60));
            clauses[index] = (mou, id);
            return true;
        });
        var afterCreate = app.Memory().RssMiB;
        log($"memory: {created.Done} clauses created in {created.Elapsed.TotalSeconds:F0} s ({created.Errors} errors{(created.FirstError is null ? "" : ": " + created.FirstError)}); RSS {afterCreate:F0} MiB");

        var existing = clauses.Where(c => c is not null).Select(c => c!.Value).ToArray();
        var remaining = deadline - DateTime.UtcNow;
        var read = await LoadRunner.ForEachAsync(existing.Length, options.Connections, remaining > TimeSpan.FromSeconds(30) ? remaining : TimeSpan.FromSeconds(30), index =>
            api.SendAsync(HttpMethod.Get, $"/api/mous/{existing[index].Mou}/clauses/{existing[index].Clause}", secretariat, null, HttpStatusCode.OK));
        var (afterRead, peak) = app.Memory();
        log($"memory: {read.Done} distinct clauses read in {read.Elapsed.TotalSeconds:F0} s ({read.Errors} errors); RSS {afterRead:F0} MiB, peak {peak:F0} MiB");
        return new MemoryResult(options.MemoryClauses, created.Done, created.Errors, created.Elapsed, read.Done, read.Errors, read.Elapsed,
            before, afterCreate, afterRead, peak, AzuriteRss(), created.FirstError ?? read.FirstError);
    }

    /// <summary>The resident set of the Azurite node process (a separate process, reported for completeness).</summary>
    private static double AzuriteRss()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (cmdline.Contains("azurite", StringComparison.Ordinal) && cmdline.Contains("--inMemoryPersistence", StringComparison.Ordinal)
                    && !cmdline.Contains("launch.js", StringComparison.Ordinal) && IsOurs(pid))
                    return AppUnderTest.ProcMemory(pid).RssMiB;
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // another user's process
            }
        }
        return double.NaN;
    }

    /// <summary>Azurite is the child of our launch.js, which is our child.</summary>
    private static bool IsOurs(int pid)
    {
        var parent = ParentOf(pid);
        return parent > 0 && ParentOf(parent) == Environment.ProcessId;
    }

    private static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
