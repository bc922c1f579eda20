using System.Diagnostics;

namespace MouWorkspace.Bench.Load;

/// <summary>What one phase measured: operations completed inside the measured window, their latencies and the errors.</summary>
internal sealed record PhaseResult(string Name, int Connections, TimeSpan Measured, long Completed, long Errors, double[] LatenciesMs, string? FirstError)
{
    public double PerSecond => Completed / Measured.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
            return double.NaN;
        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// A closed loop: <c>connections</c> virtual users each send one request, wait for its answer, and send the next,
/// for a warm-up and then a measured window. Only operations that start and end inside the window count; every
/// duration is kept and sorted (exact percentiles, no histogram buckets).
/// </summary>
internal static class LoadRunner
{
    /// <param name="operation">(virtual user, its iteration) → true when the answer was the expected one.</param>
    public static async Task<PhaseResult> RunAsync(string name, int connections, TimeSpan warmup, TimeSpan duration,
        Func<int, long, Task<bool>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perUser = new List<double>[connections];
        var errors = 0L;
        string? firstError = null;

        async Task UserAsync(int user)
        {
            var latencies = perUser[user] = new List<double>(4096);
            await Task.Yield();
            for (long iteration = 0; ; iteration++)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= measureTo)
                    return;
                bool ok;
                string? error = null;
                try
                {
                    ok = await operation(user, iteration);
                    if (!ok)
                        error = "unexpected status";
                }
                catch (Exception ex)
                {
                    ok = false;
                    error = ex.GetType().Name + ": " + ex.Message;
                }
                var after = Stopwatch.GetTimestamp();
                if (before < measureFrom || after > measureTo)
                    continue;
                if (ok)
                {
                    latencies.Add((after - before) * 1000.0 / Stopwatch.Frequency);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(UserAsync));
        var all = perUser.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new PhaseResult(name, connections, duration, all.Length, errors, all, firstError);
    }

    /// <summary>
    /// Operations measured in rotating slices (A, B, C, A, B, C …) after one warm-up each, so that all see the same
    /// machine: on a shared 2-core machine the load from other tenants changes by ±30 % within a minute, and a
    /// ratio of two phases run one after the other measured that as much as the code. Each slice has a 1 s warm-up
    /// of its own (the thread pools settle after the switch); the results add up all slices of each operation.
    /// </summary>
    public static async Task<PhaseResult[]> RunRotatingAsync(int connections, TimeSpan warmup, TimeSpan duration, int rounds,
        params (string Name, Func<int, long, Task<bool>> Operation)[] operations)
    {
        foreach (var (name, operation) in operations)
            await RunAsync(name, connections, warmup, TimeSpan.Zero, operation);
        var slice = duration / rounds;
        var slices = operations.Select(_ => new List<PhaseResult>()).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < operations.Length; i++)
                slices[i].Add(await RunAsync(operations[i].Name, connections, TimeSpan.FromSeconds(1), slice, operations[i].Operation));
        return slices.Select(Merge).ToArray();
    }

    private static PhaseResult Merge(List<PhaseResult> slices)
    {
        var all = slices.SelectMany(s => s.LatenciesMs).ToArray();
        Array.Sort(all);
        return new PhaseResult(slices[0].Name, slices[0].Connections, slices.Aggregate(TimeSpan.Zero, (t, s) => t + s.Measured),
            slices.Sum(s => s.Completed), slices.Sum(s => s.Errors), all, slices.Select(s => s.FirstError).FirstOrDefault(e => e is not null));
    }

    /// <summary>A fixed amount of work at a given concurrency, as fast as it goes (arranging data), bounded by a time limit.</summary>
    public static async Task<(int Done, int Errors, TimeSpan Elapsed, string? FirstError)> ForEachAsync(
        int count, int concurrency, TimeSpan limit, Func<int, Task<bool>> work)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var done = 0;
        var errors = 0;
        string? firstError = null;

        async Task WorkerAsync()
        {
            await Task.Yield();
            while (clock.Elapsed < limit)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                    return;
                try
                {
                    if (await work(index))
                    {
                        Interlocked.Increment(ref done);
                        continue;
                    }
                    Interlocked.CompareExchange(ref firstError, $"item {index}: unexpected status", null);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref firstError, $"item {index}: {ex.GetType().Name}: {ex.Message}", null);
                }
                Interlocked.Increment(ref errors);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkerAsync()));
        return (done, errors, clock.Elapsed, firstError);
    }
}
