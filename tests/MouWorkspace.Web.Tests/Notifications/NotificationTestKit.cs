using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Notifications;

/// <summary>Users with their own ids and addresses (minted tokens), feeds read over HTTP, bounded polling.</summary>
public static class NotificationTestKit
{
    public sealed record User(HttpClient Client, string Name, string Email, string Id);

    public static User As(MouApp app, string role, string? memberState = null, string organization = "un")
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var name = $"{role} {memberState ?? organization} {id}";
        var email = $"{id}@sink.test";
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "local:notify-" + id,
            ["name"] = name,
            ["roles"] = new[] { role },
            ["organization"] = organization,
            ["email"] = email,
        };
        if (memberState is not null)
            claims["memberState"] = memberState;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Mint("mouworkspace-local", "mouworkspace-api", TestTokens.TestKey, null, claims));
        return new User(client, name, email, (string)claims["sub"]);
    }

    public static async Task<JsonElement> FeedAsync(this User user, bool unreadOnly = false) =>
        await (await user.Client.GetAsync($"/api/me/notifications?unread={unreadOnly.ToString().ToLowerInvariant()}&limit=100")).JsonAsync(HttpStatusCode.OK);

    public static IEnumerable<JsonElement> Items(this JsonElement feed) => feed.GetProperty("items").EnumerateArray();

    public static string Text(this JsonElement feed) => feed.GetRawText();

    /// <summary>Polls until <paramref name="done"/> holds, failing after a generous bound (nothing here is timed).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 60)
    {
        var end = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > end)
                Assert.Fail($"not seen within {seconds} s: {what}; last: {value}");
            await Task.Delay(100);
        }
    }

    public static Task<JsonElement> FeedUntilAsync(this User user, Func<JsonElement, bool> done, string what) =>
        UntilAsync(() => user.FeedAsync(), done, what);
}
