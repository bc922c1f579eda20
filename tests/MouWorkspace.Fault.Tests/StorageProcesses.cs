namespace MouWorkspace.Fault.Tests;

/// <summary>The node processes (launch.js and Azurite) that keep a data folder, found through /proc.</summary>
public static class StorageProcesses
{
    /// <summary>Azurite itself: the node process running azurite.js with <c>--location</c> under <paramref name="dataPath"/>.</summary>
    public static IReadOnlyList<int> Azurite(string dataPath) => Find(dataPath, "azurite.js");

    /// <summary>Every process (launcher or Azurite) with <paramref name="dataPath"/> on its command line.</summary>
    public static IReadOnlyList<int> All(string dataPath) => Find(dataPath, null);

    /// <summary>Waits until no process keeps <paramref name="dataPath"/>; false if one still does after <paramref name="limit"/>.</summary>
    public static async Task<bool> WaitAllGoneAsync(string dataPath, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (All(dataPath).Count > 0)
        {
            if (clock.Elapsed > limit)
                return false;
            await Task.Delay(100);
        }
        return true;
    }

    private static List<int> Find(string dataPath, string? script) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Matches(Cmdline(pid), dataPath, script))
            .ToList();

    private static bool Matches(string[] args, string dataPath, string? script)
    {
        var location = Array.IndexOf(args, "--location");
        return location >= 0 && location + 1 < args.Length && args[location + 1].StartsWith(dataPath, StringComparison.Ordinal)
            && (script is null || args.Any(a => a.EndsWith(script, StringComparison.Ordinal))); // a zombie's cmdline is empty
    }

    private static string[] Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
