using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Web.Changes;

namespace MouWorkspace.Web.Notifications;

/// <summary>Which acknowledged changes notify followers, and of what: from the route and the Location of the answer.</summary>
public static class ChangeClassifier
{
    public static NotificationChange? Classify(ChangeNotice change)
    {
        if (change.MouId is not { } mouId)
            return null;
        var route = change.Route.StartsWith("/api/", StringComparison.Ordinal) ? change.Route[4..] : change.Route;
        var (kind, clauseId, itemId, revision) = (change.Method, route) switch
        {
            ("POST", "/mous/{mouId}/clauses") => (NotificationKinds.Draft, LastSegment(change.Location), null, (int?)null),
            ("PUT", "/mous/{mouId}/clauses/{clauseId}") => (NotificationKinds.Draft, change.ClauseId, null, null),
            ("POST", "/mous/{mouId}/clauses/{clauseId}/comments") => (NotificationKinds.Comment, change.ClauseId, Fragment(change.Location), null),
            ("POST", "/mous/{mouId}/clauses/{clauseId}/proposals") => (NotificationKinds.Proposal, change.ClauseId, Fragment(change.Location), null),
            ("POST", "/mous/{mouId}/revisions") => (NotificationKinds.Revision, null, null, Number(LastSegment(change.Location))),
            ("POST", "/mous/{mouId}/revisions/{number:int}/positions") => (NotificationKinds.Position, null, null, Number(change.Value("number"))),
            ("POST", "/mous/{mouId}/revisions/{number:int}/silence") => (NotificationKinds.Silence, null, null, Number(change.Value("number"))),
            _ => ((string?)null, (string?)null, (string?)null, (int?)null),
        };
        if (kind is null || (kind is NotificationKinds.Draft or NotificationKinds.Comment or NotificationKinds.Proposal && clauseId is null))
            return null;
        return new NotificationChange(kind, mouId, clauseId, itemId, revision, change.UserId, change.UserName, change.At);
    }

    private static string? LastSegment(string? location) =>
        location is null ? null : location.Split('#')[0].TrimEnd('/').Split('/')[^1];

    private static string? Fragment(string? location) =>
        location?.IndexOf('#') is >= 0 and var at ? location[(at + 1)..] : null;

    private static int? Number(string? value) => int.TryParse(value, out var number) ? number : null;
}
