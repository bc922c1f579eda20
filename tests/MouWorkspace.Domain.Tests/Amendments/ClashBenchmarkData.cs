using MouWorkspace.Domain.Amendments;

namespace MouWorkspace.Domain.Tests.Amendments;

/// <summary>A long clause and many proposals of it, as <c>bench/MouWorkspace.Bench.Amendments</c> makes them.</summary>
internal static class ClashBenchmarkData
{
    public static (string Current, List<ProposalText> Proposals) Generate(Random random, int proposals)
    {
        var script = new EditScript(random, 200);
        var sites = script.Sites(120, gap: 1);
        var original = script.Original;
        var list = new List<ProposalText>(proposals);
        for (var p = 0; p < proposals; p++)
        {
            var own = sites.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).OrderBy(s => s).Select(script.RandomEdit).ToList();
            list.Add(new ProposalText($"P{p:D3}", original, script.Apply(own)));
        }
        return (original, list);
    }
}
