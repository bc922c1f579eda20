using Microsoft.Playwright;

namespace MouWorkspace.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Signs in through the sign-in page as one of the demo users, and waits until the page is interactive.</summary>
    public static async Task SignInAsync(this IPage page, string demoUser, string returnUrl = "/")
    {
        await page.GotoAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByTestId("signin-" + demoUser).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Blazor Server: clicks before the circuit is up are lost, so wait for the marker the layout renders then.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task GoAndWaitAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task ShotAsync(this IPage page, BrowserFixture fixture, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ArtifactsPath, name + ".png"), FullPage = true });
}
