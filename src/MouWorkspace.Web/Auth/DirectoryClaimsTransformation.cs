using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using MouWorkspace.Abstractions.Directory;

namespace MouWorkspace.Web.Auth;

/// <summary>
/// Completes a signed-in user with the member state and organization an Admin recorded in the user directory,
/// when the token does not carry them (an Entra tenant without those optional claims).
/// Claims in the token win: the directory only fills gaps.
/// </summary>
public sealed class DirectoryClaimsTransformation(IGrainFactory grains) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
            return principal;
        var hasState = principal.HasClaim(c => c.Type == MouClaims.MemberState);
        var hasOrganization = principal.HasClaim(c => c.Type == MouClaims.Organization);
        if (hasState && hasOrganization)
            return principal;
        var userId = principal.UserId();
        if (userId.Length == 0)
            return principal;
        var entry = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).FindAsync(userId);
        if (entry is null)
            return principal;
        var added = new ClaimsIdentity();
        if (!hasState && entry.MemberState is not null)
            added.AddClaim(new Claim(MouClaims.MemberState, entry.MemberState));
        if (!hasOrganization)
            added.AddClaim(new Claim(MouClaims.Organization, entry.Organization));
        var result = principal.Clone();
        ((ClaimsIdentity)result.Identity!).AddClaims(added.Claims);
        return result;
    }
}
