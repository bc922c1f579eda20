using System.Text.Json;
using Microsoft.Playwright;

namespace MouWorkspace.Browser.Tests.Infrastructure;

/// <summary>axe-core (npm, pinned in axe/) injected into a page; serious and critical violations are returned.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> Script = new(Locate);

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Script.Value });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))");
        return result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {v.GetProperty("nodes")}")
            .ToList();
    }

    /// <summary>The axe/ folder of this test project; installed with npm ci on first use (like azurite/).</summary>
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "MouWorkspace.Browser.Tests", "axe");
            if (!File.Exists(Path.Combine(folder, "package.json")))
                continue;
            var script = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(script))
            {
                using var npm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder })!;
                npm.WaitForExit(180_000);
            }
            return File.Exists(script) ? script : throw new InvalidOperationException($"axe-core is not installed in {folder}: run ./test.sh");
        }
        throw new InvalidOperationException("cannot find tests/MouWorkspace.Browser.Tests/axe");
    }
}
