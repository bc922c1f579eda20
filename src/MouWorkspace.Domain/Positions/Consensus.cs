namespace MouWorkspace.Domain.Positions;

public enum PositionKind { Agree, Reserve, Object }

public enum ConsensusState { Pending, Adopted, Blocked }

public static class Consensus
{
    /// <summary>
    /// Blocked while any party objects; adopted once every party agreed or reserved, or a silence
    /// procedure ended without objection; pending otherwise. Positions of non-parties do not count;
    /// state codes match case-insensitively.
    /// </summary>
    public static ConsensusState Compute(IReadOnlyCollection<string> parties, IReadOnlyDictionary<string, PositionKind> positions, bool silenceEndedWithoutObjection = false)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(positions);

        // Keys that differ only in case may both be present; an objection under either spelling counts.
        var byParty = new Dictionary<string, PositionKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var (party, kind) in positions)
        {
            if (!byParty.ContainsKey(party) || kind == PositionKind.Object)
                byParty[party] = kind;
        }

        var partySet = new HashSet<string>(parties, StringComparer.OrdinalIgnoreCase);
        if (partySet.Any(p => byParty.TryGetValue(p, out var k) && k == PositionKind.Object))
            return ConsensusState.Blocked;
        if (silenceEndedWithoutObjection)
            return ConsensusState.Adopted;
        if (partySet.Count > 0 && partySet.All(byParty.ContainsKey))
            return ConsensusState.Adopted;
        return ConsensusState.Pending;
    }
}
