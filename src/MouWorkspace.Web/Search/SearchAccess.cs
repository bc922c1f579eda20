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
/// An MOU's current text is for its organization; drafts, comments and proposals (inner records) of a confidential
/// round for its parties' delegates and staff; reform items for everyone; administrators read everything.
/// </summary>
public static class SearchAccess
{
    public static IReadOnlyList<string> DocumentReaders(MouInfo mou, bool innerRecord) =>
        innerRecord && mou.Confidential
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

    /// <summary>Whether a hit's kind is an inner record of its MOU (anything but the current text).</summary>
    public static bool IsInnerRecord(SearchHit hit) =>
        hit.Kind is SearchKinds.Comment or SearchKinds.Proposal || hit.Id.StartsWith(SearchDocuments.DraftPrefix, StringComparison.Ordinal);
}
