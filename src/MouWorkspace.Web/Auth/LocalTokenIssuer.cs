using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MouWorkspace.Web.Hosting;

namespace MouWorkspace.Web.Auth;

/// <summary>
/// The local sign-in (no Entra ID tenant configured): the app signs its own JWTs with a key generated at
/// first start and kept in the data folder, and validates them through the same JWT bearer path as production.
/// </summary>
public sealed class LocalTokenIssuer
{
    public const string Issuer = "mouworkspace-local";
    public const string Audience = "mouworkspace-api";

    private readonly JsonWebTokenHandler handler = new();
    private readonly TimeProvider clock;

    public LocalTokenIssuer(SymmetricSecurityKey key, TimeProvider clock)
    {
        Key = key;
        this.clock = clock;
    }

    public SymmetricSecurityKey Key { get; }

    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(8);

    public string Issue(string name, IReadOnlyList<string> roles, string? memberState, string organization)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subject = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{memberState}\n{organization}")))[..24];
        var claims = new Dictionary<string, object>
        {
            [MouClaims.Subject] = "local:" + subject,
            [MouClaims.Name] = name,
            [MouClaims.Roles] = roles.ToArray(),
            [MouClaims.Organization] = organization,
        };
        if (memberState is not null)
            claims[MouClaims.MemberState] = memberState;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// <c>LocalAuth:SigningKey</c> (base64, tests) or a key file in the data folder, created on first start
    /// with owner-only permissions. Never in the repository.
    /// </summary>
    public static SymmetricSecurityKey LoadOrCreateKey(IConfiguration configuration, string dataPath)
    {
        var configured = configuration["LocalAuth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new SymmetricSecurityKey(Convert.FromBase64String(configured));
        return new SymmetricSecurityKey(KeyFile.LoadOrCreate(dataPath, "local-signing.key"));
    }
}
