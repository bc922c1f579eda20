using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Configuration;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>Issue 14's findings 6, 7, 8, 10 and 12, each as it was reproduced from outside.</summary>
[Collection("api")]
public sealed class SafetyFindingsTests(ApiFixture fixture)
{
    // 6. The local issuer (anyone may take any role) is opt-in outside Development.
    [Theory]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Without_Entra_ID_and_without_opting_in_the_app_refuses_to_start_outside_Development(string environment)
    {
        using var app = new MouApp(fixture.ConnectionString, settings: new Dictionary<string, string> { ["LocalAuth:Enabled"] = "" }, environment: environment);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains($"No sign-in is configured for the {environment} environment", error.ToString());
        Assert.Contains("LocalAuth:Enabled=true", error.ToString());
    }

    [Fact]
    public void Local_sign_in_is_on_by_itself_in_Development_only()
    {
        var empty = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        Assert.True(AuthSetup.LocalSignInEnabled(empty, new Env("Development")));
        Assert.False(AuthSetup.LocalSignInEnabled(empty, new Env("Staging")));
        Assert.False(AuthSetup.LocalSignInEnabled(empty, new Env("Testing")));
        var optedOut = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LocalAuth:Enabled"] = "false" }).Build();
        Assert.False(AuthSetup.LocalSignInEnabled(optedOut, new Env("Development")));
    }

    private sealed class Env(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "MouWorkspace.Web";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    // 7. Open redirect after sign-in.
    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0A/evil.example")]
    [InlineData("/%0D%0A/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("~//evil.example")]
    public async Task Sign_in_never_redirects_to_another_site(string returnUrl)
    {
        var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await AntiforgeryFormAsync(client, Uri.UnescapeDataString(returnUrl));
        var response = await client.PostAsync("/signin", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/mous/x", true)]
    [InlineData("/", true)]
    [InlineData("/search?q=a%2Fb", true)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/a\nb", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("evil.example", false)]
    [InlineData("", false)]
    public void Local_urls_follow_the_framework_rule(string url, bool local) => Assert.Equal(local, SignInEndpoints.IsLocalUrl(url));

    private static async Task<FormUrlEncodedContent> AntiforgeryFormAsync(HttpClient client, string returnUrl)
    {
        // The sign-in form carries an antiforgery token: take it (and its cookie) from the page as a browser would.
        var page = await (await client.GetAsync("/signin")).Content.ReadAsStringAsync();
        var marker = "name=\"__RequestVerificationToken\" value=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["user"] = "fra", ["returnUrl"] = returnUrl };
        if (start >= 0)
        {
            start += marker.Length;
            fields["__RequestVerificationToken"] = page[start..page.IndexOf('"', start)];
        }
        return new FormUrlEncodedContent(fields);
    }

    // 8. Direction overrides and invisible characters: the wording on record must be the wording seen.
    [Theory]
    [InlineData("The Government \u202Etcejer yam\u202C shall accept")]
    [InlineData("quok\u200bkaword")]
    public async Task Text_that_is_shown_differently_from_its_record_is_refused_everywhere(string text)
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var mou = await sec.CreateMouAsync("un", "FRA");
        var clause = await sec.AddClauseAsync(mou, "The Government shall accept.");
        var refused = new (string What, Task<HttpResponseMessage> Call)[]
        {
            ("title", sec.PostAsJsonAsync("/api/mous", new { organization = "un", title = text, parties = new[] { "FRA" } })),
            ("clause", sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = "h", text })),
            ("heading", sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = text, text = "Plain." })),
            ("draft", sec.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", text, "\"1\"")),
            ("comment", fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text })),
            ("proposal", fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text })),
        };
        foreach (var (what, call) in refused)
        {
            var problem = await (await call).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("what readers see would differ from the text on record", problem.ToString());
        }
        var stored = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stored.GetProperty("clauses").GetArrayLength());
        Assert.Equal(0, (await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clause}/comments")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clause}/proposals")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    // 10. Who may resolve a thread: its author, the author's delegation, or staff.
    [Fact]
    public async Task Only_the_author_the_authors_delegation_or_staff_may_resolve_or_reopen_a_thread()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France A");
        var fraColleague = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France B");
        var ind = await fixture.App.ClientAsync("Delegate", "IND");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "The Government shall accept.");
        var path = $"/api/mous/{mou}/clauses/{clause}/comments";
        var comment = (await (await fra.PostAsJsonAsync(path, new { text = "France's point." })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await (await ind.PutAsJsonAsync($"{path}/{comment}/resolved", new { resolved = true })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await ResolvedAsync(sec, path, comment!));
        await (await fraColleague.PutAsJsonAsync($"{path}/{comment}/resolved", new { resolved = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(await ResolvedAsync(sec, path, comment!));
        await (await ind.PutAsJsonAsync($"{path}/{comment}/resolved", new { resolved = false })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(await ResolvedAsync(sec, path, comment!));
        await (await legal.PutAsJsonAsync($"{path}/{comment}/resolved", new { resolved = false })).JsonAsync(HttpStatusCode.OK);
        await (await fra.PutAsJsonAsync($"{path}/{comment}/resolved", new { resolved = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(await ResolvedAsync(sec, path, comment!));

        var staffComment = (await (await sec.PostAsJsonAsync(path, new { text = "Secretariat's note." })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await fra.PutAsJsonAsync($"{path}/{staffComment}/resolved", new { resolved = true })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await legal.PutAsJsonAsync($"{path}/{staffComment}/resolved", new { resolved = true })).JsonAsync(HttpStatusCode.OK);
        // The author's user id decides, but it is not shown to readers.
        Assert.DoesNotContain("authorId", await (await ind.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> ResolvedAsync(HttpClient client, string path, string id) =>
        (await (await client.GetAsync(path)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id)
            .GetProperty("resolved").GetBoolean();

    // 12. Small ones: 415 for a JSON call without its content type (the missing banner is checked by .ci/run on Kestrel itself).
    [Fact]
    public async Task A_json_call_without_its_content_type_answers_415_problem_details()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA");
        foreach (var contentType in new string?[] { null, "text/plain" })
        {
            var content = new StringContent("{\"heading\":\"h\",\"text\":\"Plain.\"}", Encoding.UTF8);
            content.Headers.ContentType = contentType is null ? null : new(contentType);
            var response = await sec.PostAsync($"/api/mous/{mou}/clauses", content);
            var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("application/json", problem.GetProperty("detail").GetString());
        }
        await (await sec.GetAsync("/api/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses").GetArrayLength());
    }
}
