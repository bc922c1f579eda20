using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>
/// The whole app (API + co-hosted silo) on a real Azurite. Two instances with the same
/// <paramref name="serviceId"/> see the same grain state, as a restarted app would.
/// </summary>
public sealed class MouApp(string connectionString, string? serviceId = null, IDictionary<string, string>? settings = null,
    Action<IServiceCollection>? testServices = null, string environment = "Testing", string? dataPath = null) : WebApplicationFactory<Program>
{
    /// <summary>A fixed test signing key, wired into the same JWT bearer validation the app uses.</summary>
    public const string TestSigningKey = "bW91d29ya3NwYWNlLXRlc3Qta2V5LW5vdC1hLXNlY3JldC0zMmJ5dGVz";

    /// <summary>A fixed audit chain key (the app's <c>Audit:ChainKey</c>); a setting of "" makes the app use its key file.</summary>
    public const string TestAuditKey = "bW91d29ya3NwYWNlLWF1ZGl0LXRlc3Qta2V5LW5vdC1hLXNlY3JldA==";

    public string ServiceId { get; } = serviceId ?? "test-" + Guid.NewGuid().ToString("N")[..8];

    // A data folder of the test's own outlives the app (restart tests); a temporary one goes with it.
    private readonly bool ownDataPath = dataPath is null;
    private readonly string dataPath = dataPath ?? Directory.CreateTempSubdirectory("mouworkspace-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Outside Development the host does not read the static web assets manifest by itself (pages need it).
        builder.UseStaticWebAssets();
        if (testServices is not null)
            builder.ConfigureTestServices(testServices);
        // UseSetting, not ConfigureAppConfiguration: Program reads these before it builds the host.
        builder.UseSetting("ConnectionStrings:AzureStorage", connectionString);
        builder.UseSetting("Orleans:ServiceId", ServiceId);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("LocalAuth:SigningKey", TestSigningKey);
        // The tests' environment is not Development: the local sign-in is opted into, as any such deployment must.
        builder.UseSetting("LocalAuth:Enabled", "true");
        builder.UseSetting("Audit:ChainKey", TestAuditKey);
        builder.UseSetting("App:DataPath", dataPath);
        // CI's two cores run the browser suite, the other collections and their apps at once: a grain call waits up to
        // 30 s here (the deployment default, 10 s, is for a host that is not oversubscribed; outage tests set their own).
        builder.UseSetting("Orleans:ResponseTimeoutSeconds", "30");
        // One change queue polled every 500 ms per test app: a collection's Azurite serves several apps at once, and
        // idle polling of two queues every 200 ms by each of them competes with the writes under test.
        builder.UseSetting("Events:Queues", "1");
        builder.UseSetting("Events:PollMilliseconds", "500");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    /// <summary>A client signed in through the local issuer, as a user of the given role, state and organization.</summary>
    public async Task<HttpClient> ClientAsync(string role, string? memberState = null, string organization = "un", string? name = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/token",
            new { name = name ?? $"{role} {memberState ?? organization}", roles = new[] { role }, memberState, organization });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownDataPath)
            return;
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private sealed record TokenBody(string Token);
}
