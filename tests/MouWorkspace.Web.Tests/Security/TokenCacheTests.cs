using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>
/// The bearer ticket cache behind the default scheme: a token its scheme accepted is not validated again, never past
/// its expiry (nor 15 minutes), never for another scheme or another token, and never shared between requests.
/// </summary>
public sealed class TokenCacheTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ClaimsPrincipal Principal(DateTimeOffset expires) => new(new ClaimsIdentity(
    [
        new Claim("name", "Delegate of France"), new Claim("roles", "Delegate"),
        new Claim("exp", expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ], "test", "name", "roles"));

    [Fact]
    public void A_remembered_token_gives_each_request_its_own_copy_of_the_identity()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var tickets = new BearerTickets(clock);
        var proven = Principal(clock.Now.AddMinutes(10));
        tickets.Remember("Bearer", "token-1", proven);
        ((ClaimsIdentity)proven.Identity!).AddClaim(new Claim("added-after", "x"));

        var first = tickets.Find("Bearer", "token-1")!;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("added-by-one-request", "x"));
        var second = tickets.Find("Bearer", "token-1")!;

        Assert.NotSame(first, second);
        Assert.NotSame(first.Identity, second.Identity);
        Assert.Equal("Delegate of France", second.Identity!.Name);
        Assert.True(second.IsInRole("Delegate"));
        Assert.Null(second.FindFirst("added-by-one-request"));
        Assert.Null(second.FindFirst("added-after"));
    }

    [Fact]
    public void A_token_is_forgotten_at_its_expiry_or_after_15_minutes_whichever_comes_first()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var tickets = new BearerTickets(clock);
        tickets.Remember("Bearer", "short", Principal(clock.Now.AddSeconds(30)));
        tickets.Remember("Bearer", "long", Principal(clock.Now.AddHours(8)));
        tickets.Remember("Bearer", "expired", Principal(clock.Now.AddSeconds(-1)));
        tickets.Remember("Bearer", "no-expiry", new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "x")], "test")));

        Assert.NotNull(tickets.Find("Bearer", "short"));
        Assert.Null(tickets.Find("Bearer", "expired"));
        Assert.Null(tickets.Find("Bearer", "no-expiry"));
        clock.Now = clock.Now.AddSeconds(31);
        Assert.Null(tickets.Find("Bearer", "short"));
        Assert.NotNull(tickets.Find("Bearer", "long"));
        clock.Now = clock.Now.AddMinutes(15);
        Assert.Null(tickets.Find("Bearer", "long"));
    }

    [Fact]
    public void A_token_counts_only_for_the_scheme_that_accepted_it_and_only_as_it_was()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var tickets = new BearerTickets(clock);
        tickets.Remember("Bearer", "abc.def.ghi", Principal(clock.Now.AddMinutes(10)));

        Assert.NotNull(tickets.Find("Bearer", "abc.def.ghi"));
        Assert.Null(tickets.Find("Frontend", "abc.def.ghi"));
        Assert.Null(tickets.Find("Bearer", "abc.def.ghj"));
    }
}

/// <summary>The same through the app: a token is accepted, a changed copy of it is refused however often the original was used.</summary>
[Collection("azurite")]
public sealed class BearerTicketHttpTests(MouWorkspace.Web.Tests.Infrastructure.AzuriteFixture azurite)
{
    [Fact]
    public async Task A_changed_token_is_refused_after_the_original_was_accepted_and_remembered()
    {
        await using var app = new MouWorkspace.Web.Tests.Infrastructure.MouApp(azurite.ConnectionString);
        var observer = await app.ClientAsync("Observer", "NPL");
        for (var i = 0; i < 3; i++)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await observer.GetAsync("/api/mous?organization=un")).StatusCode);
        var token = observer.DefaultRequestHeaders.Authorization!.Parameter!;
        var tickets = app.Services.GetRequiredService<BearerTickets>();
        Assert.NotNull(tickets.Find(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme, token));

        foreach (var changed in new[] { token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..], token + "x", token[..^1] })
        {
            var forger = app.CreateClient();
            forger.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", changed);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await forger.GetAsync("/api/mous?organization=un")).StatusCode);
        }
    }
}

/// <summary>Picking the scheme from the token's header alone.</summary>
public sealed class FrontendTokenShapeTests
{
    [Fact]
    public void Only_a_token_whose_header_names_the_front_end_key_is_taken_for_a_front_end_token()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var tokens = new FrontendTokens(configuration, TimeProvider.System);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "Delegate of France"), new Claim("roles", "Delegate")], "test"));
        var ours = tokens.Issue(user);
        var theirs = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = FrontendTokens.Issuer, // a payload that claims the issuer does not make it ours: the header decides
            Claims = new Dictionary<string, object> { ["kid"] = FrontendTokens.KeyId },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "other" }, SecurityAlgorithms.HmacSha256),
        });

        Assert.True(FrontendTokens.LooksLikeFrontendToken(ours));
        Assert.False(FrontendTokens.LooksLikeFrontendToken(theirs));
        Assert.False(FrontendTokens.LooksLikeFrontendToken("not a token"));
        Assert.False(FrontendTokens.LooksLikeFrontendToken("%%%.e30.x"));
        Assert.False(FrontendTokens.LooksLikeFrontendToken(""));
    }
}
