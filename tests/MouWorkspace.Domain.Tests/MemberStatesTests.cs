using MouWorkspace.Domain.States;

namespace MouWorkspace.Domain.Tests;

public class MemberStatesTests
{
    [Fact]
    public void States_are_the_193_un_members_without_duplicates()
    {
        Assert.Equal(193, MemberStates.All.Count);
        Assert.Equal(193, MemberStates.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal(193, MemberStates.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void States_codes_are_three_uppercase_letters_and_names_are_set()
    {
        Assert.All(MemberStates.All, s =>
        {
            Assert.Matches("^[A-Z]{3}$", s.Code);
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
        });
    }

    [Theory]
    [InlineData("NPL", "Nepal")]
    [InlineData("MAR", "Morocco")]
    [InlineData("TUR", "Türkiye")]
    [InlineData("CIV", "Côte d'Ivoire")]
    [InlineData("SWZ", "Eswatini")]
    [InlineData("CZE", "Czechia")]
    [InlineData("MKD", "North Macedonia")]
    [InlineData("MMR", "Myanmar")]
    [InlineData("SSD", "South Sudan")]
    [InlineData("FRA", "France")]
    [InlineData("IND", "India")]
    [InlineData("PAK", "Pakistan")]
    [InlineData("TUN", "Tunisia")]
    [InlineData("URY", "Uruguay")]
    [InlineData("PRK", "Democratic People's Republic of Korea")]
    [InlineData("KOR", "Republic of Korea")]
    [InlineData("COD", "Democratic Republic of the Congo")]
    [InlineData("COG", "Congo")]
    public void States_codes_name_the_right_country(string code, string name)
    {
        Assert.Equal(name, MemberStates.Find(code)?.Name);
        Assert.Equal(name, MemberStates.Find(code.ToLowerInvariant())?.Name);
        Assert.True(MemberStates.IsKnown(code.ToLowerInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XXX")]
    [InlineData("PSE")] // Palestine: observer state, not a member
    [InlineData("VAT")] // Holy See: observer state, not a member
    [InlineData("TWN")]
    [InlineData("XKX")]
    [InlineData("NP")]
    [InlineData(" NPL")]
    public void States_unknown_codes_are_not_known(string? code)
    {
        Assert.False(MemberStates.IsKnown(code));
        Assert.Null(MemberStates.Find(code));
    }

    [Theory]
    [InlineData("EU", 27)]
    [InlineData("AG", 54)]
    [InlineData("NAM", 120)]
    public void States_groups_have_their_size(string code, int size)
    {
        var group = MemberStates.FindGroup(code);
        Assert.NotNull(group);
        Assert.Equal(size, group.Members.Count);
        Assert.Same(group, MemberStates.FindGroup(code.ToLowerInvariant()));
    }

    [Fact]
    public void States_every_group_member_is_a_known_state()
    {
        Assert.All(MemberStates.Groups, g => Assert.All(g.Members, m =>
        {
            Assert.True(MemberStates.IsKnown(m), $"{g.Code} lists unknown state {m}");
            Assert.Matches("^[A-Z]{3}$", m);
        }));
    }

    [Fact]
    public void States_group_membership_is_plausible()
    {
        var eu = MemberStates.FindGroup("EU")!;
        var ag = MemberStates.FindGroup("AG")!;
        var nam = MemberStates.FindGroup("NAM")!;
        Assert.Contains("CZE", eu.Members);
        Assert.Contains("cze", eu.Members);
        Assert.DoesNotContain("GBR", eu.Members);
        Assert.Contains("MAR", ag.Members);
        Assert.Contains("SSD", ag.Members);
        Assert.DoesNotContain("TUR", ag.Members);
        // Every African state is in NAM (South Sudan since 2024); no EU member is.
        Assert.Subset(nam.Members.ToHashSet(), ag.Members.ToHashSet());
        Assert.Empty(eu.Members.Intersect(nam.Members));
        Assert.Contains("NPL", nam.Members);
        Assert.Contains("AZE", nam.Members);
        Assert.DoesNotContain("CHN", nam.Members);
        Assert.DoesNotContain("USA", nam.Members);
    }

    [Fact]
    public void States_unknown_group_is_null()
    {
        Assert.Null(MemberStates.FindGroup("G77"));
        Assert.Null(MemberStates.FindGroup(null));
    }
}
