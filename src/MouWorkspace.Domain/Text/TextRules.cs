namespace MouWorkspace.Domain.Text;

public static class TextRules
{
    public const int MaxTextLength = 100_000;

    /// <summary>null when <paramref name="value"/> is acceptable as <paramref name="field"/>; otherwise a message for the user.</summary>
    public static string? Validate(string? value, string field, bool required = true, int maxLength = MaxTextLength) => throw new NotImplementedException();
}
