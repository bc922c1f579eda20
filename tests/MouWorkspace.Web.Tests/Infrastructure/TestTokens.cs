using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>Tokens minted by the tests themselves, to check what the JWT validation accepts and refuses.</summary>
public static class TestTokens
{
    public static readonly SymmetricSecurityKey TestKey = new(Convert.FromBase64String(MouApp.TestSigningKey));
    public static readonly SymmetricSecurityKey OtherKey = new(new byte[32]);

    public static string Local(DateTime? expires = null, string audience = "mouworkspace-api", string issuer = "mouworkspace-local",
        SecurityKey? key = null, IDictionary<string, object>? claims = null) =>
        Mint(issuer, audience, key ?? TestKey, expires, claims ?? new Dictionary<string, object>
        {
            ["sub"] = "local:test",
            ["name"] = "Test secretariat",
            ["roles"] = new[] { "Secretariat" },
            ["organization"] = "un",
        });

    public static string Mint(string issuer, string audience, SecurityKey key, DateTime? expires, IDictionary<string, object> claims)
    {
        var end = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = end.AddHours(-2),
            NotBefore = end.AddHours(-2),
            Expires = end,
            SigningCredentials = new SigningCredentials(key, key is RsaSecurityKey ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.HmacSha256),
        });
    }
}
