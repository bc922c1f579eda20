using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>
/// Every endpoint × every role × own/other member state × own/other organization, checked against the rules.
/// The endpoints come from the app's endpoint data source: an endpoint without a rule here fails the test.
/// </summary>
[Collection("api")]
public sealed class AuthorizationMatrixTests(ApiFixture fixture)
{
    private static readonly string[] AnonymousEndpoints =
        ["ANY /health", "ANY /alive", "ANY /{*path:nonfile}", "GET /openapi/{documentName}.json", "POST /api/dev/token", "GET /signin", "POST /signin"];

    [Fact]
    public void Every_endpoint_has_a_rule_and_only_the_known_ones_are_anonymous()
    {
        var endpoints = Endpoints();
        var anonymous = endpoints.Where(e => e.Anonymous).Select(e => e.Key).Order().ToArray();
        Assert.Equal(AnonymousEndpoints.Order(), anonymous);
        var missing = endpoints.Where(e => !e.Anonymous && e.Key.Contains(" /api/", StringComparison.Ordinal) && !AuthorizationRules.Cases.ContainsKey(e.Key)).Select(e => e.Key).ToArray();
        Assert.True(missing.Length == 0, "endpoints without an authorization rule: " + string.Join(", ", missing));
        var stale = AuthorizationRules.Cases.Keys.Except(endpoints.Select(e => e.Key)).ToArray();
        Assert.True(stale.Length == 0, "rules for endpoints that do not exist: " + string.Join(", ", stale));
        // A write that someone is refused names what it would change, so that the matrix can check it did not.
        var untraced = AuthorizationRules.Cases.Where(c => WriteTraces.IsWrite(c.Key) && c.Value.Leaves is null && Caller.All().Any(caller => !c.Value.Allows(caller)))
            .Select(c => c.Key).ToArray();
        Assert.True(untraced.Length == 0, "refusable writes that name nothing to re-read: " + string.Join(", ", untraced));
    }


    [Fact]
    public async Task Every_caller_gets_exactly_what_the_rules_allow()
    {
        var callers = Caller.All();
        var clients = new Dictionary<Caller, HttpClient>();
        foreach (var caller in callers)
            clients[caller] = await fixture.App.ClientAsync(caller.Role, caller.State, caller.Organization, caller.ToString());
        var setup = new MatrixSetup(fixture.App);
        var traces = await WriteTraces.CreateAsync(fixture.App);
        var shared = await setup.NewContextAsync(withSilence: true);
        var failures = new List<string>();
        var refusedWrites = 0;

        foreach (var (key, rule) in AuthorizationRules.Cases)
        {
            // A write that is allowed changes its context: each allowed caller gets a fresh one. Refused callers share one
            // per rule (a refusal changes nothing, and a refusal that did change something is reported by its trace).
            MatrixContext? refusals = null;
            foreach (var caller in callers)
            {
                var context = !rule.Mutates ? shared
                    : rule.Allows(caller) ? await setup.NewContextAsync()
                    : refusals ??= await setup.NewContextAsync();
                if (await traces.SendAndCheckAsync(key, rule, context, caller, clients[caller], rule.Allows(caller), failures))
                    refusedWrites++;
            }
        }
        Assert.True(refusedWrites >= 300, $"only {refusedWrites} refused writes were re-read");
        Assert.True(failures.Count == 0, $"{failures.Count} answers broke the rules:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Without_a_valid_token_every_protected_endpoint_answers_401()
    {
        var setup = new MatrixSetup(fixture.App);
        var context = await setup.NewContextAsync();
        var tokens = new Dictionary<string, string?>
        {
            ["no token"] = null,
            ["expired"] = TestTokens.Local(expires: DateTime.UtcNow.AddMinutes(-10)),
            ["wrong audience"] = TestTokens.Local(audience: "someone-else"),
            ["wrong issuer"] = TestTokens.Local(issuer: "https://evil.example"),
            ["wrongly signed"] = TestTokens.Local(key: TestTokens.OtherKey),
            ["garbage"] = "not.a.jwt",
        };
        var failures = new List<string>();
        var client = fixture.App.CreateClient();
        foreach (var (key, rule) in AuthorizationRules.Cases)
        {
            foreach (var (why, token) in tokens)
            {
                var request = rule.Request(context);
                if (token is not null)
                    request.Headers.Authorization = new("Bearer", token);
                var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                    failures.Add($"{key} with {why}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var valid = new HttpRequestMessage(HttpMethod.Get, "/api/mous") { Headers = { Authorization = new("Bearer", TestTokens.Local()) } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(valid)).StatusCode);
    }

    /// <summary>The app's endpoints, less the static files (the pages' scripts and styles, anonymous by design).</summary>
    private List<(string Key, bool Anonymous)> Endpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => ($"{m} /{e.RoutePattern.RawText!.Trim('/')}", e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Distinct().ToList();
}
