using System.Net;
using MouWorkspace.Domain.Text;

namespace MouWorkspace.Web.Frontend;

/// <summary>The API's length limits (<see cref="TextLimits"/>) checked in the page before anything is sent.</summary>
public static class TextChecks
{
    /// <summary>The problem to show beside the form, or null when every text fits.</summary>
    public static ApiError? TooLong(params (string? Value, int Limit, string What)[] texts)
    {
        foreach (var (value, limit, what) in texts)
            if (TextLimits.TooLong(value, limit, what) is { } message)
                return new ApiError(HttpStatusCode.BadRequest, "Too long.", message);
        return null;
    }

    /// <summary>
    /// The box's maxlength: one more than the limit, so that a longer paste is stopped there (the live connection is
    /// sized for it) and still refused with the message, never cut silently to a length that would be accepted.
    /// </summary>
    public static int MaxLength(int limit) => limit + 1;
}
