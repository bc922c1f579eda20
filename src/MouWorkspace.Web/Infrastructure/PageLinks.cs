using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>The pages' addresses, built in the web host from the ids the grains carry (the grains know no URLs).</summary>
public static class PageLinks
{
    public static string Mou(string mouId) => $"/mous/{mouId}";

    public static string Clause(string mouId, string clauseId) => $"/mous/{mouId}/clauses/{clauseId}";

    public static string Revisions(string mouId) => $"/mous/{mouId}/revisions";

    /// <summary>
    /// Where a notification opens: its clause; else the text, for a decided proposal of a new paragraph; else the
    /// revisions (a revision published, a position, a silence procedure and its deadlines).
    /// </summary>
    public static string For(Notification notification) => notification switch
    {
        { ClauseId: { } clause } => Clause(notification.MouId, clause),
        { Kind: NotificationKinds.Decision } => Mou(notification.MouId),
        _ => Revisions(notification.MouId),
    };
}
