using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>"Sign out" stayed on its own second line (and wrapped) in the header at 1280 px.</summary>
[Collection("browser")]
public sealed class HeaderLayoutTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("un-legal")]
    [InlineData("osce-aut")]
    [InlineData("un-secretariat")]
    public async Task Sign_out_sits_on_the_headers_one_line_at_1280_px(string user)
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user, "/tracking");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeVisibleAsync();
        var button = (await signOut.BoundingBoxAsync())!;
        var brand = (await page.Locator(".brand").BoundingBoxAsync())!;
        var line = await signOut.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.5");
        Assert.True(button.Height < line * 1.5, $"'Sign out' wraps: {button.Height} px high");
        Assert.True(button.Y < brand.Y + brand.Height, $"'Sign out' is below the header's first line ({button.Y} px, brand at {brand.Y} px)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ArtifactsPath, $"header-{user}-1280.png"), Clip = new() { X = 0, Y = 0, Width = 1280, Height = 120 } });
    }
}
