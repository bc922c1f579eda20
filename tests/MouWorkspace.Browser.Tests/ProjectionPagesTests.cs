using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using Orleans.Configuration;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// The room's screen (<c>/mous/{id}/projection</c>) following the secretariat's pointer. The secretariat works on the
/// fixture's app (host A, with the silo); the screen is on a second web host that joins the same cluster as an Orleans
/// client (host B), as a multi-host deployment would put them.
/// </summary>
[Collection("browser")]
public sealed class ProjectionPagesTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Bracketed = "States [shall][should] train all personnel before deployment.";
    private const string Proposed = "States shall train and certify all personnel before deployment.";
    private const string Arabic = "تمارس الحكومة الولاية القضائية [الحصرية] على أفرادها.";
    private const string Chinese = "各国政府应对其人员行使[专属]管辖权。";

    [Fact]
    public async Task The_room_screen_on_another_web_host_follows_the_pointer_moved_by_the_secretariat()
    {
        var (mou, clauses, proposal) = await ArrangeAsync(confidential: false);
        await using var hostB = await StartSecondHostAsync();
        var screen = await PageOnAsync(hostB.ClientOptions.BaseAddress.ToString().TrimEnd('/'), 1920, 1080);
        await screen.SignInAsync("ind", $"/mous/{mou}/projection");
        await Expect(screen.GetByTestId("projection-waiting")).ToBeVisibleAsync();
        // No controls on the room's screen: no menu, links, buttons or fields.
        await Expect(screen.Locator("nav, main a, main button, main input, main select, main textarea")).ToHaveCountAsync(0);

        var secretariat = await fixture.NewPageAsync();
        await secretariat.SignInAsync("un-secretariat", $"/mous/{mou}");
        var clause = screen.GetByTestId("projection-clause");

        // The first move: the pointer moves (seen through the API), then the screen follows by a live event alone
        // (host B's periodic re-read is off).
        await PressProjectAsync(secretariat, clauses[0]);
        await PointerAtAsync(mou, clauses[0]);
        await Expect(clause).ToHaveAttributeAsync("data-clause-id", clauses[0], new() { Timeout = 10_000 });
        await Expect(screen.GetByTestId("projection-number")).ToHaveTextAsync("OP1");
        await Expect(screen.GetByTestId("projection-text").Locator("mark.bracket")).ToHaveCountAsync(1);

        var latencies = new List<long>();
        foreach (var target in new[] { clauses[1], clauses[2], clauses[0] })
            latencies.Add(await MoveAndMeasureAsync(secretariat, screen, target));
        output.WriteLine($"pointer → projection across hosts (click to screen): {string.Join(", ", latencies)} ms");

        // Arabic right to left, Chinese with a CJK font, chosen from the text itself.
        await MoveAndMeasureAsync(secretariat, screen, clauses[1]);
        var arabic = screen.GetByTestId("projection-text");
        await Expect(arabic).ToHaveAttributeAsync("lang", "ar");
        await Expect(arabic).ToHaveAttributeAsync("dir", "rtl");
        Assert.Equal("rtl", await arabic.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await screen.ShotAsync(fixture, "projection-arabic");
        await MoveAndMeasureAsync(secretariat, screen, clauses[2]);
        await Expect(screen.GetByTestId("projection-text")).ToHaveAttributeAsync("lang", "zh");
        Assert.Contains("CJK", await screen.GetByTestId("projection-text").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));

        // The proposal beside the current text, with its word diff (set through the API, as a script of the secretariat might).
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Projection secretariat");
        var version = (await sec.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/mous/{mou}/now-discussing")).GetProperty("version").GetInt32();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = clauses[0], proposalId = proposal }) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);
        var proposed = screen.GetByTestId("projection-proposal");
        await Expect(proposed).ToContainTextAsync("FRA", new() { Timeout = 5_000 });
        // Choosing "shall" shows as the bracket group removed and "shall" inserted (issue 15.12), so "certify" is the second insertion.
        await Expect(proposed.Locator("ins").Filter(new() { HasText = "certify" })).ToHaveCountAsync(1);
        var removed = string.Concat(await proposed.Locator("del").AllInnerTextsAsync());
        Assert.Contains("[shall][should]", removed);
        Assert.DoesNotContain("train", removed);
        await Expect(screen.GetByTestId("projection-text")).ToContainTextAsync("[shall][should]");
        // Large type: at least 30 px on a 1080p screen.
        Assert.True(await screen.GetByTestId("projection-text").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 30);
        await screen.ShotAsync(fixture, "projection-proposal");
    }

    [Fact]
    public async Task A_proposal_made_on_an_older_draft_is_shown_as_it_would_change_the_current_text()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Rebase secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Rebase legal officer");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "States shall train personnel before deployment.", "Training");
        // France adds "their" to draft 1; India changes "train" on draft 1; then the text says "must" instead of "shall" and "train" became "prepare" (draft 2).
        var france = (await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "States shall train personnel before their deployment." }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "States shall instruct personnel before deployment." }))
            .JsonAsync(HttpStatusCode.Created);
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "States must prepare personnel before deployment.", "\"1\"")).JsonAsync(HttpStatusCode.OK);

        var screen = await fixture.NewPageAsync();
        await screen.SignInAsync("ind", $"/mous/{mou}/projection");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = clause }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);

        // The clause alone: its open proposals under it. France's "their" merges onto draft 2 and is the only change shown
        // (not "must" back to "shall"); India's touches "prepare", changed since: said so, and shown against draft 1.
        var items = screen.GetByTestId("projection-open-proposal");
        await Expect(items).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        var franceItem = items.Filter(new() { Has = screen.GetByTestId("projection-open-sponsor").GetByText("France", new() { Exact = false }) });
        await Expect(franceItem.Locator("ins")).ToHaveCountAsync(1);
        await Expect(franceItem.Locator("ins")).ToContainTextAsync("their");
        await Expect(franceItem.Locator("del")).ToHaveCountAsync(0);
        await Expect(franceItem.GetByTestId("projection-open-overlap")).ToHaveCountAsync(0);
        var indiaItem = items.Filter(new() { Has = screen.GetByTestId("projection-open-sponsor").GetByText("India", new() { Exact = false }) });
        await Expect(indiaItem.GetByTestId("projection-open-overlap")).ToContainTextAsync("Made on draft 1");
        await screen.ShotAsync(fixture, "projection-rebased-open");

        // France's proposal projected beside the text: the same rebased diff.
        var version = (await sec.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/mous/{mou}/now-discussing")).GetProperty("version").GetInt32();
        put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = clause, proposalId = france }) };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);
        var proposed = screen.GetByTestId("projection-proposal");
        await Expect(proposed).ToContainTextAsync("changes to the current text", new() { Timeout = 10_000 });
        await Expect(proposed.Locator("ins")).ToHaveCountAsync(1);
        await Expect(proposed.Locator("ins")).ToContainTextAsync("their");
        await Expect(proposed.Locator("del")).ToHaveCountAsync(0);
        await Expect(proposed).ToContainTextAsync("must prepare");
    }

    [Fact]
    public async Task The_room_screen_numbers_the_lines_of_the_text_as_laid_out_and_again_when_the_screen_is_narrower()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Line numbers secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var text = string.Join(' ', Enumerable.Repeat("The troop-contributing country [shall][should] ensure that all members of its national contingent comply with the standards of conduct.", 3));
        var clause = await sec.AddClauseAsync(mou, text, "Standards of conduct");
        var arabic = await sec.AddClauseAsync(mou, string.Join(' ', Enumerable.Repeat("تلتزم الدول المساهمة بقوات بمعايير السلوك الواردة في نشرة الأمين العام", 4)), "");

        var screen = await fixture.NewPageAsync();
        await screen.SetViewportSizeAsync(1280, 900);
        await screen.SignInAsync("ind", $"/mous/{mou}/projection");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = clause }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);
        await Expect(screen.GetByTestId("projection-text")).ToContainTextAsync("standards of conduct", new() { Timeout = 10_000 });

        var wide = await NumbersAsync(screen);
        Assert.True(wide.Lines >= 3, $"{wide.Lines} lines");
        await screen.ShotAsync(fixture, "projection-line-numbers-1280");

        await screen.SetViewportSizeAsync(390, 844);
        await Expect(screen.GetByTestId("projection-line-numbers").Locator("span")).Not.ToHaveCountAsync(wide.Lines);
        var narrow = await NumbersAsync(screen);
        Assert.True(narrow.Lines > wide.Lines, $"{narrow.Lines} lines at 390 px, {wide.Lines} at 1280 px");
        await screen.ShotAsync(fixture, "projection-line-numbers-390");

        // Arabic: the numbers at the right, where its lines begin.
        await screen.SetViewportSizeAsync(1280, 900);
        put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = arabic }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);
        await Expect(screen.GetByTestId("projection-text")).ToHaveAttributeAsync("lang", "ar", new() { Timeout = 10_000 });
        await NumbersAsync(screen);
        var sides = await screen.EvaluateAsync<double[]>("""
            () => [document.querySelector('[data-testid=projection-line-numbers] span').getBoundingClientRect().left,
                   document.querySelector('[data-testid=projection-text]').getBoundingClientRect().right]
            """);
        Assert.True(sides[0] >= sides[1] - 1, $"numbers at x={sides[0]}, the text ends at x={sides[1]}");
    }

    /// <summary>
    /// The numbers beside the text: 1, 2, 3 … one per line the test finds itself (the text's rects grouped by their
    /// vertical middle), each number level with its line.
    /// </summary>
    private static async Task<(int Lines, int[] Numbers)> NumbersAsync(IPage screen)
    {
        var numbers = screen.GetByTestId("projection-line-numbers").Locator("span");
        await Expect(numbers.First).ToHaveTextAsync("1");
        var seen = await screen.EvaluateAsync<double[][]>("""
            () => {
              const text = document.querySelector('[data-testid=projection-text]');
              const range = document.createRange(); range.selectNodeContents(text);
              const mids = [];
              for (const r of range.getClientRects()) {
                if (r.width < 1) continue;
                const mid = (r.top + r.bottom) / 2;
                if (!mids.some(m => Math.abs(m - mid) < r.height / 2)) mids.push(mid);
              }
              mids.sort((a, b) => a - b);
              const shown = [...document.querySelectorAll('[data-testid=projection-line-numbers] span')]
                .map(n => { const b = n.getBoundingClientRect(); return [Number(n.textContent), (b.top + b.bottom) / 2]; });
              return [mids, ...shown];
            }
            """);
        var lines = seen[0];
        var shown = seen.Skip(1).ToArray();
        Assert.Equal(lines.Length, shown.Length);
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(i => (double)i), shown.Select(n => n[0]));
        for (var i = 0; i < lines.Length; i++)
            Assert.True(Math.Abs(shown[i][1] - lines[i]) < 8, $"number {i + 1} at y={shown[i][1]}, its line at y={lines[i]}");
        return (lines.Length, shown.Select(n => (int)n[0]).ToArray());
    }

    [Fact]
    public async Task A_non_party_screen_shows_nothing_of_a_confidential_round_while_a_partys_screen_shows_it()
    {
        var (mou, clauses, proposal) = await ArrangeAsync(confidential: true);
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Projection secretariat");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = clauses[0], proposalId = proposal }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);

        var party = await fixture.NewPageAsync(1920, 1080, bypassCsp: true);
        await party.SignInAsync("fra", $"/mous/{mou}/projection");
        await Expect(party.GetByTestId("projection-clause")).ToHaveAttributeAsync("data-clause-id", clauses[0]);
        await Expect(party.GetByTestId("projection-proposal").Locator("ins").Filter(new() { HasText = "certify" })).ToHaveCountAsync(1);
        var violations = await Accessibility.SeriousViolationsAsync(party);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        var outsider = await fixture.NewPageAsync(1920, 1080);
        await outsider.SignInAsync("npl", $"/mous/{mou}/projection");
        await Expect(outsider.GetByTestId("projection-confidential")).ToBeVisibleAsync();
        var shown = await outsider.Locator("main").InnerTextAsync();
        foreach (var secret in new[] { "train", "Training", "OP1", "certify", "FRA" })
            Assert.DoesNotContain(secret, shown);
        await Expect(outsider.GetByTestId("projection-clause")).ToHaveCountAsync(0);
        await outsider.ShotAsync(fixture, "projection-confidential");
    }

    /// <summary>
    /// Presses the clause's Project button with the keyboard once and waits until the screen shows that clause (with a
    /// generous bound: how fast is a benchmark's measure, printed here); returns the time from key press to screen.
    /// </summary>
    private static async Task<long> MoveAndMeasureAsync(IPage secretariat, IPage screen, string clauseId)
    {
        var clock = Stopwatch.StartNew();
        await PressProjectAsync(secretariat, clauseId);
        await Expect(screen.GetByTestId("projection-clause")).ToHaveAttributeAsync("data-clause-id", clauseId, new() { Timeout = 15_000 });
        return clock.ElapsedMilliseconds;
    }

    private async Task PointerAtAsync(string mou, string clauseId)
    {
        var reader = await fixture.App.ClientAsync("Secretariat", name: "Pointer reader");
        var clock = Stopwatch.StartNew();
        string? at = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            at = (await reader.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/mous/{mou}/now-discussing")).GetProperty("clauseId").GetString();
            if (at == clauseId)
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"pressing Project did not move the pointer to {clauseId} (it is at {at ?? "nothing"})");
    }

    /// <summary>The clause's Project button on the reader, pressed with the keyboard.</summary>
    private static async Task PressProjectAsync(IPage secretariat, string clauseId)
    {
        await secretariat.GetByTestId("project-" + clauseId).FocusAsync();
        await secretariat.Keyboard.PressAsync("Enter");
    }

    private async Task<(string Mou, string[] Clauses, string Proposal)> ArrangeAsync(bool confidential)
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Projection secretariat");
        var created = await sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Room screen " + Guid.NewGuid().ToString("N")[..6], parties = new[] { "FRA", "IND" }, confidential });
        var mou = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        string[] clauses = [await sec.AddClauseAsync(mou, Bracketed, "Training"), await sec.AddClauseAsync(mou, Arabic, "الولاية القضائية"), await sec.AddClauseAsync(mou, Chinese, "管辖权")];
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var proposal = (await (await france.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clauses[0]}/proposals", new { text = Proposed })).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        return (mou, clauses, proposal);
    }

    /// <summary>A second web host in the fixture app's cluster (App:Role=client), on its own port.</summary>
    private async Task<MouApp> StartSecondHostAsync()
    {
        var clusterId = fixture.App.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        var host = new MouApp(fixture.App.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:AzureStorage"]!, fixture.App.ServiceId,
            new Dictionary<string, string> { ["App:Role"] = "client", ["Orleans:ClusterId"] = clusterId, ["RateLimit:PermitsPerMinute"] = "1000000",
                // The screen follows live events only, so that the test proves they cross hosts.
                ["Projection:RefreshSeconds"] = "0" });
        host.UseKestrel(0);
        host.StartServer();
        var client = await host.ClientAsync("Observer", "NPL");
        // Readiness, not liveness: a new host answers 503 while it builds its own search index or reaches the cluster's
        // gateways (seen under CI load), so wait for the condition with a bound and say how long it took.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/health")).StatusCode) != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(250);
        Assert.Equal(HttpStatusCode.OK, status);
        output.WriteLine($"second web host ready in {clock.ElapsedMilliseconds} ms");
        return host;
    }

    private async Task<IPage> PageOnAsync(string baseUrl, int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height }, BaseURL = baseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
