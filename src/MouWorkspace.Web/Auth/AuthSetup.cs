using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using MouWorkspace.Web.Hosting;

namespace MouWorkspace.Web.Auth;

public static class AuthSetup
{
    /// <summary>
    /// JWT bearer authentication with the local issuer, deny-by-default authorization and the role policies.
    /// (Entra ID through Microsoft.Identity.Web plugs into the same scheme: issue 3.)
    /// </summary>
    public static void AddMouAuth(this WebApplicationBuilder builder)
    {
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
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Secretariat, Roles.LegalOfficer))
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.Delegate, p => p.RequireRole(Roles.Delegate))
            .AddPolicy(Policies.LegalOfficer, p => p.RequireRole(Roles.LegalOfficer))
            .AddPolicy(Policies.Commenter, p => p.RequireRole(Roles.Delegate, Roles.LegalOfficer, Roles.Secretariat));
    }
}
