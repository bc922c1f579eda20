using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
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
    /// <summary>
    /// Entra ID through Microsoft.Identity.Web when <c>AzureAd:TenantId</c> is configured; otherwise the local
    /// issuer, refused in the Production environment. Both end in the same JWT bearer validation, deny by default.
    /// </summary>
    public static void AddMouAuth(this WebApplicationBuilder builder)
    {
        var mode = AuthMode.From(builder.Configuration);
        builder.Services.AddSingleton(mode);
        if (mode.LocalIssuer)
            AddLocalIssuer(builder);
        else
            AddEntraId(builder);

        builder.Services.AddTransient<IClaimsTransformation, DirectoryClaimsTransformation>();
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

    private static void AddLocalIssuer(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "The local sign-in (POST /api/dev/token) cannot run in the Production environment. Configure Microsoft Entra ID " +
                "(AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId; see docs/security.md), or run with ASPNETCORE_ENVIRONMENT=Development for a local trial.");
        var key = LocalTokenIssuer.LoadOrCreateKey(builder.Configuration, AppPaths.DataPath(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(sp => new LocalTokenIssuer(key, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
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
        });
    }

    private static void AddEntraId(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("AzureAd");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(section, JwtBearerDefaults.AuthenticationScheme);
        // Our claim names: app roles arrive as "roles", the display name as "name"; no inbound mapping.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = MouClaims.Name;
            o.TokenValidationParameters.RoleClaimType = MouClaims.Roles;
        });
    }
}
