using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>
/// The production sign-in: Microsoft.Identity.Web's JWT bearer validation, given a test signing key instead of
/// Entra ID's published keys so that nothing reaches the internet.
/// </summary>
[Collection("azurite")]
public sealed class EntraIdTests(AzuriteFixture azurite)
{
    private const string TenantId = "7d3c8a5e-2f4b-4c1d-9e8f-0a1b2c3d4e5f";
    private const string ClientId = "3f2e1d0c-9b8a-4765-8432-10fedcba9876";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    private MouApp EntraApp() => new(azurite.ConnectionString,
        settings: new Dictionary<string, string>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = TenantId,
            ["AzureAd:ClientId"] = ClientId,
        },
        testServices: services =>
        {
            var configuration = new OpenIdConnectConfiguration
            {
                Issuer = Issuer,
                AuthorizationEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize",
                TokenEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token",
            };
            configuration.SigningKeys.Add(Key);
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = configuration;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.ValidAudiences = [ClientId, $"api://{ClientId}"];
                o.TokenValidationParameters.IssuerSigningKey = Key;
            });
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme, o =>
                {
                    o.Configuration = configuration;
                    o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                });
        });

    private static string EntraToken(string objectId, string name, string[] roles, string audience = ClientId, SecurityKey? key = null, Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object> { ["oid"] = objectId, ["sub"] = "pairwise-" + objectId, ["tid"] = TenantId, ["name"] = name, ["ver"] = "2.0" };
        if (roles.Length > 0)
            claims["roles"] = roles;
        foreach (var (k, v) in extra ?? [])
            claims[k] = v;
        return TestTokens.Mint(Issuer, audience, key ?? Key, null, claims);
    }

    private static HttpClient With(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task With_entra_id_the_local_issuer_does_not_exist_and_entra_tokens_work_with_the_user_directory()
    {
        await using var app = EntraApp();
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/dev/token", new { name = "x", roles = new[] { "Admin" }, organization = "un" })).StatusCode);

        var delegateId = Guid.NewGuid().ToString();
        var secretariat = With(app.CreateClient(), EntraToken(Guid.NewGuid().ToString(), "C-34 Secretariat", ["Secretariat"], extra: new() { ["organization"] = "un" }));
        var delegateOfFrance = With(app.CreateClient(), EntraToken(delegateId, "Delegate of France", ["Delegate"]));
        var admin = With(app.CreateClient(), EntraToken(Guid.NewGuid().ToString(), "Operator", ["Admin"]));

        var mou = await secretariat.CreateMouAsync("un", "FRA");
        await secretariat.AddClauseAsync(mou, "Text.");
        await (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);

        // The tenant's token carries no state or organization: until the directory knows the user, nothing is theirs.
        await (await delegateOfFrance.GetAsync($"/api/mous/{mou}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PutAsJsonAsync($"/api/admin/users/{delegateId}", new { name = "Delegate of France", memberState = "FRA", organization = "un" })).JsonAsync(HttpStatusCode.OK);
        await (await delegateOfFrance.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);
        await (await delegateOfFrance.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "agree" })).JsonAsync(HttpStatusCode.Created);

        var audit = await (await secretariat.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK);
        var position = audit.EnumerateArray().Last();
        Assert.Equal(delegateId, position.GetProperty("userId").GetString());
        Assert.Equal("FRA", position.GetProperty("memberState").GetString());
    }

    [Fact]
    public async Task Entra_tokens_that_are_wrongly_signed_for_another_audience_or_without_roles_are_refused()
    {
        await using var app = EntraApp();
        var id = Guid.NewGuid().ToString();
        string[] refused =
        [
            EntraToken(id, "x", ["Secretariat"], key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }),
            EntraToken(id, "x", ["Secretariat"], audience: "api://another-app"),
            EntraToken(id, "x", []),
        ];
        foreach (var token in refused)
            Assert.Equal(HttpStatusCode.Unauthorized, (await With(app.CreateClient(), token).GetAsync("/api/mous?organization=un")).StatusCode);
        var accepted = EntraToken(id, "x", ["Observer"], extra: new() { ["organization"] = "un" });
        Assert.Equal(HttpStatusCode.OK, (await With(app.CreateClient(), accepted).GetAsync("/api/mous?organization=un")).StatusCode);
    }

    [Fact]
    public async Task With_entra_id_pages_send_the_browser_to_entra_and_the_api_answers_401_instead()
    {
        await using var app = EntraApp();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signIn = await (await browser.GetAsync("/signin")).Content.ReadAsStringAsync();
        Assert.Contains("Sign in with Microsoft", signIn);
        Assert.DoesNotContain("data-testid=\"signin-fra\"", signIn);
        var challenge = await browser.GetAsync("/signin/entra?returnUrl=%2Fmous");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize", challenge.Headers.Location!.ToString());
        Assert.Contains($"client_id={ClientId}", challenge.Headers.Location!.Query);
        var page = await browser.GetAsync("/mous");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://login.microsoftonline.com/", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/mous")).StatusCode);
    }

    [Fact]
    public void The_local_issuer_refuses_to_start_in_production()
    {
        using var app = new MouApp(azurite.ConnectionString, environment: "Production");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("cannot run in the Production environment", error.ToString());
    }
}
