using System.Security.Claims;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Search;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;

namespace MouWorkspace.Web.Search;

/// <summary>
/// The API's read rules (<see cref="MouAccess"/>) in the two forms search needs: reader tokens written on each
/// document (<see cref="DocumentReaders"/>) matched against the caller's tokens (<see cref="CallerReaders"/>) inside
/// the index, and the check of each hit against the MOU as it stands now (<see cref="MouAccess.CanRead"/>).
/// Both follow <see cref="MouReadRule"/>: an MOU and everything in it is for its organization, a confidential round's
/// for its parties' delegates and staff only; reform items for everyone; administrators read everything.
/// </summary>
public static class SearchAccess
{
    public static IReadOnlyList<string> DocumentReaders(MouInfo mou) =>
        mou.Confidential
            ? [Readers.Staff(mou.Organization), .. mou.Parties.Select(p => Readers.Party(mou.Organization, p))]
            : [Readers.Organization(mou.Organization)];

    /// <summary>Null for an administrator (no restriction).</summary>
    public static IReadOnlyList<string>? CallerReaders(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
            return null;
        var organization = user.Organization();
        var readers = new List<string> { Readers.Everyone };
        if (organization.Length == 0)
            return readers;
        readers.Add(Readers.Organization(organization));
        if (user.IsStaff())
            readers.Add(Readers.Staff(organization));
        if (user.IsInRole(Roles.Delegate) && user.MemberState() is { } state)
            readers.Add(Readers.Party(organization, state));
        return readers;
    }
}
