using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>The bearer token cache: validated once, never past expiry, never shared between requests.</summary>
public sealed class TokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(RandomNumberGenerator.GetBytes(32));

    private static (CachingTokenHandler Handler, TokenValidationParameters Parameters, string Token, DateTime Expires) Arrange(TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        var expires = now + lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "test-issuer",
            Audience = "test-api",
            Claims = new Dictionary<string, object> { ["name"] = "Delegate of France", ["roles"] = new[] { "Delegate" } },
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "test-issuer", ValidAudience = "test-api", IssuerSigningKey = Key, ClockSkew = TimeSpan.Zero,
        };
        return (new CachingTokenHandler(TimeProvider.System) { MapInboundClaims = false }, parameters, token, expires);
    }

    [Fact]
    public async Task A_token_is_validated_once_and_each_request_gets_its_own_identity()
    {
        var (handler, parameters, token, _) = Arrange(TimeSpan.FromMinutes(10));
        var first = await handler.ValidateTokenAsync(token, parameters);
        Assert.True(first.IsValid);
        first.ClaimsIdentity.AddClaim(new Claim("added-by-one-request", "x"));

        // Were the signature checked again, the other key would refuse it: the answer came from the cache.
        parameters.IssuerSigningKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var second = await handler.ValidateTokenAsync(token, parameters);

        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("Delegate of France", second.ClaimsIdentity.FindFirst("name")?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-one-request"));
    }

    [Fact]
    public async Task A_cached_token_is_refused_once_it_expires()
    {
        var (handler, parameters, token, expires) = Arrange(TimeSpan.FromSeconds(2));
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        // A token's expiry is in whole seconds: wait until it has surely passed.
        await Task.Delay(expires.AddSeconds(1.5) - DateTime.UtcNow);
        var late = await handler.ValidateTokenAsync(token, parameters);

        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(late.Exception);
    }

    [Fact]
    public async Task A_changed_token_is_validated_on_its_own_and_refused()
    {
        var (handler, parameters, token, _) = Arrange(TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        Assert.False((await handler.ValidateTokenAsync(tampered, parameters)).IsValid);
    }
}
