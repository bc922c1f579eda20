namespace MouWorkspace.Web.Tests.Storage;

/// <summary>Reads /proc (Linux) to prove that no Azurite process is left behind.</summary>
static class ProcessTable
{
    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State is not ('Z' or 'X');
    }

    public static IReadOnlyList<int> ChildrenOf(int parentPid) =>
        AllPids().Where(pid => ReadStat(pid) is { } s && s.ParentPid == parentPid && s.State != 'Z').ToList();

    /// <summary>Live node processes running azurite.js with this blob port.</summary>
    public static IReadOnlyList<int> AzuriteWithBlobPort(int blobPort) =>
        AllPids().Where(pid =>
        {
            var args = ReadCmdline(pid);
            var i = Array.IndexOf(args, "--blobPort");
            return IsAlive(pid)
                && args.Any(a => a.EndsWith("azurite.js", StringComparison.Ordinal))
                && i >= 0 && i + 1 < args.Length && args[i + 1] == blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }).ToList();

    static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    static (char State, int ParentPid)? ReadStat(int pid)
    {
        try
        {
            // "pid (comm) S ppid ..." - comm may contain spaces and parentheses, so cut at the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    static string[] ReadCmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
