using MouWorkspace.Domain.Languages;

namespace MouWorkspace.Domain.Tests;

public sealed class TranslationStatusTests
{
    [Theory]
    [InlineData(null, 3, TranslationState.Missing)]
    [InlineData(3, 3, TranslationState.UpToDate)]
    [InlineData(2, 3, TranslationState.Outdated)]
    public void A_translation_is_up_to_date_only_for_the_draft_it_translates(int? translates, int original, TranslationState expected) =>
        Assert.Equal(expected, TranslationStatus.Of(translates, original));

    [Theory]
    [InlineData(new[] { 1, 2, 2, 3 }, 2, 2)]  // the last translation of exactly the revision's draft
    [InlineData(new[] { 1, 1, 3 }, 2, 1)]     // none of it: the last of an older draft (shown as outdated)
    [InlineData(new[] { 3, 4 }, 2, null)]     // translations of later drafts never stand for an earlier revision
    [InlineData(new int[0], 1, null)]
    public void A_revision_shows_the_translation_of_its_own_draft(int[] translates, int original, int? expected) =>
        Assert.Equal(expected, TranslationStatus.ShownForRevision(translates, original));

    [Theory]
    [InlineData("FR", "fr")]
    [InlineData(" ar ", "ar")]
    [InlineData("zh", "zh")]
    public void Codes_are_read_case_insensitively(string code, string expected) => Assert.Equal(expected, UnLanguages.Find(code)!.Code);

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("ara")]
    [InlineData(null)]
    public void Only_the_six_un_languages_are_known(string? code) => Assert.False(UnLanguages.IsKnown(code));

    [Fact]
    public void Only_arabic_is_right_to_left() =>
        Assert.Equal(["ar"], UnLanguages.All.Where(l => l.RightToLeft).Select(l => l.Code));
}
