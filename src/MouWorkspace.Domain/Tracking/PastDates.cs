namespace MouWorkspace.Domain.Tracking;

/// <summary>The rule for dates of past events (adoptions, certifications, status changes).</summary>
public static class PastDates
{
    /// <summary>
    /// The latest calendar date that is not in the future anywhere: today in UTC+14. A legal officer in Apia
    /// recording something that happened today must not be refused because it is still yesterday in UTC.
    /// </summary>
    public static DateOnly LatestAllowed(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));

    public static bool IsInFuture(DateOnly date, DateTimeOffset now) => date > LatestAllowed(now);

    /// <summary>Today in UTC: what "overdue" is measured against.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
