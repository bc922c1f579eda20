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
    /// Every text box's maxlength: one more than <see cref="TextLimits.Longest"/> (which the live connection is sized for),
    /// above each box's own limit, so that a statement pasted over that limit arrives whole and is refused with its real
    /// length, and only a paste longer than any text can be is stopped by the browser — still over the limit, so still
    /// refused, never cut to a length that would be accepted.
    /// </summary>
    public const int BoxMaxLength = TextLimits.Longest + 1;
}
