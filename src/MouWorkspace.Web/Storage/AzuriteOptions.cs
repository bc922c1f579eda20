namespace MouWorkspace.Web.Storage;

/// <summary>How <see cref="AzuriteProcess"/> starts the local Azure Storage emulator.</summary>
public sealed class AzuriteOptions
{
    /// <summary>
    /// The folder holding Azurite's package.json and launch.js (the repo's <c>azurite/</c>).
    /// Null: <see cref="AzuriteProcess.FindDirectory"/>.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Where Azurite keeps its data (created if missing). Null or empty: in memory, lost on stop.
    /// </summary>
    public string? DataPath { get; set; }

    /// <summary>Cap on blob/queue content kept in memory (in-memory mode only).</summary>
    public int ExtentMemoryLimitMb { get; set; } = 256;

    /// <summary>How long Azurite may take to answer requests. Does not include a first <c>npm ci</c>.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Fixed ports (blob, queue, table) instead of free ones: to restart an Azurite where clients expect it
    /// (the fault tests stop and restart storage under load).
    /// </summary>
    public (int Blob, int Queue, int Table)? Ports { get; set; }
}
