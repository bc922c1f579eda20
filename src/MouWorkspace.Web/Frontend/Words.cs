namespace MouWorkspace.Web.Frontend;

/// <summary>The API's codes as a reader says them: "under-negotiation" is "under negotiation", "LegalOfficer" "legal officer".</summary>
public static class Words
{
    public static string Status(string? code) => code switch
    {
        null or "" => "",
        "under-negotiation" => "under negotiation",
        "ad-ref" => "agreed ad referendum",
        _ => code.Replace('-', ' '),
    };

    public static string Role(string? role) => role switch
    {
        "LegalOfficer" => "Legal officer",
        "Secretariat" => "Secretariat",
        "Delegate" => "Delegate",
        "Observer" => "Observer",
        "Admin" => "Administrator",
        null => "",
        _ => role,
    };
}
