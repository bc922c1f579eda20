namespace MouWorkspace.Grains.Testing;

/// <summary>
/// Test-only: named points in the middle of a write where the crash tests (tests/MouWorkspace.Fault.Tests) kill the
/// app. Inert by default: unless <c>Testing:MarkerDir</c> is set, <see cref="ReachedAsync"/> does nothing. When it is
/// set, reaching a point writes a marker file named after the point into that folder, then holds for
/// <c>Testing:ExportArchiveDelayMs</c> or <c>Testing:ImportDelayMs</c>, so that the test's kill lands exactly there
/// and the test can tell that it did. Never set in a deployment.
/// </summary>
public sealed class TestPoints(string? markerDir, IReadOnlyDictionary<string, int> delaysMs)
{
    /// <summary>Half of a published revision's export read by its archive's Put Blob (<c>Testing:ExportArchiveDelayMs</c>).</summary>
    public const string ExportArchive = "ExportArchive";

    /// <summary>An import's first clause grains written, its MOU not yet (<c>Testing:ImportDelayMs</c>).</summary>
    public const string Import = "Import";

    public static readonly TestPoints Inert = new(null, new Dictionary<string, int>());

    public bool Active => markerDir is not null;

    public async Task ReachedAsync(string point)
    {
        if (markerDir is null)
            return;
        await File.WriteAllTextAsync(Path.Combine(markerDir, point), DateTimeOffset.UtcNow.ToString("O"));
        if (delaysMs.TryGetValue(point, out var ms) && ms > 0)
            await Task.Delay(ms);
    }
}
