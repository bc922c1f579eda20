namespace MouWorkspace.Web.Frontend;

/// <summary>Something changed in a scope (an MOU's audit scope, an organization's): pages showing it reload.</summary>
public sealed record LiveEvent(string Scope, string Action, string Target, string By, DateTimeOffset At);

/// <summary>
/// In-process fan-out of changes to open pages, fed by the audit filter (every change passes there).
/// A deployment with several web hosts would carry these over an Orleans stream instead.
/// </summary>
public sealed class LiveEvents
{
    public event Action<LiveEvent>? Changed;

    public void Publish(LiveEvent change) => Changed?.Invoke(change);
}
