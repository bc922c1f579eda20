namespace MouWorkspace.Web.Auth;

public sealed record DemoUser(string Key, string Name, string Role, string? MemberState, string Organization)
{
    /// <summary>Where the demo user's notifications are mailed (a reserved domain: nothing leaves a real server).</summary>
    public string Email => $"{Key}@demo.mouworkspace.invalid";
}

/// <summary>The people of ../shared/DOMAIN.md, offered by the local sign-in page.</summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("un-secretariat", "C-34 Secretariat", Roles.Secretariat, null, "un"),
        new("un-legal", "DPKO Legal Officer", Roles.LegalOfficer, null, "un"),
        new("fra", "Delegate of France", Roles.Delegate, "FRA", "un"),
        new("ind", "Delegate of India", Roles.Delegate, "IND", "un"),
        new("mar", "Delegate of Morocco", Roles.Delegate, "MAR", "un"),
        new("npl", "Delegate of Nepal", Roles.Delegate, "NPL", "un"),
        new("pak", "Delegate of Pakistan", Roles.Delegate, "PAK", "un"),
        new("tun", "Delegate of Tunisia", Roles.Delegate, "TUN", "un"),
        new("ury", "Delegate of Uruguay", Roles.Delegate, "URY", "un"),
        new("un-observer", "UN Observer (OIOS)", Roles.Observer, null, "un"),
        new("admin", "Operator", Roles.Admin, null, "un"),
        new("nato-secretariat", "NATO Secretariat", Roles.Secretariat, null, "nato"),
        new("osce-secretariat", "OSCE Secretariat", Roles.Secretariat, null, "osce"),
        new("osce-aut", "Delegate of Austria (OSCE)", Roles.Delegate, "AUT", "osce"),
    ];

    public static DemoUser? Find(string? key) => All.FirstOrDefault(u => u.Key == key);
}
