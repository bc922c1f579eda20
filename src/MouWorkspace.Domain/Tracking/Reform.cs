namespace MouWorkspace.Domain.Tracking;

/// <summary>The report's four groups of reforms.</summary>
public enum ReformPillar { Protection, Prevention, Prosecution, ReformNotFinalized }

public enum ReformStatus { NotStarted, InProgress, Completed, Stalled }

/// <summary>Wire names (kebab-case, as in the API) and the overdue rule.</summary>
public static class ReformRules
{
    public static string ToWire(ReformStatus status) => status switch
    {
        ReformStatus.NotStarted => "not-started",
        ReformStatus.InProgress => "in-progress",
        ReformStatus.Completed => "completed",
        _ => "stalled",
    };

    public static string ToWire(ReformPillar pillar) => pillar switch
    {
        ReformPillar.Protection => "protection",
        ReformPillar.Prevention => "prevention",
        ReformPillar.Prosecution => "prosecution",
        _ => "reform-not-finalized",
    };

    public static string Title(ReformPillar pillar) => pillar switch
    {
        ReformPillar.ReformNotFinalized => "Reform not finalized",
        _ => pillar.ToString(),
    };

    public static bool TryParseStatus(string? value, out ReformStatus status)
    {
        foreach (var candidate in Enum.GetValues<ReformStatus>())
        {
            if (string.Equals(ToWire(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static bool TryParsePillar(string? value, out ReformPillar pillar)
    {
        foreach (var candidate in Enum.GetValues<ReformPillar>())
        {
            if (string.Equals(ToWire(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                pillar = candidate;
                return true;
            }
        }
        pillar = default;
        return false;
    }

    /// <summary>Past its due date (the due day itself still counts as on time) and not completed.</summary>
    public static bool IsOverdue(ReformStatus status, DateOnly? dueOn, DateOnly today) =>
        status != ReformStatus.Completed && dueOn is { } due && today > due;
}
