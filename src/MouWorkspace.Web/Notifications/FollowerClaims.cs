using System.Security.Claims;
using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Notifications;

public static class FollowerClaims
{
    /// <summary>Entra ID's optional <c>email</c> claim (our local sign-in sets it for the demo users).</summary>
    public const string Email = "email";

    public static Follower ToFollower(this ClaimsPrincipal user) => new(
        user.UserId(),
        user.FindFirstValue(MouClaims.Name) ?? user.Identity?.Name ?? "unknown",
        user.FindAll(MouClaims.Roles).Select(c => c.Value).ToArray(),
        user.MemberState(),
        user.Organization(),
        EmailOf(user));

    /// <summary><c>email</c>, else an Entra ID <c>preferred_username</c> that is an address.</summary>
    public static string? EmailOf(ClaimsPrincipal user) =>
        user.FindFirstValue(Email) is { Length: > 0 } email ? email
        : user.FindFirstValue("preferred_username") is { } name && name.Contains('@', StringComparison.Ordinal) ? name : null;
}
