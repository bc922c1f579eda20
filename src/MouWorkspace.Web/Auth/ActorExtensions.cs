using System.Security.Claims;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Application.Access;

namespace MouWorkspace.Web.Auth;

public static class ActorExtensions
{
    /// <summary>The signed-in user as the application services take them (from a bearer token's or the circuit's claims).</summary>
    public static Caller ToCaller(this ClaimsPrincipal user) => new(
        user.UserId(),
        user.FindFirstValue(MouClaims.Name) ?? "unknown",
        [.. user.FindAll(MouClaims.Roles).Select(c => c.Value)],
        user.MemberState(),
        user.Organization());

    public static Actor ToActor(this ClaimsPrincipal user) => user.ToCaller().ToActor();

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(MouClaims.ObjectId) ?? user.FindFirstValue(MouClaims.Subject) ?? "";

    public static string? MemberState(this ClaimsPrincipal user) => user.FindFirstValue(MouClaims.MemberState)?.ToUpperInvariant();

    public static string Organization(this ClaimsPrincipal user) => user.FindFirstValue(MouClaims.Organization)?.ToLowerInvariant() ?? "";

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.LegalOfficer);

    /// <summary>The user as the one read rule (<see cref="MouReadRule"/>) sees them.</summary>
    public static MouReadRule.Reader AsReader(this ClaimsPrincipal user) => user.ToCaller().AsReader();
}
