using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using RoleNames = MouWorkspace.Application.Access.Roles;

namespace MouWorkspace.Application.Access;

/// <summary>
/// Who is asking, as the services see them: made once from the signed-in user's claims by the web host (a bearer token
/// for the API, the circuit's user for a page), so that the rules never read claims themselves.
/// </summary>
public sealed record Caller(string UserId, string Name, IReadOnlyList<string> Roles, string? MemberState, string Organization)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsStaff => IsIn(RoleNames.Secretariat) || IsIn(RoleNames.LegalOfficer);

    /// <summary>Who may comment on a text and resolve a thread: delegates and staff (not observers or administrators).</summary>
    public bool IsCommenter => IsStaff || IsIn(RoleNames.Delegate);

    public Actor ToActor() => new(UserId, Name, string.Join(",", Roles), MemberState, Organization);

    /// <summary>The caller as the one read rule (<see cref="MouReadRule"/>) sees them.</summary>
    public MouReadRule.Reader AsReader() => new(Organization, IsIn(RoleNames.Admin), IsStaff, IsIn(RoleNames.Delegate), MemberState);
}
