using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Domain.Tests;

public class ConsensusTests
{
    private static readonly string[] Parties = ["FRA", "IND", "MAR", "NPL"];

    public static TheoryData<string, ConsensusState, bool> Table => new()
    {
        // positions as "CODE=A|R|O,...", expected state, silence ended without objection
        { "", ConsensusState.Pending, false },
        { "FRA=A,IND=A,MAR=A", ConsensusState.Pending, false },
        { "FRA=A,IND=A,MAR=A,NPL=A", ConsensusState.Adopted, false },
        { "FRA=A,IND=R,MAR=R,NPL=A", ConsensusState.Adopted, false },
        { "FRA=A,IND=A,MAR=A,NPL=O", ConsensusState.Blocked, false },
        { "FRA=O", ConsensusState.Blocked, false },
        { "FRA=O", ConsensusState.Blocked, true },
        { "", ConsensusState.Adopted, true },
        { "FRA=A", ConsensusState.Adopted, true },
        { "fra=a,ind=a,mar=r,npl=a", ConsensusState.Adopted, false },
        { "FRA=A,IND=A,MAR=A,npl=o", ConsensusState.Blocked, false },
        { "FRA=A,IND=A,MAR=A,USA=A", ConsensusState.Pending, false },
        { "FRA=A,IND=A,MAR=A,NPL=A,USA=O", ConsensusState.Adopted, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Consensus_follows_the_table(string positions, ConsensusState expected, bool silenceEnded)
    {
        Assert.Equal(expected, Consensus.Compute(Parties, Parse(positions), silenceEnded));
    }

    [Fact]
    public void Consensus_without_parties_is_pending_unless_silence_ended()
    {
        Assert.Equal(ConsensusState.Pending, Consensus.Compute([], new Dictionary<string, PositionKind>()));
        Assert.Equal(ConsensusState.Pending, Consensus.Compute([], Parse("FRA=A")));
        Assert.Equal(ConsensusState.Adopted, Consensus.Compute([], new Dictionary<string, PositionKind>(), true));
    }

    [Fact]
    public void Consensus_party_codes_match_case_insensitively()
    {
        Assert.Equal(ConsensusState.Adopted, Consensus.Compute(["fra", "Ind"], Parse("FRA=A,IND=R")));
        Assert.Equal(ConsensusState.Blocked, Consensus.Compute(["fra", "Ind"], Parse("FRA=A,iNd=O")));
    }

    [Fact]
    public void Consensus_objection_under_any_spelling_of_a_code_blocks()
    {
        var positions = new Dictionary<string, PositionKind> { ["FRA"] = PositionKind.Agree, ["fra"] = PositionKind.Object };
        Assert.Equal(ConsensusState.Blocked, Consensus.Compute(["FRA"], positions));
    }

    private static Dictionary<string, PositionKind> Parse(string positions) =>
        positions.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => p[1].ToUpperInvariant() switch
            {
                "A" => PositionKind.Agree,
                "R" => PositionKind.Reserve,
                "O" => PositionKind.Object,
                _ => throw new ArgumentException(p[1]),
            });
}
