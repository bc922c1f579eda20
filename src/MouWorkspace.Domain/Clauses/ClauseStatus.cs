namespace MouWorkspace.Domain.Clauses;

public enum ClauseStatus { Proposed, Bracketed, AgreedAdRef, Agreed }

/// <summary>What negotiators declared about a clause; the status also depends on its text.</summary>
public enum Agreement { Open, AdReferendum, Agreed }

public static class ClauseStatusRules
{
    public static ClauseStatus Derive(string text, Agreement agreement) => throw new NotImplementedException();
    public static string ToWire(ClauseStatus status) => throw new NotImplementedException();
}
