namespace MouWorkspace.Domain.Languages;

/// <summary>Where the translation of one clause stands against the original's draft it is compared with.</summary>
public enum TranslationState { Original, Missing, UpToDate, Outdated }

/// <summary>
/// The rule behind "translation out of date": a language version's draft records the draft of the original it
/// translates; it is up to date when that is the original draft in question (the current one, or the one a revision holds).
/// </summary>
public static class TranslationStatus
{
    /// <param name="translates">The original draft version the latest translation translates; null when there is none.</param>
    /// <param name="originalVersion">The original draft it should translate.</param>
    public static TranslationState Of(int? translates, int originalVersion) => translates switch
    {
        null => TranslationState.Missing,
        var t when t == originalVersion => TranslationState.UpToDate,
        _ => TranslationState.Outdated,
    };

    public static string ToWire(TranslationState state) => state switch
    {
        TranslationState.Original => "original",
        TranslationState.Missing => "missing",
        TranslationState.UpToDate => "up-to-date",
        TranslationState.Outdated => "outdated",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown translation state"),
    };

    /// <summary>
    /// Which of a clause's translation drafts (the original draft each translates, oldest first) a revision holding the
    /// original's draft <paramref name="originalVersion"/> shows: the last translation of exactly that draft; failing that,
    /// the last translation of an older draft (outdated); never one of a newer draft. Null when there is none.
    /// </summary>
    public static int? ShownForRevision(IReadOnlyList<int> translates, int originalVersion)
    {
        int? older = null;
        for (var i = translates.Count - 1; i >= 0; i--)
        {
            if (translates[i] == originalVersion)
                return i;
            if (translates[i] < originalVersion)
                older ??= i;
        }
        return older;
    }

    /// <summary>A language version is complete when every clause's translation is up to date (an empty text is complete).</summary>
    public static bool IsComplete(IEnumerable<TranslationState> clauses) =>
        clauses.All(s => s is TranslationState.UpToDate or TranslationState.Original);
}
