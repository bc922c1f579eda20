using System.Text.RegularExpressions;

namespace MouWorkspace.Domain.Revisions;

/// <summary>What a revision's label makes of the document: a revision ("Rev.2"), an addendum ("Add.1") or a corrigendum ("Corr.1").</summary>
public enum SymbolKind { Document, Revision, Addendum, Corrigendum }

/// <summary>
/// UN document symbols: the document's own (<c>A/AC.121/2026/L.2</c>), components joined by slashes, and the suffixes a
/// revision, addendum or corrigendum adds (<c>…/Rev.2</c>, <c>…/Add.1</c>, <c>…/Rev.1/Corr.1</c>). The MOU keeps its own
/// symbol; a revision whose label is such a suffix has the two joined as its full symbol.
/// </summary>
public static partial class DocumentSymbol
{
    public const int MaxLength = 60;

    // Letters first; components of letters, digits, dots and hyphens ("AC.121", "L.2", "CRP-1"), at least two of them.
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)*(?:/[A-Z0-9]+(?:[.\-][A-Z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();

    [GeneratedRegex(@"^(?:Rev|Add|Corr|Amend)\.\d+(?:/(?:Rev|Add|Corr|Amend)\.\d+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"/(?:Rev|Add|Corr|Amend)\.\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSuffix();

    /// <summary>null when <paramref name="symbol"/> is a document symbol the MOU may carry; otherwise why not.</summary>
    public static string? Validate(string? symbol, string field = "symbol")
    {
        if (string.IsNullOrWhiteSpace(symbol))
            return $"{field} must not be empty: the document's symbol, e.g. A/AC.121/2026/L.2";
        if (symbol.Length > MaxLength)
            return $"{field} is longer than {MaxLength} characters";
        // The suffix first: "…/L.2/Rev.2" is a symbol, only not the one to give here, and the person should be told why.
        if (TrailingSuffix().IsMatch(symbol))
        {
            var own = symbol;
            while (TrailingSuffix().IsMatch(own))
                own = TrailingSuffix().Replace(own, "");
            return $"{field}: give the document's own symbol without its Rev./Add./Corr. part; each revision adds its label ({own} with Rev.2 makes {own}/Rev.2)";
        }
        if (!Symbol().IsMatch(symbol))
            return $"{field}: '{symbol}' is not a UN document symbol (upper-case letters and digits in components joined by '/', e.g. A/AC.121/2026/L.2)";
        return null;
    }

    /// <summary>Whether a revision label is a symbol suffix ("Rev.2", "Add.1", "Rev.1/Corr.1") rather than a free label ("Zero draft").</summary>
    public static bool IsSuffix(string? label) => label is not null && Suffix().IsMatch(label.Trim());

    /// <summary>"A/AC.121/2026/L.2/Rev.2" for the MOU's symbol and a suffix label; null without a symbol or when the label is free text.</summary>
    public static string? Compose(string? symbol, string? label)
    {
        if (string.IsNullOrEmpty(symbol) || !IsSuffix(label))
            return null;
        var parts = label!.Trim().Split('/').Select(Canonical);
        return symbol + "/" + string.Join('/', parts);
    }

    /// <summary>The kind the label's last part gives: "Rev.1/Corr.1" is a corrigendum, "Add.1" an addendum.</summary>
    public static SymbolKind KindOf(string? label)
    {
        if (!IsSuffix(label))
            return SymbolKind.Document;
        var last = label!.Trim().Split('/')[^1];
        return last.StartsWith("Add.", StringComparison.OrdinalIgnoreCase) ? SymbolKind.Addendum
            : last.StartsWith("Corr.", StringComparison.OrdinalIgnoreCase) ? SymbolKind.Corrigendum
            : SymbolKind.Revision;
    }

    // "rev.2" is written as the UN writes it: "Rev.2".
    private static string Canonical(string part)
    {
        var dot = part.IndexOf('.', StringComparison.Ordinal);
        var word = part[..dot].ToLowerInvariant();
        return char.ToUpperInvariant(word[0]) + word[1..] + part[dot..];
    }
}
