using System.Text.Json;
using MouWorkspace.Web.Storage;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Storage;

/// <summary>
/// Azurite's extent garbage collection with durable.js loaded (its patch 4): removing extent records never rebuilds the
/// extent collection's index. Unpatched, every removed record sorted all extents again: a busy test app's Azurite spent
/// minutes of its only thread in one collection pass and answered no request, which failed whatever test ran then.
/// </summary>
public sealed class AzuriteGarbageCollectionTests
{
    [Fact]
    public async Task Removing_extents_rebuilds_no_index_and_removes_exactly_those_extents()
    {
        var directory = AzuriteProcess.FindDirectory() ?? throw new InvalidOperationException("azurite/ not found above the test folder");
        var (exit, stdout, stderr) = await OfficeChecks.RunAsync("node", [Path.Combine(directory, "checks", "extent-gc.js"), "5000", "1000"], directory, TimeSpan.FromMinutes(2));
        Assert.True(exit is 0 or 1, $"the check did not run (exit {exit}): {stderr}");
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0, result.GetProperty("rebuilds").GetInt32());
        Assert.Equal((4000, 0, 0), (result.GetProperty("left").GetInt32(), result.GetProperty("goneFound").GetInt32(), result.GetProperty("keptMissing").GetInt32()));
        Assert.Equal(0, exit);
    }
}
