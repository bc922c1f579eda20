using System.Net.Http.Headers;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Browser.Tests.Infrastructure;

public static class DemoUserClients
{
    /// <summary>
    /// An API client that is the same person as a demo user signed in on the pages (subject <c>local:{key}</c>, as the
    /// sign-in page gives it), for what is kept per person: follows, notifications. <c>/api/dev/token</c> names its
    /// users differently, and the page cookie is not taken by the API.
    /// </summary>
    public static HttpClient DemoUserClient(this BrowserFixture fixture, string key)
    {
        var user = DemoUsers.Find(key) ?? throw new ArgumentException($"no demo user {key}", nameof(key));
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "local:" + user.Key,
            ["name"] = user.Name,
            ["roles"] = new[] { user.Role },
            ["organization"] = user.Organization,
        };
        if (user.MemberState is not null)
            claims["memberState"] = user.MemberState;
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Local(claims: claims));
        return client;
    }
}
