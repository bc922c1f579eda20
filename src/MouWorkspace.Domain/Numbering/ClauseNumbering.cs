namespace MouWorkspace.Domain.Numbering;

public enum ClauseKind { Preambular, Operative }

/// <summary>
/// Stable paragraph numbers: "PP1", "OP3", "OP3 bis". A number, once given, never changes.
/// </summary>
/// <remarks>
/// Rules for a new number, looking only at paragraphs of the same kind, in document order:
/// <list type="number">
/// <item>Nothing of the kind follows the insertion point: the next whole number after the highest
/// base in use ("OP1" when there is none). Gaps below the highest are never refilled, since an old
/// revision may still cite them. A deleted number above the highest can come back: this list does
/// not know it existed.</item>
/// <item>Otherwise the new paragraph takes the base of the paragraph before it and the first unused
/// Latin suffix after that paragraph's suffix: after OP3 → "OP3 bis", after "OP3 bis" → "OP3 ter".</item>
/// <item>Nothing of the kind precedes the insertion point: as if after "OP0"'s predecessor, i.e. "OP0"
/// itself if free, else its first free suffix.</item>
/// <item>If that number would not sort before the following paragraph (between OP3 and "OP3 bis",
/// or before "OP0") no single-suffix number fits; stability wins over sort order and the same
/// number is still given ("OP3 ter" between OP3 and "OP3 bis"). Callers must keep document order
/// separately and never sort by number alone.</item>
/// </list>
/// </remarks>
public static class ClauseNumbering
{
    /// <summary>Latin suffixes; index = suffix rank (0 = none, 1 = bis, …, 98 = novononagies).</summary>
    private static readonly string[] Suffixes = BuildSuffixes();

    /// <summary>The highest suffix rank there is a Latin word for.</summary>
    public static int MaxSuffixRank => Suffixes.Length - 1;

    /// <summary>
    /// The number for a new clause of <paramref name="kind"/> inserted at <paramref name="index"/> into
    /// <paramref name="existingNumbersInOrder"/> (all clause numbers of the text, document order). Existing numbers never change.
    /// Numbers that do not parse (e.g. "Annex") are ignored.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">index outside 0..count.</exception>
    /// <exception cref="InvalidOperationException">all Latin suffixes of the base are taken.</exception>
    public static string Next(ClauseKind kind, IReadOnlyList<string> existingNumbersInOrder, int index)
    {
        ArgumentNullException.ThrowIfNull(existingNumbersInOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, existingNumbersInOrder.Count);

        var used = new HashSet<(int Base, int Rank)>();
        (int Base, int Rank)? previous = null, following = null;
        for (var i = 0; i < existingNumbersInOrder.Count; i++)
        {
            if (!TryParse(existingNumbersInOrder[i], out var k, out var b, out var r) || k != kind)
                continue;
            used.Add((b, r));
            if (i < index)
                previous = (b, r);
            else
                following ??= (b, r);
        }

        if (following is null)
            return Format(kind, used.Count == 0 ? 1 : used.Max(u => u.Base) + 1, 0);

        var (baseNumber, afterRank) = previous ?? (0, -1);
        for (var rank = afterRank + 1; rank < Suffixes.Length; rank++)
        {
            if (!used.Contains((baseNumber, rank)))
                return Format(kind, baseNumber, rank);
        }
        throw new InvalidOperationException($"No Latin suffix left after {Format(kind, baseNumber, afterRank < 0 ? 0 : afterRank)}.");
    }

    /// <summary>
    /// The multiplicative adverbs as legislative drafting uses them: bis … decies, then unit prefix +
    /// tens word (undecies, duodecies, …, vicies, unvicies, …), up to 99 times.
    /// </summary>
    private static string[] BuildSuffixes()
    {
        string[] units = ["", "", "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies"];
        string[] unitPrefixes = ["", "un", "duo", "ter", "quater", "quin", "sex", "sept", "octo", "novo"];
        string[] tens = ["", "decies", "vicies", "tricies", "quadragies", "quinquagies", "sexagies", "septuagies", "octogies", "nonagies"];
        var suffixes = new string[99];
        for (var times = 2; times <= 99; times++)
            suffixes[times - 1] = times < 10 ? units[times] : unitPrefixes[times % 10] + tens[times / 10];
        suffixes[0] = string.Empty;
        return suffixes;
    }

    public static string Prefix(ClauseKind kind) => kind == ClauseKind.Preambular ? "PP" : "OP";

    /// <summary>"OP3", "OP3 bis"; rank 0 means no suffix.</summary>
    public static string Format(ClauseKind kind, int @base, int suffixRank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(@base);
        ArgumentOutOfRangeException.ThrowIfNegative(suffixRank);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(suffixRank, MaxSuffixRank);
        var head = Prefix(kind) + @base.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return suffixRank == 0 ? head : head + " " + Suffixes[suffixRank];
    }

    /// <summary>
    /// Reads "PP1", "OP3 bis" (prefix and suffix in any case, exactly one space before the suffix,
    /// no leading zeros so that every number has one spelling).
    /// </summary>
    public static bool TryParse(string? number, out ClauseKind kind, out int @base, out int suffixRank)
    {
        kind = default;
        @base = 0;
        suffixRank = 0;
        if (number is null || number.Length < 3)
            return false;

        var prefix = number[..2];
        if (prefix.Equals("PP", StringComparison.OrdinalIgnoreCase))
            kind = ClauseKind.Preambular;
        else if (prefix.Equals("OP", StringComparison.OrdinalIgnoreCase))
            kind = ClauseKind.Operative;
        else
            return false;

        var digitsEnd = 2;
        while (digitsEnd < number.Length && char.IsAsciiDigit(number[digitsEnd]))
            digitsEnd++;
        var digits = number[2..digitsEnd];
        if (digits.Length == 0 || digits.Length > 9 || (digits.Length > 1 && digits[0] == '0'))
            return false;
        var parsedBase = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

        var rank = 0;
        if (digitsEnd < number.Length)
        {
            if (number[digitsEnd] != ' ')
                return false;
            rank = Array.FindIndex(Suffixes, 1, s => s.Equals(number[(digitsEnd + 1)..], StringComparison.OrdinalIgnoreCase));
            if (rank < 1)
                return false;
        }

        @base = parsedBase;
        suffixRank = rank;
        return true;
    }
}
