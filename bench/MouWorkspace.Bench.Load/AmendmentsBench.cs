using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace MouWorkspace.Bench.Load;

/// <summary>
/// Issue 17's speed targets over HTTP, against the app in its own process (<c>--amendments-only</c>): the compilation of a
/// 300-clause text with 600 open proposals (JSON and Word), a clause with 300 open proposals and 2,000 comments (its
/// proposals with clash detection, its comments), and accepting one proposal (merge, new draft, events). Each figure
/// is the median and 95th percentile of sequential calls after two warm-up calls.
/// </summary>
internal static class AmendmentsBench
{
    public sealed record Figure(string Name, int Runs, double P50, double P95, string Target);

    public static async Task<IReadOnlyList<Figure>> RunAsync(Api api, Action<string> log, int clauses = 300, int heavyProposals = 300, int heavyComments = 2000)
    {
        var secretariat = await api.TokenAsync("Bench Secretariat", "Secretariat", null);
        var legal = await api.TokenAsync("Bench Legal officer", "LegalOfficer", null);
        string[] states = ["IND", "FRA", "PAK", "BRA", "GHA", "NPL", "URY", "SEN"];
        var delegates = await Task.WhenAll(states.Select(s => api.TokenAsync($"Delegate of {s}", "Delegate", s)));
        var mou = await api.CreateMouAsync(secretariat, "Model MOU (amendments benchmark)", states);
        var random = new Random(17);
        var texts = new List<string>();
        var ids = new List<string>();
        for (var i = 0; i < clauses; i++)
        {
            texts.Add(CompareBench.Sentence(random, 40));
            ids.Add(await api.AddClauseAsync(secretariat, mou, i % 10 == 0 ? $"Section {i / 10 + 1}" : "", texts[i]));
        }
        log($"amendments: {clauses} clauses");
        // Rev.1 before any proposal: after the acceptances below, the current drafts differ from it (issue 18.12's redline).
        await api.SendAsync(HttpMethod.Post, $"/api/mous/{mou}/revisions", secretariat, new { symbol = "Rev.1" }, HttpStatusCode.Created);

        // Two open proposals per clause, changing different words (India the 4th, France the 30th): they merge.
        var proposals = new string[clauses];
        await Parallel.ForEachAsync(Enumerable.Range(0, clauses), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            proposals[i] = await api.PostForIdAsync($"/api/mous/{mou}/clauses/{ids[i]}/proposals", delegates[0], new { text = Replace(texts[i], 3, "certify") });
            await api.PostForIdAsync($"/api/mous/{mou}/clauses/{ids[i]}/proposals", delegates[1], new { text = Replace(texts[i], 29, "quarterly") });
        });
        log($"amendments: {2 * clauses} open proposals");

        // The heavy clause: hundreds of proposals (every one changing a different word, some clashing) and thousands of comments.
        var heavy = await api.AddClauseAsync(secretariat, mou, "Heavy", CompareBench.Sentence(random, 400));
        var heavyText = await api.ClauseTextAsync(mou, heavy, secretariat);
        var words = heavyText.Split(' ');
        await Parallel.ForEachAsync(Enumerable.Range(0, heavyProposals), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await api.PostForIdAsync($"/api/mous/{mou}/clauses/{heavy}/proposals", delegates[i % delegates.Length],
                new { text = Replace(heavyText, i % words.Length, $"alternative{i}") }));
        await Parallel.ForEachAsync(Enumerable.Range(0, heavyComments), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await api.SendAsync(HttpMethod.Post, $"/api/mous/{mou}/clauses/{heavy}/comments", delegates[i % delegates.Length],
                new { text = $"{states[i % states.Length]} has a view on this paragraph ({i})." }, HttpStatusCode.Created));
        log($"amendments: a clause with {heavyProposals} open proposals and {heavyComments} comments");

        var figures = new List<Figure>
        {
            await TimeAsync("compilation, JSON (GET …/compilation)", 12, "< 1 s",
                () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/compilation", delegates[2], null, HttpStatusCode.OK)),
            await TimeAsync("compilation in Word (GET export.docx?compilation=true)", 8, "< 1 s",
                () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/export.docx?compilation=true", delegates[2], null, HttpStatusCode.OK)),
            await TimeAsync("compilation as a PDF room paper (GET export.pdf?compilation=true)", 8, "< 1 s",
                () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/export.pdf?compilation=true", delegates[2], null, HttpStatusCode.OK)),
            await TimeAsync($"a clause's {heavyProposals} proposals with clashes (GET …/proposals?clauseId=)", 12, "< 1 s",
                () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/proposals?clauseId={heavy}", delegates[2], null, HttpStatusCode.OK)),
            await TimeAsync($"the clause's {heavyComments} comments (GET …/comments)", 12, "< 1 s",
                () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/clauses/{heavy}/comments", delegates[2], null, HttpStatusCode.OK)),
        };
        var next = 0;
        figures.Add(await TimeAsync("accept one proposal (PUT …/status accepted: merge, new draft, events)", 40, "< 100 ms",
            () => api.SendAsync(HttpMethod.Put, $"/api/mous/{mou}/proposals/{proposals[next++]}/status", legal, new { status = "accepted", note = "bench" }, HttpStatusCode.OK)));
        // Issue 18.12: the redline made afresh (current drafts, 40 of them changed by the acceptances, against Rev.1, with
        // the clause's 2,000 comments), in Word and as the PDF room paper.
        figures.Add(await TimeAsync("redline made afresh in Word (GET export.docx?base=1&comments=true)", 12, "≤ 100 ms",
            () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/export.docx?base=1&comments=true", delegates[2], null, HttpStatusCode.OK)));
        figures.Add(await TimeAsync("the same redline as a PDF room paper (GET export.pdf?base=1)", 12, "< 1 s",
            () => api.SendAsync(HttpMethod.Get, $"/api/mous/{mou}/export.pdf?base=1", delegates[2], null, HttpStatusCode.OK)));
        foreach (var f in figures)
            log(string.Create(CultureInfo.InvariantCulture, $"{f.Name}: p50 {f.P50:F1} ms, p95 {f.P95:F1} ms over {f.Runs} (target {f.Target})"));
        return figures;
    }

    public static string Markdown(IReadOnlyList<Figure> figures)
    {
        var text = new StringBuilder("| measured (sequential, after 2 warm-up calls) | runs | p50 | p95 | target |\n|---|---|---|---|---|\n");
        foreach (var f in figures)
            text.Append(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Runs} | {f.P50:F1} ms | {f.P95:F1} ms | {f.Target} |\n");
        return text.ToString();
    }

    private static async Task<Figure> TimeAsync(string name, int runs, string target, Func<Task<bool>> call)
    {
        for (var i = 0; i < 2; i++)
            await call();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Figure(name, runs, Percentile(times, 50), Percentile(times, 95), target);
    }

    private static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static string Replace(string text, int index, string word)
    {
        var words = text.Split(' ');
        words[index % words.Length] = word;
        return string.Join(' ', words);
    }
}
