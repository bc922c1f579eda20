namespace MouWorkspace.Web.Changes;

/// <summary>
/// A change the API made and acknowledged (2xx), as the audit filter saw it: who, what action on which route,
/// the route values (mouId, clauseId, commentId …), the Location of a created resource, in which audit scope.
/// Features that follow changes (search index, notifications, live pages) implement
/// <see cref="IChangeObserver"/> rather than editing the filter.
/// </summary>
public sealed record ChangeNotice(
    string Scope,
    string Method,
    string Route,
    IReadOnlyDictionary<string, string> RouteValues,
    string? Location,
    string UserId,
    string UserName,
    string? MemberState,
    string Organization,
    DateTimeOffset At)
{
    public string? Value(string routeKey) => RouteValues.TryGetValue(routeKey, out var value) ? value : null;

    public string? MouId => Value("mouId");

    public string? ClauseId => Value("clauseId");
}

/// <summary>
/// Told of every acknowledged change, after its audit record. Runs on the request's path: an observer that does
/// more than a quick in-memory step or a one-way grain call must queue the work (the comment path is measured).
/// A failing observer is logged and never turns an acknowledged change into an error.
/// </summary>
public interface IChangeObserver
{
    ValueTask OnChangedAsync(ChangeNotice change);
}
