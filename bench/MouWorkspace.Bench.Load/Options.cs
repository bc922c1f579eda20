using System.Globalization;

namespace MouWorkspace.Bench.Load;

internal sealed record Options(int Connections, TimeSpan Warmup, TimeSpan Duration, int Clauses, int MemoryClauses, int MemoryMous,
    TimeSpan MemoryLimit, string? Out, string? AppDll, bool ReadsOnly = false, bool CompareOnly = false, bool AmendmentsOnly = false)
{
    public const string Usage = """
        dotnet run -c Release --project bench/MouWorkspace.Bench.Load -- [options]
          --connections N       virtual users = HTTP connections (default 64)
          --warmup S            seconds of warm-up before each measured phase (default 5)
          --duration S          measured seconds per phase (default 20)
          --clauses N           clauses of the MOU under load (default 64)
          --memory-clauses N    clause grains to activate for the memory figure (default 10000; 0 skips it)
          --memory-mous N       MOUs those clauses are spread over (default 100)
          --memory-limit S      time limit for creating and reading them (default 300)
          --out FILE            the Markdown report (default bench/results/load-<date>.md)
          --reads-only          only bare Kestrel and clause reads, summaries printed, no report (for profiling)
          --compare-only        only the whole-revision compare and git, summaries printed, no report
          --amendments-only     only issue 17's figures (compilation, Word compilation, a clause with 300 proposals and
                                2,000 comments, accepting a proposal), printed as a Markdown table
          --app DLL             the built app (default src/MouWorkspace.Web/bin/<this configuration>/net10.0/MouWorkspace.Web.dll)
        """;

    public static Options Parse(string[] args)
    {
        var options = new Options(64, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), 64, 10_000, 100, TimeSpan.FromSeconds(300), null, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));
            options = args[i] switch
            {
                "--connections" => options with { Connections = Int() },
                "--warmup" => options with { Warmup = Seconds() },
                "--duration" => options with { Duration = Seconds() },
                "--clauses" => options with { Clauses = Int() },
                "--memory-clauses" => options with { MemoryClauses = Int() },
                "--memory-mous" => options with { MemoryMous = Int() },
                "--memory-limit" => options with { MemoryLimit = Seconds() },
                "--out" => options with { Out = Value() },
                "--reads-only" => options with { ReadsOnly = true },
                "--compare-only" => options with { CompareOnly = true },
                "--amendments-only" => options with { AmendmentsOnly = true },
                "--app" => options with { AppDll = Path.GetFullPath(Value()) },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Usage}"),
            };
        }
        if (options.Connections < 1 || options.Clauses < 1 || options.MemoryMous < 1 || options.Duration <= TimeSpan.Zero)
            throw new ArgumentException($"connections, clauses, memory-mous and duration must be positive\n{Usage}");
        return options;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Connections} connections, {Warmup.TotalSeconds:F0} s warm-up + {Duration.TotalSeconds:F0} s per phase, {Clauses} clauses under load, " +
        $"{MemoryClauses} clause grains over {MemoryMous} MOUs for memory");
}
