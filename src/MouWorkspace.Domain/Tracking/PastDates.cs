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

    /// <summary>
    /// The earliest calendar date anywhere at <paramref name="instant"/> (UTC−12): a country that adopted a revision on the
    /// day it was published, in its own time zone, is not refused because that day had already ended in UTC.
    /// </summary>
    public static DateOnly EarliestDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime.AddHours(-12));

    /// <summary>An adoption of a revision dated before the revision existed (issue 15.17).</summary>
    public static bool IsBeforePublication(DateOnly adoptedOn, DateTimeOffset publishedAt) => adoptedOn < EarliestDate(publishedAt);

    /// <summary>Today in UTC: what "overdue" is measured against.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
