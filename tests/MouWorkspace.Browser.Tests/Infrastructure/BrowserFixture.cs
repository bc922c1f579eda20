using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using MouWorkspace.Web.Storage;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Browser.Tests.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel port (with the demo data, on its own in-memory Azurite) and Debian's Chromium
/// driven by Playwright. One per test run: pages and contexts are per test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private AzuriteProcess? azurite;
    private IPlaywright? playwright;

    public MouApp App { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string ArtifactsPath { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        Directory.CreateDirectory(ArtifactsPath);
        azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), NullLogger.Instance);
        App = new MouApp(azurite.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true",
            ["RateLimit:PermitsPerMinute"] = "1000000",
        });
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await WaitForDemoDataAsync();
        // A CI machine with two cores runs other test assemblies beside these: give assertions room to wait.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        await WarmUpAsync();
    }

    /// <summary>
    /// One sign-in and two pages before the first test: the app's first page renders JIT-compile the sign-in, the layout,
    /// the components and the static assets, which on two cores shared with the other test assemblies took longer than
    /// a test's 15 s wait (a fresh-clone CI run timed out in the first test's second sign-in). Afterwards every test
    /// measures the app as it runs, not its cold start.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var page = await NewPageAsync();
        page.Context.SetDefaultTimeout(120_000);
        await page.GotoAsync("/signin?returnUrl=" + Uri.EscapeDataString("/mous/un-model-mou"));
        await page.GetByTestId("signin-un-secretariat").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/mous/un-model-mou/languages");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Context.CloseAsync();
    }

    /// <summary>A fresh browser context (its own cookies), as another person at another desk.</summary>
    /// <remarks><paramref name="bypassCsp"/> only for accessibility scans: axe-core is injected as an inline script.</remarks>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = BaseUrl,
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task WaitForDemoDataAsync()
    {
        var client = await App.ClientAsync("Observer", "NPL");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var response = await client.GetAsync("/api/mous/un-model-mou");
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("Rev.1"))
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException("the demo data was not seeded within 60 s");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
        if (azurite is not null)
            await azurite.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
