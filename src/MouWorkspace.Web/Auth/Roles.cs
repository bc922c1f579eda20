namespace MouWorkspace.Web.Auth;

/// <summary>Claim types in our tokens (and expected from Entra ID app roles / optional claims).</summary>
public static class MouClaims
{
    public const string Subject = "sub";

    /// <summary>Entra ID's stable user id; preferred over <c>sub</c>, which is per application.</summary>
    public const string ObjectId = "oid";
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
    public const string StaffOrAdmin = "staff-or-admin";
    public const string LegalOfficer = "legal-officer";
    public const string Admin = "admin";
    public const string Secretariat = "secretariat";
    public const string Delegate = "delegate";
    public const string Commenter = "commenter";
}
