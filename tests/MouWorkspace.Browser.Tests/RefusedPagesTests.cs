using MouWorkspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// Issue 15.18: a page a role may not use shows the refusal alone, no forms under it; another organization's text reads
/// as absent, its organization not named; the observer's import page says what an observer may do there.
/// </summary>
[Collection("browser")]
public sealed class RefusedPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Another_organizations_text_reads_as_absent_and_its_pages_show_no_forms()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("nato-secretariat", "/mous/un-model-mou/documents");
        var error = page.GetByTestId("error");
        await Expect(error).ToHaveTextAsync("Not found. There is no MOU un-model-mou.");
        await Expect(page.Locator("main form, main input, main select, main textarea")).ToHaveCountAsync(0);
        await page.ShotAsync(fixture, "refused-documents-1280");

        foreach (var path in new[] { "/mous/un-model-mou/languages", "/mous/un-model-mou/audit", "/mous/un-model-mou/revisions", "/mous/un-model-mou/compilation" })
        {
            await page.GoAndWaitAsync(path);
            await Expect(page.GetByTestId("error")).ToHaveTextAsync("Not found. There is no MOU un-model-mou.");
            await Expect(page.Locator("main form, main input, main select, main textarea")).ToHaveCountAsync(0);
            var shown = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("another organization", shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("(un)", shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Model MOU", shown, StringComparison.Ordinal);
        }
        // Nor is there a room screen bar for a text it may not read.
        await Expect(page.GetByTestId("room-screen")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_delegate_on_the_audit_page_sees_the_refusal_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", "/audit");
        await Expect(page.GetByTestId("error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-texts")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("audit-filters")).ToHaveCountAsync(0);
        await Expect(page.Locator("main form, main input, main select")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_observers_import_page_says_what_an_observer_may_do_and_links_the_texts_documents()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-observer", "/documents");
        await Expect(page.GetByTestId("documents-readers")).ToContainTextAsync("Importing a Word document as a new text is for the secretariat and the legal officers.");
        var link = page.GetByTestId("documents-texts").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Model MOU between the United Nations") });
        await Expect(link).ToHaveAttributeAsync("href", "/mous/un-model-mou/documents");
        await Expect(page.GetByTestId("import-file")).ToHaveCountAsync(0);
        await page.ShotAsync(fixture, "documents-observer-1280");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/mous/un-model-mou/documents");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("download")).ToBeVisibleAsync();

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-observer", "/documents");
        await Expect(phone.GetByTestId("documents-texts")).ToBeVisibleAsync();
        await phone.ShotAsync(fixture, "documents-observer-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the import page scrolls sideways at 390 px");
    }
}
