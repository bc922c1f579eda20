using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MouWorkspace.Web.Hosting;

namespace MouWorkspace.Web.Auth;

/// <summary>Which sign-in the app runs with; decided once at start-up from configuration.</summary>
public sealed record AuthMode(bool LocalIssuer)
{
    public static AuthMode From(IConfiguration configuration) => new(string.IsNullOrWhiteSpace(configuration["AzureAd:TenantId"]));
}

public static class AuthSetup
{
    /// <summary>Picks the scheme per request: bearer tokens for the API, the cookie for pages.</summary>
    public const string Smart = "Smart";

    /// <summary>
    /// Entra ID through Microsoft.Identity.Web when <c>AzureAd:TenantId</c> is configured (bearer tokens for the API,
    /// OpenID Connect for the pages); otherwise the local issuer and sign-in page, refused in the Production
    /// environment. Deny by default either way.
    /// </summary>
    public static void AddMouAuth(this WebApplicationBuilder builder)
    {
        var mode = AuthMode.From(builder.Configuration);
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton<FrontendTokens>();
        var authentication = mode.LocalIssuer ? AddLocalIssuer(builder) : AddEntraId(builder);
        authentication
            .AddJwtBearer(FrontendTokens.Scheme, _ => { });
        // The default scheme picks one of those per request; a bearer token (local, Entra ID, the pages' own) is
        // validated by its scheme once per lifetime, not per call (SmartScheme.cs).
        builder.Services.AddSingleton<BearerTickets>();
        builder.Services.AddTransient<SmartSchemeHandler>();
        builder.Services.AddOptions<JwtBearerOptions>(FrontendTokens.Scheme).Configure<FrontendTokens>((o, tokens) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = tokens.ValidationParameters();
        });
        builder.Services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.AddScheme<SmartSchemeHandler>(Smart, Smart);
            o.DefaultScheme = Smart;
            o.DefaultChallengeScheme = Smart;
            o.DefaultForbidScheme = Smart;
        });
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<IClaimsTransformation, DirectoryClaimsTransformation>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Secretariat, Roles.LegalOfficer))
            .AddPolicy(Policies.StaffOrAdmin, p => p.RequireRole(Roles.Secretariat, Roles.LegalOfficer, Roles.Admin))
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.LegalOfficer, p => p.RequireRole(Roles.LegalOfficer))
            .AddPolicy(Policies.Delegate, p => p.RequireRole(Roles.Delegate))
            .AddPolicy(Policies.Commenter, p => p.RequireRole(Roles.Delegate, Roles.LegalOfficer, Roles.Secretariat))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
    }

    /// <summary>The scheme for a request, given its bearer token (<see cref="SmartSchemeHandler.BearerToken"/>) if it has one.</summary>
    internal static string SelectScheme(HttpContext http, string? bearerToken)
    {
        if (bearerToken is not null)
            return FrontendTokens.LooksLikeFrontendToken(bearerToken) ? FrontendTokens.Scheme : JwtBearerDefaults.AuthenticationScheme;
        // The API never takes the page cookie: no cross-site request can act for a signed-in user.
        return http.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    /// <summary><c>LocalAuth:Enabled</c> when set; otherwise on in Development only.</summary>
    public static bool LocalSignInEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        bool.TryParse(configuration["LocalAuth:Enabled"], out var enabled) ? enabled : environment.IsDevelopment();

    private static AuthenticationBuilder AddLocalIssuer(WebApplicationBuilder builder)
    {
        // Anyone may take any role through the local sign-in: it is opt-in. On by itself in Development only; elsewhere it
        // takes LocalAuth:Enabled=true (announced in the log and on every page); in Production never.
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "The local sign-in (POST /api/dev/token) cannot run in the Production environment. Configure Microsoft Entra ID " +
                "(AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId; see docs/security.md), or run with ASPNETCORE_ENVIRONMENT=Development for a local trial.");
        if (!LocalSignInEnabled(builder.Configuration, builder.Environment))
            throw new InvalidOperationException(
                $"No sign-in is configured for the {builder.Environment.EnvironmentName} environment. Configure Microsoft Entra ID " +
                "(AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId; see docs/security.md). The local sign-in, with which anyone may take any " +
                "role, runs by itself only in Development; elsewhere it needs LocalAuth:Enabled=true, and is then announced on every page.");
        var key = LocalTokenIssuer.LoadOrCreateKey(builder.Configuration, AppPaths.DataPath(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(sp => new LocalTokenIssuer(key, sp.GetRequiredService<TimeProvider>()));
        return builder.Services.AddAuthentication()
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = LocalTokenIssuer.Issuer,
                    ValidAudience = LocalTokenIssuer.Audience,
                    IssuerSigningKey = key,
                    NameClaimType = MouClaims.Name,
                    RoleClaimType = MouClaims.Roles,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            })
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.Cookie.Name = "mou.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
    }

    private static AuthenticationBuilder AddEntraId(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("AzureAd");
        var authentication = builder.Services.AddAuthentication();
        authentication.AddMicrosoftIdentityWebApi(section, JwtBearerDefaults.AuthenticationScheme);
        authentication.AddMicrosoftIdentityWebApp(section, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
        // Our claim names: app roles arrive as "roles", the display name as "name"; no inbound mapping.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = MouClaims.Name;
            o.TokenValidationParameters.RoleClaimType = MouClaims.Roles;
        });
        // Pages that need a user send the browser to Entra ID; the API answers 401 instead (see SelectScheme).
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme);
        builder.Services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = MouClaims.Name;
            o.TokenValidationParameters.RoleClaimType = MouClaims.Roles;
        });
        return authentication;
    }
}
