using MouWorkspace.Domain.Brackets;

namespace MouWorkspace.Domain.Clauses;

public enum ClauseStatus { Proposed, Bracketed, AgreedAdRef, Agreed }

/// <summary>What negotiators declared about a clause; the status also depends on its text.</summary>
public enum Agreement { Open, AdReferendum, Agreed }

public static class ClauseStatusRules
{
    /// <summary>
    /// Brackets win over any declared agreement: text that still carries brackets (or stray ones)
    /// is not agreed, whatever was declared.
    /// </summary>
    public static ClauseStatus Derive(string text, Agreement agreement)
    {
        if (!BracketParser.Parse(text ?? string.Empty).IsClean)
            return ClauseStatus.Bracketed;
        return agreement switch
        {
            Agreement.Agreed => ClauseStatus.Agreed,
            Agreement.AdReferendum => ClauseStatus.AgreedAdRef,
            _ => ClauseStatus.Proposed,
        };
    }

    public static string ToWire(ClauseStatus status) => status switch
    {
        ClauseStatus.Proposed => "proposed",
        ClauseStatus.Bracketed => "bracketed",
        ClauseStatus.AgreedAdRef => "agreed-ad-ref",
        ClauseStatus.Agreed => "agreed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown clause status"),
    };

    public static string ToWire(Agreement agreement) => agreement switch
    {
        Agreement.Open => "open",
        Agreement.AdReferendum => "ad-ref",
        Agreement.Agreed => "agreed",
        _ => throw new ArgumentOutOfRangeException(nameof(agreement), agreement, "unknown agreement"),
    };

    /// <summary>Accepts "open", "ad-ref", "agreed" in any letter case.</summary>
    public static bool TryParseAgreement(string? wire, out Agreement agreement)
    {
        switch (wire?.ToLowerInvariant())
        {
            case "open": agreement = Agreement.Open; return true;
            case "ad-ref": agreement = Agreement.AdReferendum; return true;
            case "agreed": agreement = Agreement.Agreed; return true;
            default: agreement = Agreement.Open; return false;
        }
    }
}
