namespace MouWorkspace.Web.Auth;

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

/// <summary>Claim types in our tokens (and expected from Entra ID app roles / optional claims).</summary>
public static class MouClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Roles = "roles";
    public const string MemberState = "memberState";
    public const string Organization = "organization";
}

/// <summary>Authorization policies; every endpoint names one.</summary>
public static class Policies
{
    public const string Reader = "reader";
    public const string Staff = "staff";
    public const string Secretariat = "secretariat";
    public const string Delegate = "delegate";
    public const string Commenter = "commenter";
    public const string LegalOfficer = "legal-officer";
}
