namespace MouWorkspace.Domain.Positions;

public enum PositionKind { Agree, Reserve, Object }

public enum ConsensusState { Pending, Adopted, Blocked }

public static class Consensus
{
    public static ConsensusState Compute(IReadOnlyCollection<string> parties, IReadOnlyDictionary<string, PositionKind> positions, bool silenceEndedWithoutObjection = false) => throw new NotImplementedException();
}
