using System.Diagnostics;
using System.Text;
using MouWorkspace.Domain.Revisions;

namespace MouWorkspace.Bench.Load;

internal sealed record CompareResult(int Clauses, int Words, int ChangedClauses, int Runs, double MedianMs, double P95Ms,
    int GitRuns, double GitMedianMs, double GitSlowestMs, string? GitProblem);

/// <summary>
/// Whole-revision compare of two 300-clause revisions (~10% of the clauses changed): RevisionCompare in process, warm,
/// next to whole-process <c>git diff --no-index --word-diff</c> on the same texts (one clause per line).
/// </summary>
internal static class CompareBench
{
    private static readonly string[] Phrases =
    [
        "the troop-contributing country shall ensure that", "all members of its national contingent", "comply with the standards of conduct",
        "set out in the Secretary-General's bulletin ST/SGB/2003/13", "[shall][should] investigate allegations of sexual exploitation and abuse",
        "and inform the Secretary-General of the outcome", "within [30][60] days of the referral", "the Conduct and Discipline Team of the mission",
        "in accordance with its national laws and regulations", "pre-deployment training on the prevention of misconduct", "victim assistance",
        "the Office of Internal Oversight Services", "[promptly]", "welfare and recreation facilities", "the commander of the national contingent",
        "shall cooperate fully with the United Nations", "including by making witnesses available", "and shall report on the action taken",
    ];

    public static CompareResult Run(int clauses = 300, int warmups = 20, int runs = 50, int gitRuns = 10)
    {
        var (from, to) = Revisions(clauses);
        var changed = RevisionCompare.Compare(from, to).Count(c => c.Change == ClauseChange.Changed);
        // Warm means the JIT has settled: at least `warmups` runs and at least 2 s of them (tiered compilation moves
        // hot methods to optimized code in the background, after ~100 ms of calls; 20 runs took less than that).
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmups || warming.Elapsed < TimeSpan.FromSeconds(2); i++)
            RevisionCompare.Compare(from, to);
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = RevisionCompare.Compare(from, to);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            GC.KeepAlive(result);
        }
        Array.Sort(times);

        var dir = Directory.CreateTempSubdirectory("mou-bench-compare-").FullName;
        var gitTimes = new List<double>();
        string? problem = null;
        try
        {
            var a = Path.Combine(dir, "rev1.txt");
            var b = Path.Combine(dir, "rev2.txt");
            File.WriteAllLines(a, from.Select(c => c.Text));
            File.WriteAllLines(b, to.Select(c => c.Text));
            for (var i = 0; i < gitRuns + 1; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var info = new ProcessStartInfo("git", ["diff", "--no-index", "--word-diff", "--no-color", a, b])
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var git = Process.Start(info)!;
                var stdout = git.StandardOutput.ReadToEndAsync();
                var stderr = git.StandardError.ReadToEndAsync();
                git.WaitForExit();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                // --no-index exits 1 when the files differ, which they do.
                if (git.ExitCode != 1 || stdout.Result.Length == 0)
                    problem ??= $"git exited {git.ExitCode}: {stderr.Result.Trim()}";
                if (i > 0) // the first run fills the page cache
                    gitTimes.Add(elapsed);
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            problem = "git could not run: " + ex.Message;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        gitTimes.Sort();
        return new CompareResult(clauses, from.Sum(c => c.Text.Split(' ').Length), changed, runs,
            times[times.Length / 2], times[(int)Math.Ceiling(0.95 * times.Length) - 1],
            gitTimes.Count, gitTimes.Count > 0 ? gitTimes[gitTimes.Count / 2] : double.NaN, gitTimes.Count > 0 ? gitTimes[^1] : double.NaN, problem);
    }

    /// <summary>Two revisions of the same clauses (~170 words each, seeded); every 10th clause has words replaced, inserted and deleted.</summary>
    public static (ClauseSnapshot[] From, ClauseSnapshot[] To) Revisions(int count)
    {
        var random = new Random(2007);
        var from = new ClauseSnapshot[count];
        var to = new ClauseSnapshot[count];
        for (var i = 0; i < count; i++)
        {
            var number = i < 30 ? $"PP{i + 1}" : $"OP{i - 29}";
            var words = Sentence(random, 170).Split(' ');
            from[i] = new ClauseSnapshot($"c{i}", number, "", string.Join(' ', words), 1);
            if (i % 10 == 3)
            {
                var edited = words.ToList();
                edited[5] = "must";                                              // a word replaced
                edited.InsertRange(40, ["and", "shall", "report", "annually"]); // words inserted
                edited.RemoveRange(90, 6);                                       // words deleted
                edited[^3] = "forthwith";
                to[i] = from[i] with { Text = string.Join(' ', edited), Version = 2 };
            }
            else
            {
                to[i] = from[i];
            }
        }
        return (from, to);
    }

    public static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        while (text.Length == 0 || text.ToString().Split(' ').Length < words)
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(Phrases[random.Next(Phrases.Length)]);
        }
        return text.Append('.').ToString();
    }
}
