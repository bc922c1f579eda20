using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace MouWorkspace.Web.Auth;

/// <summary>
/// The default scheme: picks the scheme a request is for (the API's bearer tokens, the pages' own tokens, the page
/// cookie; <see cref="AuthSetup.SelectScheme"/>) and forwards to it, as a policy scheme does. A bearer token that
/// scheme accepted before is answered from <see cref="BearerTickets"/> without running the bearer handler again.
/// </summary>
public sealed class SmartSchemeHandler(BearerTickets tickets) : IAuthenticationHandler
{
    private HttpContext http = default!;
    private string? token;
    private string target = "";

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        http = context;
        token = BearerToken(context.Request);
        target = AuthSetup.SelectScheme(context, token);
        return Task.CompletedTask;
    }

    public async Task<AuthenticateResult> AuthenticateAsync()
    {
        if (token is null)
            return await http.AuthenticateAsync(target);
        if (tickets.Find(target, token) is { } known)
            return AuthenticateResult.Success(new AuthenticationTicket(known, target));
        var result = await http.AuthenticateAsync(target);
        if (result.Succeeded)
            tickets.Remember(target, token, result.Principal);
        return result;
    }

    public Task ChallengeAsync(AuthenticationProperties? properties) => http.ChallengeAsync(target, properties);

    public Task ForbidAsync(AuthenticationProperties? properties) => http.ForbidAsync(target, properties);

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    internal static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>
/// Who a bearer token proved to be, per scheme and whole token, for as long as the token is valid (at most 15
/// minutes, so that a signing key withdrawn by the issuer stops counting soon). Only tokens the scheme's own
/// handler accepted are kept; a changed token is another key and is validated on its own. Each request gets its
/// own copy of the identity.
/// </summary>
public sealed class BearerTickets(TimeProvider clock)
{
    public const int Capacity = 20_000;

    private static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(15);

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);

    private readonly ConcurrentDictionary<(string Scheme, string Token), Entry> entries = new();

    public ClaimsPrincipal? Find(string scheme, string token)
    {
        if (!entries.TryGetValue((scheme, token), out var entry))
            return null;
        if (entry.Until > clock.GetUtcNow())
            return Copy(entry.Principal);
        entries.TryRemove(new KeyValuePair<(string, string), Entry>((scheme, token), entry));
        return null;
    }

    public void Remember(string scheme, string token, ClaimsPrincipal principal)
    {
        // The token's own expiry, as the handler read it (the "exp" claim, seconds since 1970).
        if (principal.FindFirst("exp")?.Value is not { } exp || !long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return;
        var now = clock.GetUtcNow();
        var until = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (until <= now)
            return;
        if (until - now > LongestKept)
            until = now + LongestKept;
        if (entries.Count >= Capacity)
            entries.Clear();
        entries[(scheme, token)] = new Entry(Copy(principal), until);
    }

    /// <summary>A copy down to the claims: <see cref="ClaimsPrincipal.Clone"/> would share the identities.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));
}
