using MouWorkspace.Grains.Audit;

namespace MouWorkspace.Grains.Tests;

/// <summary>
/// The memory store with storage failures on demand, per scope: appends that fail (before or after the
/// line reached storage, as a lost answer would) and reads held until the test lets them go.
/// </summary>
public sealed class FlakyAuditStore(MemoryAuditStore inner) : IAuditStore
{
    private readonly Dictionary<string, bool> failing = [];
    private readonly Dictionary<string, HeldRead> heldReads = [];

    /// <summary>Appends to the scope throw; with <paramref name="afterWriting"/> the line is stored first.</summary>
    public void FailAppends(string scope, bool afterWriting)
    {
        lock (failing)
            failing[scope] = afterWriting;
    }

    public void Heal(string scope)
    {
        lock (failing)
            failing.Remove(scope);
    }

    /// <summary>The next read of the scope waits for <see cref="HeldRead.Release"/>; <see cref="HeldRead.Reached"/> says it began.</summary>
    public HeldRead HoldNextRead(string scope)
    {
        var held = new HeldRead();
        lock (heldReads)
            heldReads[scope] = held;
        return held;
    }

    public async Task AppendAsync(string scope, string line, CancellationToken cancellationToken = default)
    {
        bool? afterWriting;
        lock (failing)
            afterWriting = failing.TryGetValue(scope, out var after) ? after : null;
        if (afterWriting != false)
            await inner.AppendAsync(scope, line, cancellationToken);
        if (afterWriting is not null)
            throw new IOException($"storage failed on {scope} ({(afterWriting.Value ? "after" : "before")} writing)");
    }

    public async Task<string> ReadAsync(string scope, CancellationToken cancellationToken = default)
    {
        HeldRead? held;
        lock (heldReads)
            heldReads.Remove(scope, out held);
        if (held is not null)
        {
            held.Reached.TrySetResult();
            await held.Release.Task;
        }
        return await inner.ReadAsync(scope, cancellationToken);
    }
}

public sealed class HeldRead
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
