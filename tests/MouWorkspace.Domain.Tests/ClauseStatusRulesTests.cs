using MouWorkspace.Domain.Clauses;

namespace MouWorkspace.Domain.Tests;

public class ClauseStatusRulesTests
{
    [Theory]
    [InlineData("The State shall ensure.", Agreement.Open, ClauseStatus.Proposed)]
    [InlineData("The State shall ensure.", Agreement.AdReferendum, ClauseStatus.AgreedAdRef)]
    [InlineData("The State shall ensure.", Agreement.Agreed, ClauseStatus.Agreed)]
    [InlineData("The State [shall][should] ensure.", Agreement.Open, ClauseStatus.Bracketed)]
    [InlineData("The State [shall][should] ensure.", Agreement.AdReferendum, ClauseStatus.Bracketed)]
    [InlineData("The State [shall][should] ensure.", Agreement.Agreed, ClauseStatus.Bracketed)]
    [InlineData("A stray ] bracket.", Agreement.Agreed, ClauseStatus.Bracketed)]
    [InlineData("An unclosed [ bracket.", Agreement.Open, ClauseStatus.Bracketed)]
    [InlineData("", Agreement.Open, ClauseStatus.Proposed)]
    public void Status_derives_from_brackets_then_agreement(string text, Agreement agreement, ClauseStatus expected)
    {
        Assert.Equal(expected, ClauseStatusRules.Derive(text, agreement));
    }

    [Theory]
    [InlineData(ClauseStatus.Proposed, "proposed")]
    [InlineData(ClauseStatus.Bracketed, "bracketed")]
    [InlineData(ClauseStatus.AgreedAdRef, "agreed-ad-ref")]
    [InlineData(ClauseStatus.Agreed, "agreed")]
    public void Status_wire_names_are_fixed(ClauseStatus status, string wire)
    {
        Assert.Equal(wire, ClauseStatusRules.ToWire(status));
    }

    [Theory]
    [InlineData("open", Agreement.Open)]
    [InlineData("ad-ref", Agreement.AdReferendum)]
    [InlineData("AD-REF", Agreement.AdReferendum)]
    [InlineData("Agreed", Agreement.Agreed)]
    public void Agreement_parses_wire_names_case_insensitively(string wire, Agreement expected)
    {
        Assert.True(ClauseStatusRules.TryParseAgreement(wire, out var agreement));
        Assert.Equal(expected, agreement);
        Assert.Equal(wire.ToLowerInvariant(), ClauseStatusRules.ToWire(agreement));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("adref")]
    [InlineData("agreed-ad-ref")]
    [InlineData(" open")]
    public void Agreement_rejects_unknown_wire_names(string? wire)
    {
        Assert.False(ClauseStatusRules.TryParseAgreement(wire, out _));
    }
}
