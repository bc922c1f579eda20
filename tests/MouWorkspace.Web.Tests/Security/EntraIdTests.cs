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
    // Written out, not derived from TenantId: Entra ID's v2.0 issuer for this tenant, as its tokens carry it.
    private const string Issuer = "https://login.microsoftonline.com/7d3c8a5e-2f4b-4c1d-9e8f-0a1b2c3d4e5f/v2.0";
    private const string OtherTenantId = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
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
                // The key, the metadata above and the issuer (which Microsoft.Identity.Web would check against the tenant's
                // metadata, fetched from the internet) stand in for Entra ID, written out from the tenant id. The valid
                // audiences are the app's own, derived by Microsoft.Identity.Web from AzureAd:ClientId.
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.IssuerSigningKey = Key;
            });
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme, o =>
                {
                    o.Configuration = configuration;
                    o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                });
        });

    private static string EntraToken(string objectId, string name, string[] roles, string audience = ClientId, SecurityKey? key = null, Dictionary<string, object>? extra = null,
        string issuer = Issuer, string tenant = TenantId)
    {
        var claims = new Dictionary<string, object> { ["oid"] = objectId, ["sub"] = "pairwise-" + objectId, ["tid"] = tenant, ["name"] = name, ["ver"] = "2.0" };
        if (roles.Length > 0)
            claims["roles"] = roles;
        foreach (var (k, v) in extra ?? [])
            claims[k] = v;
        return TestTokens.Mint(issuer, audience, key ?? Key, null, claims);
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
            EntraToken(id, "x", ["Secretariat"], audience: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d"),
            EntraToken(id, "x", ["Secretariat"], audience: "api://9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d"),
            // Another tenant's token for this app (its issuer and tid), and one claiming this tenant from another's issuer.
            EntraToken(id, "x", ["Secretariat"], issuer: "https://login.microsoftonline.com/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b/v2.0", tenant: OtherTenantId),
            EntraToken(id, "x", ["Secretariat"], issuer: "https://login.microsoftonline.com/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b/v2.0"),
            EntraToken(id, "x", ["Secretariat"], issuer: "https://login.example.com/7d3c8a5e-2f4b-4c1d-9e8f-0a1b2c3d4e5f/v2.0"),
            EntraToken(id, "x", []),
        ];
        for (var i = 0; i < refused.Length; i++)
            Assert.True(HttpStatusCode.Unauthorized == (await With(app.CreateClient(), refused[i]).GetAsync("/api/mous?organization=un")).StatusCode,
                $"refused token {i} was not refused");
        // The audience Entra ID v2.0 access tokens carry for this app registration, written out: its client id.
        var accepted = EntraToken(id, "x", ["Observer"], audience: "3f2e1d0c-9b8a-4765-8432-10fedcba9876", extra: new() { ["organization"] = "un" });
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
