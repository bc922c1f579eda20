using MouWorkspace.Domain.Revisions;

namespace MouWorkspace.Domain.Tests;

/// <summary>UN document symbols (issue 18.8): the MOU's own symbol, and the Rev./Add./Corr. suffixes its revisions add.</summary>
public class DocumentSymbolTests
{
    [Theory]
    [InlineData("A/AC.121/2026/L.2")]
    [InlineData("ST/SGB/2003/13")]
    [InlineData("A/C.4/79/L.12")]
    [InlineData("A/AC.121/2026/CRP.1")]
    public void Document_symbols_are_accepted(string symbol) => Assert.Null(DocumentSymbol.Validate(symbol));

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("A", "is not a UN document symbol")]
    [InlineData("a/ac.121/2026/l.2", "is not a UN document symbol")]
    [InlineData("A/AC.121//L.2", "is not a UN document symbol")]
    [InlineData("A/AC.121/2026/L.2 ", "is not a UN document symbol")]
    [InlineData("A/AC.121/2026/L.2/Rev.2", "A/AC.121/2026/L.2 with Rev.2 makes A/AC.121/2026/L.2/Rev.2")]
    [InlineData("A/AC.121/2026/L.2/Rev.1/Corr.1", "A/AC.121/2026/L.2 with Rev.2")]
    public void Other_text_is_refused_with_the_reason(string symbol, string reason) =>
        Assert.Contains(reason, DocumentSymbol.Validate(symbol));

    [Theory]
    [InlineData("Rev.2", "A/AC.121/2026/L.2/Rev.2", SymbolKind.Revision)]
    [InlineData("rev.2", "A/AC.121/2026/L.2/Rev.2", SymbolKind.Revision)]
    [InlineData("Add.1", "A/AC.121/2026/L.2/Add.1", SymbolKind.Addendum)]
    [InlineData("Rev.1/Corr.1", "A/AC.121/2026/L.2/Rev.1/Corr.1", SymbolKind.Corrigendum)]
    [InlineData("Zero draft", null, SymbolKind.Document)]
    [InlineData("Compilation", null, SymbolKind.Document)]
    public void A_suffix_label_joins_the_symbol_and_names_the_kind(string label, string? full, SymbolKind kind)
    {
        Assert.Equal(full, DocumentSymbol.Compose("A/AC.121/2026/L.2", label));
        Assert.Equal(kind, DocumentSymbol.KindOf(label));
        Assert.Null(DocumentSymbol.Compose(null, label));
    }
}
