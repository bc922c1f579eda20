namespace MouWorkspace.Web.Tests.Security;

/// <summary>One cell of the matrix: a role, a member state (FRA is a party of the test MOU, NPL is not), an organization.</summary>
public sealed record Caller(string Role, string State, string Organization)
{
    public const string OwnOrganization = "un";
    public const string OwnState = "FRA";

    public bool In(params string[] roles) => roles.Contains(Role);

    public bool SameOrganization => Organization == OwnOrganization;

    public bool IsAdmin => Role == "Admin";

    public override string ToString() => $"{Role} of {State} ({Organization})";

    public static IReadOnlyList<Caller> All() =>
        (from role in new[] { "Delegate", "LegalOfficer", "Secretariat", "Observer", "Admin" }
         from state in new[] { OwnState, "NPL" }
         from organization in new[] { OwnOrganization, "osce" }
         select new Caller(role, state, organization)).ToList();
}
