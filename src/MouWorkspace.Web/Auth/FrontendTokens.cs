using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MouWorkspace.Web.Auth;

/// <summary>
/// The pages call the same HTTP API as every other client, so that one set of rules and one audit apply.
/// They do it with short-lived tokens the app signs for the signed-in user's own claims (from the page
/// cookie, local or Entra ID), validated by a scheme of their own. The key is <c>Frontend:SigningKey</c>
/// (base64; needed when the front end runs apart from the API) or a random one per process.
/// </summary>
public sealed class FrontendTokens(IConfiguration configuration, TimeProvider clock)
{
    public const string Scheme = "Frontend";
    public const string Issuer = "mouworkspace-frontend";
    public const string Audience = "mouworkspace-api";

    /// <summary>The key id in our tokens' header: how <see cref="LooksLikeFrontendToken"/> tells them apart cheaply.</summary>
    public const string KeyId = "mouworkspace-frontend";

    private static readonly string[] Carried = [MouClaims.Subject, MouClaims.ObjectId, MouClaims.Name, MouClaims.Roles, MouClaims.MemberState, MouClaims.Organization, "email"];
    private readonly JsonWebTokenHandler handler = new();

    public SymmetricSecurityKey Key { get; } = new(configuration["Frontend:SigningKey"] is { Length: > 0 } configured
        ? Convert.FromBase64String(configured) : RandomNumberGenerator.GetBytes(32)) { KeyId = KeyId };

    public string Issue(ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>();
        foreach (var type in Carried)
        {
            var values = user.FindAll(type).Select(c => c.Value).ToArray();
            if (values.Length > 0)
                claims[type] = type == MouClaims.Roles ? values : values[0];
        }
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        NameClaimType = MouClaims.Name,
        RoleClaimType = MouClaims.Roles,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Whether a bearer token claims to be ours (unvalidated: only to pick the scheme that validates it). Every API
    /// call asks, so it reads only the token's small header, where our tokens name their key
    /// (<see cref="KeyId"/>), instead of parsing the whole token.
    /// </summary>
    public static bool LooksLikeFrontendToken(string token)
    {
        var dot = token.IndexOf('.');
        if (dot is <= 0 or > 512)
            return false;
        try
        {
            var header = Base64UrlEncoder.DecodeBytes(token[..dot]);
            var reader = new Utf8JsonReader(header);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("kid"u8))
                    return reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(KeyId);
            }
            return false;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or JsonException)
        {
            return false;
        }
    }
}
