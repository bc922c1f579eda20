using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MouWorkspace.Browser.Tests.Infrastructure;
using MouWorkspace.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>
/// The secretariat sees on its pages what the room screen shows, gets word after pressing Project, and clears the
/// screen (issue 15.16); the pointer is read back through the API and the clearing is in the text's audit log.
/// </summary>
[Collection("browser")]
public sealed class RoomScreenPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_secretariat_projects_a_clause_is_told_so_sees_it_on_its_pages_and_clears_the_screen()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Room screen arranging secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var op1 = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        var op2 = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", $"/mous/{mou}");
        var now = page.GetByTestId("room-screen-now");
        await Expect(now).ToHaveTextAsync("The room screen shows nothing: it waits for a clause.");
        await Expect(page.GetByTestId("room-screen-clear")).ToHaveCountAsync(0);

        await page.GetByTestId("project-" + op2).ClickAsync();
        await Expect(page.GetByTestId("projected-" + op2)).ToHaveTextAsync("Now on the room screen");
        await Expect(now).ToHaveTextAsync("On the room screen: OP2");
        Assert.Equal(op2, (await PointerAsync(sec, mou)).GetProperty("clauseId").GetString());
        await page.ShotAsync(fixture, "room-screen-projected-1280");

        // Another clause: the word moves with the screen.
        await page.GetByTestId("project-" + op1).ClickAsync();
        await Expect(page.GetByTestId("projected-" + op1)).ToHaveTextAsync("Now on the room screen");
        await Expect(page.GetByTestId("projected-" + op2)).ToHaveTextAsync("");
        await Expect(now).ToHaveTextAsync("On the room screen: OP1");

        // The bar is on the text's other pages too; Clear empties the screen.
        await page.GoAndWaitAsync($"/mous/{mou}/revisions");
        await Expect(now).ToHaveTextAsync("On the room screen: OP1");
        await page.GetByTestId("room-screen-clear").ClickAsync();
        await Expect(now).ToHaveTextAsync("The room screen shows nothing: it waits for a clause.");
        var pointer = await PointerAsync(sec, mou);
        Assert.Equal(JsonValueKind.Null, pointer.GetProperty("clauseId").ValueKind);
        Assert.Equal(3, pointer.GetProperty("version").GetInt32());
        var audit = await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK);
        var last = audit.EnumerateArray().Last();
        Assert.Equal("DELETE /api/mous/{mouId}/now-discussing", last.GetProperty("action").GetString());
        Assert.Equal("C-34 Secretariat", last.GetProperty("name").GetString());

        // A screen moved by a colleague shows up without a reload.
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/mous/{mou}/now-discussing") { Content = JsonContent.Create(new { clauseId = op2 }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"3\"");
        await (await sec.SendAsync(put)).JsonAsync(HttpStatusCode.OK);
        await Expect(now).ToHaveTextAsync("On the room screen: OP2");

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.SignInAsync("un-secretariat", $"/mous/{mou}");
        await Expect(phone.GetByTestId("room-screen-now")).ToHaveTextAsync("On the room screen: OP2");
        await phone.ShotAsync(fixture, "room-screen-390");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1"), "the reader scrolls sideways at 390 px");

        // A delegate has no such bar.
        var delegation = await fixture.NewPageAsync();
        await delegation.SignInAsync("fra", $"/mous/{mou}");
        await Expect(delegation.Locator("h1")).ToBeVisibleAsync();
        await Expect(delegation.GetByTestId("room-screen")).ToHaveCountAsync(0);
    }

    private static async Task<JsonElement> PointerAsync(HttpClient client, string mou) =>
        await (await client.GetAsync($"/api/mous/{mou}/now-discussing")).JsonAsync(HttpStatusCode.OK);
}
