using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MouWorkspace.Web.Auth;

/// <summary>
/// Validates a bearer token once and remembers the answer until the token expires: a delegate's client sends the
/// same token with every call, and checking its signature and parsing its claims again each time was a fifth of
/// a clause read's CPU (the HMAC contexts of the local issuer were even left to the finalizer). Only successful
/// validations are kept, keyed by the whole token (a changed byte is another key), never past the token's
/// expiry, at most <see cref="Capacity"/> of them; each request gets its own copy of the identity, so a claims
/// transformation cannot leak from one request into another. A signing key rotated away still accepts the
/// tokens it validated until they expire, which is what their holders were promised anyway.
/// </summary>
public sealed class CachingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    public const int Capacity = 20_000;

    private static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(15);

    private readonly MemoryCache validated = new(new MemoryCacheOptions { SizeLimit = Capacity, Clock = null });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (validated.TryGetValue(token, out TokenValidationResult? known) && known!.SecurityToken.ValidTo > clock.GetUtcNow().UtcDateTime)
            return Copy(known);
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var expires } && result.ClaimsIdentity is not null)
        {
            var keep = new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) - clock.GetUtcNow();
            if (keep > TimeSpan.Zero)
                validated.Set(token, Copy(result), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keep < LongestKept ? keep : LongestKept });
        }
        return result;
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };
}

/// <summary>Gives every bearer scheme its own <see cref="CachingTokenHandler"/>: a token valid for one scheme is not thereby valid for another.</summary>
public sealed class CachedTokenValidation(TimeProvider clock) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        var mapInboundClaims = options.MapInboundClaims;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new CachingTokenHandler(clock) { MapInboundClaims = mapInboundClaims });
    }
}
