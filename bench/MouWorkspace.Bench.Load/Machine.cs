using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MouWorkspace.Bench.Load;

/// <summary>What the figures were taken on.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = Try(() => File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()) ?? "unknown CPU";
        var memKb = Try(() => File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        var memory = memKb is null ? "unknown" : (double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture) + " GiB";
        var sdk = Try(() => Run("dotnet", "--version")) ?? "unknown";
        return $"{Environment.ProcessorCount} cores (nproc), {cpu}, {memory} RAM, {RuntimeInformation.OSDescription}, .NET SDK {sdk}, runtime {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The 1, 5 and 15 minute load averages, from /proc/loadavg.</summary>
    public static string LoadAverage() =>
        Try(() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))) ?? "unknown";

    /// <summary>The folder holding MouWorkspace.sln, above the current directory or this program.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MouWorkspace.sln")))
                    return dir.FullName;
        return null;
    }

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private static string? Try(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
