namespace MouWorkspace.Application.Access;

/// <summary>The roles a user holds (the <c>roles</c> claim), spelled once for the services, the policies and the pages.</summary>
public static class Roles
{
    public const string Delegate = "Delegate";
    public const string LegalOfficer = "LegalOfficer";
    public const string Secretariat = "Secretariat";
    public const string Observer = "Observer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Delegate, LegalOfficer, Secretariat, Observer, Admin];

    public static string? Canonical(string? role) => All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
