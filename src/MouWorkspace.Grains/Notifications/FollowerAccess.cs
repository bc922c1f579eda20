using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// The one read rule (<see cref="MouReadRule"/>) applied again when a notification is delivered and mailed: following
/// checks it through the API's MouAccess; checking again here means a follow can never carry more than its follower
/// may read now (a round made confidential after the follow stops its notices to non-parties).
/// </summary>
public static class FollowerAccess
{
    public static bool CanRead(Follower follower, MouInfo mou) => MouReadRule.CanRead(new MouReadRule.Reader(
        follower.Organization,
        follower.Roles.Contains("Admin"),
        follower.Roles.Contains("Secretariat") || follower.Roles.Contains("LegalOfficer"),
        follower.Roles.Contains("Delegate"),
        follower.MemberState), mou);
}
