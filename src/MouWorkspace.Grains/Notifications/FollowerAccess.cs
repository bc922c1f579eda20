using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// The reading rules of the web layer's <c>MouAccess</c> (for drafts and comments, the inner record), applied
/// again when a notification is delivered and mailed: another organization's texts only to an Admin; in a
/// confidential round only to the parties' delegates and staff. Following checks them through MouAccess itself;
/// checking again here means a follow can never carry more than its follower may read now.
/// </summary>
public static class FollowerAccess
{
    public static bool CanRead(Follower follower, MouInfo mou)
    {
        var admin = follower.Roles.Contains("Admin");
        if (!admin && follower.Organization != mou.Organization)
            return false;
        if (!mou.Confidential)
            return true;
        var staff = follower.Roles.Contains("Secretariat") || follower.Roles.Contains("LegalOfficer");
        return staff || admin || (follower.Roles.Contains("Delegate") && follower.MemberState is { } state && mou.Parties.Contains(state));
    }
}
