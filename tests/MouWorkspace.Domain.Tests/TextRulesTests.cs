using System.Text.RegularExpressions;
using MouWorkspace.Domain.Text;

namespace MouWorkspace.Domain.Tests;

public class TextRulesTests
{
    [Theory]
    [InlineData("The Parties shall ensure.")]
    [InlineData("تلتزم الدول الأعضاء بمعايير السلوك")]
    [InlineData("维和人员必须遵守行为标准")]
    [InlineData("Миротворцы должны соблюдать стандарты")]
    [InlineData("Côte d'Ivoire, Türkiye 🇺🇳 👨\u200D👩\u200D👧 𝔘𝔑")]
    [InlineData("tab\there\nnew line\r\nCRLF")]
    [InlineData("\uE000 private use and \uFFFD replacement")]
    public void Text_accepts_all_official_languages_and_emoji(string value)
    {
        Assert.Null(TextRules.Validate(value, "text"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Text_required_must_not_be_empty(string? value)
    {
        Assert.Equal("text must not be empty", TextRules.Validate(value, "text"));
        Assert.Equal("heading must not be empty", TextRules.Validate(value, "heading"));
        Assert.Null(TextRules.Validate(value, "heading", required: false));
    }

    [Fact]
    public void Text_longer_than_the_limit_is_rejected()
    {
        Assert.Null(TextRules.Validate(new string('a', TextRules.MaxTextLength), "text"));
        Assert.Equal("text is longer than 100000 characters", TextRules.Validate(new string('a', TextRules.MaxTextLength + 1), "text"));
        Assert.Equal("heading is longer than 10 characters", TextRules.Validate("eleven char", "heading", maxLength: 10));
    }

    [Theory]
    [InlineData("hello\u0001world", 5, "0001")]
    [InlineData("\u0000", 0, "0000")]
    [InlineData("bell\u0007", 4, "0007")]
    [InlineData("esc\u001B", 3, "001B")]
    [InlineData("ok\uFFFE", 2, "FFFE")]
    [InlineData("ok\uFFFF", 2, "FFFF")]
    // Lone surrogates cannot survive in attribute metadata, so they are written {XXXX} and expanded here.
    [InlineData("lone {D83D} high", 5, "D83D")]
    [InlineData("lone {DE00} low", 5, "DE00")]
    [InlineData("{D83D}", 0, "D83D")]
    [InlineData("pair 😀 then {DE00}{D83D}", 13, "DE00")]
    [InlineData("high at end {D83D}", 12, "D83D")]
    public void Text_with_characters_documents_cannot_carry_is_rejected(string written, int position, string hex)
    {
        var value = Regex.Replace(written, "{([0-9A-F]{4})}", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        Assert.Equal($"text contains U+{hex} at position {position}, which documents cannot carry", TextRules.Validate(value, "text"));
        Assert.Equal(position, TextRules.FindInvalidChar(value));
        Assert.False(TextRules.IsXmlSafe(value));
    }

    [Theory]
    [InlineData(0x9, true)]
    [InlineData(0xA, true)]
    [InlineData(0xD, true)]
    [InlineData(0x1F, false)]
    [InlineData(0x20, true)]
    [InlineData(0xD7FF, true)]
    [InlineData(0xD800, false)]
    [InlineData(0xFFFD, true)]
    [InlineData(0xFFFE, false)]
    [InlineData(0x1F600, true)]
    [InlineData(0x110000, false)]
    public void Text_xml_char_follows_xml_1_0(int codePoint, bool allowed)
    {
        Assert.Equal(allowed, TextRules.IsXmlChar(codePoint));
    }

    [Theory]
    [InlineData("The Government \u202Etcejer yam\u202C shall accept", 15)]   // shown as "may reject"
    [InlineData("shall \u202Dnot\u202C accept", 6)]
    [InlineData("shall \u2067not accept\u2069", 6)]                        // an isolate reorders the words inside
    [InlineData("quok\u200bkaword", 4)]                                      // zero width space: one word seen, two on record
    [InlineData("word\u2060joiner", 4)]
    [InlineData("\uFEFFleading BOM", 0)]
    [InlineData("quok\u200Ckaword", 4)]                                      // ZWNJ between Latin letters
    [InlineData("Миро\u200Dтворцы", 4)]                                      // ZWJ between Cyrillic letters
    [InlineData("tag \uDB40\uDC41 character", 4)]
    public void Text_that_would_be_seen_differently_from_its_record_is_refused(string value, int position)
    {
        Assert.Equal(position, TextRules.FindHiddenChar(value));
        var message = TextRules.Validate(value, "text");
        Assert.NotNull(message);
        Assert.Contains($"at position {position}", message);
        Assert.Contains("what readers see would differ from the text on record", message);
    }

    [Theory]
    [InlineData("\u0645\u0646 \u200F(2026)\u200F \u0627\u0644")]            // RLM in Arabic text
    [InlineData("Article 3\u200E: \u05D0\u05D1")]                           // LRM in mixed text
    [InlineData("\u0645\u0646\u061C1")]                                     // ALM
    [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")]      // Persian ZWNJ
    [InlineData("\u0915\u094D\u200D\u0937")]                               // Devanagari ZWJ
    [InlineData("family 👨\u200D👩\u200D👧")]                                 // emoji ZWJ sequence
    [InlineData("\u8449\uFE00 variation selector")]
    public void Direction_marks_and_joiners_that_scripts_need_are_kept(string value)
    {
        Assert.Equal(-1, TextRules.FindHiddenChar(value));
        Assert.Null(TextRules.Validate(value, "text"));
    }
}
