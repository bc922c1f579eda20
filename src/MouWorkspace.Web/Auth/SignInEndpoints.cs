using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using MouWorkspace.Domain;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;

namespace MouWorkspace.Web.Auth;

/// <summary>Page sign-in: a form post (with antiforgery) that sets the session cookie, or Entra ID's OpenID Connect.</summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<AuthMode>();
        if (mode.LocalIssuer)
            app.MapPost("/signin", SignInLocalAsync).AllowAnonymous().ExcludeFromDescription();
        else
            app.MapGet("/signin/entra", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous().ExcludeFromDescription();
        // Cast to Delegate: a route handler, whose returned redirect is written (not a RequestDelegate).
        app.MapPost("/signout", (Delegate)SignOutAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInLocalAsync(HttpContext http, [FromForm] string? user, [FromForm] string? name, [FromForm] string? role,
        [FromForm] string? memberState, [FromForm] string? organization, [FromForm] string? returnUrl)
    {
        var demo = DemoUsers.Find(user);
        var chosen = demo ?? Custom(name, role, memberState, organization);
        if (chosen is null)
            return TypedResults.Redirect("/signin?error=" + Uri.EscapeDataString("Choose a demo user, or give a name, a role, an organization and (for a delegate) a member state."));
        var claims = new List<Claim>
        {
            new(MouClaims.Subject, "local:" + (demo?.Key ?? $"{chosen.Name}|{chosen.MemberState}|{chosen.Organization}")),
            new(MouClaims.Name, chosen.Name),
            new(MouClaims.Roles, chosen.Role),
            new(MouClaims.Organization, chosen.Organization),
        };
        if (chosen.MemberState is not null)
            claims.Add(new(MouClaims.MemberState, chosen.MemberState));
        if (demo is not null)
            claims.Add(new("email", demo.Email));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, MouClaims.Name, MouClaims.Roles);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Redirect(LocalOnly(returnUrl));
    }

    private static DemoUser? Custom(string? name, string? role, string? memberState, string? organization)
    {
        var canonicalRole = Roles.Canonical(role);
        var org = Organizations.Find(organization);
        var state = string.IsNullOrWhiteSpace(memberState) ? null : memberState.Trim().ToUpperInvariant();
        if (TextRules.Validate(name, "name", maxLength: TextLimits.Name) is not null || canonicalRole is null || org is null)
            return null;
        if ((state is not null && !MemberStates.IsKnown(state)) || (canonicalRole == Roles.Delegate && state is null))
            return null;
        return new DemoUser("custom", name!.Trim(), canonicalRole, state, org.Code);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/signin");
    }

    /// <summary>
    /// Only paths of this site (an open redirect would let a link send a signed-in user anywhere): the return address
    /// when it is local, else "/". The framework's local-URL rule (<c>Url.IsLocalUrl</c>): "/" or "/x…" but not "//" or
    /// "/\" (its "~/" form is not taken: it means nothing to a browser); and no control character anywhere, because browsers drop
    /// tabs and line breaks from a URL ("/\t/evil.example" becomes "//evil.example", another host).
    /// </summary>
    internal static string LocalOnly(string? returnUrl) => IsLocalUrl(returnUrl) ? returnUrl! : "/";

    internal static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
            return false;
        if (url[0] == '/')
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return false;
    }
}
