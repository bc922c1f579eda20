using System.Globalization;

namespace MouWorkspace.Domain.Text;

/// <summary>
/// How long each kind of text may be, defined once: the API validates with these (<see cref="TextRules.Validate"/>),
/// and the pages check the same numbers before they send, so a text is either stored whole or refused with a
/// message that says the limit — never cut, never replaced by an earlier one.
/// </summary>
public static class TextLimits
{
    public const int ClauseText = TextRules.MaxTextLength;
    public const int Proposal = TextRules.MaxTextLength;
    public const int Comment = 20_000;
    public const int Quote = 5_000;
    public const int Heading = 500;
    public const int Title = 500;
    public const int Rationale = 2_000;
    public const int PositionNote = 10_000;
    public const int StatusNote = 4_000;
    public const int TrackingNote = 2_000;
    public const int Name = 200;
    public const int Symbol = 64;
    public const int Session = 200;
    public const int AgendaItem = 100;

    /// <summary>The longest any text box of the pages takes before it refuses: the live connection is sized for it.</summary>
    public const int Longest = TextRules.MaxTextLength;

    /// <summary>null when <paramref name="value"/> fits; otherwise a message for the person who typed it.</summary>
    public static string? TooLong(string? value, int limit, string what) =>
        value is not null && value.Length > limit
            ? string.Create(CultureInfo.InvariantCulture,
                $"Your {what} has {value.Length:N0} characters; at most {limit:N0} are accepted. Nothing was sent: shorten it and try again.")
            : null;
}
