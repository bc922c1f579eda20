using MouWorkspace.Domain.Text;

namespace MouWorkspace.Domain.Tests;

public class QuotesTests
{
    private const string Text = "The Government shall exercise\nexclusive  jurisdiction over [its][their] personnel.";

    [Theory]
    [InlineData("exclusive jurisdiction", "exclusive  jurisdiction")]
    [InlineData("exercise exclusive", "exercise\nexclusive")]
    [InlineData("  shall exercise ", "shall exercise")]
    [InlineData("[its][their]", "[its][their]")]
    public void A_selection_is_found_as_the_stored_characters(string selected, string expected) =>
        Assert.Equal(expected, Quotes.Find(Text, selected));

    [Theory]
    [InlineData("shared jurisdiction")]
    [InlineData("government shall")] // letter case is part of the words
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Words_not_in_the_text_are_not_found(string? selected) => Assert.Null(Quotes.Find(Text, selected));

    [Fact]
    public void Text_without_spaces_is_found_as_selected() =>
        Assert.Equal("行为标准", Quotes.Find("维和人员必须遵守行为标准", "行为标准"));

    [Fact]
    public void A_quote_the_text_no_longer_holds_is_said_so()
    {
        Assert.True(Quotes.StillIn(Text, "exclusive  jurisdiction"));
        Assert.False(Quotes.StillIn("The Government shall exercise jurisdiction.", "exclusive  jurisdiction"));
    }
}
