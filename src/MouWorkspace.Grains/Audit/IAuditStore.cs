namespace MouWorkspace.Grains.Audit;

/// <summary>Where audit lines go: an Azure append blob per scope in the app, memory in grain unit tests.</summary>
public interface IAuditStore
{
    Task AppendAsync(string scope, string line, CancellationToken cancellationToken = default);

    /// <summary>Everything appended to the scope so far, or an empty string.</summary>
    Task<string> ReadAsync(string scope, CancellationToken cancellationToken = default);
}

public sealed class MemoryAuditStore : IAuditStore
{
    private readonly Dictionary<string, System.Text.StringBuilder> logs = [];

    /// <summary>How many appends reached the store (group commit makes this fewer than the records).</summary>
    public int Appends { get; private set; }

    public Task AppendAsync(string scope, string line, CancellationToken cancellationToken = default)
    {
        lock (logs)
        {
            Appends++;
            if (!logs.TryGetValue(scope, out var log))
                logs[scope] = log = new();
            log.Append(line);
        }
        return Task.CompletedTask;
    }

    public Task<string> ReadAsync(string scope, CancellationToken cancellationToken = default)
    {
        lock (logs)
            return Task.FromResult(logs.TryGetValue(scope, out var log) ? log.ToString() : "");
    }

    /// <summary>For tamper tests: replace what the store holds.</summary>
    public void Overwrite(string scope, string text)
    {
        lock (logs)
            logs[scope] = new(text);
    }
}
