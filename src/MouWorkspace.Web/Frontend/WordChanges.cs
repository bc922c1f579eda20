using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Web.Frontend;

/// <summary>A word diff computed in the page (a proposal or a box's text against the current text), in the shape DiffView shows.</summary>
public static class WordChanges
{
    public static IReadOnlyList<ChangeDto> Between(string from, string to) =>
        WordDiff.Compute(from, to).Select(c => new ChangeDto(c.Op.ToString().ToLowerInvariant(), c.Text)).ToArray();

    /// <summary>
    /// What a proposal would change in the current text. One made on an older draft is merged onto the current text first,
    /// as accepting it would (three-way, from its base): diffed as it stands, it would seem to undo everything decided since.
    /// Null when its change overlaps words changed since its base (accepting it would be refused).
    /// </summary>
    public static IReadOnlyList<ChangeDto>? OfProposal(string current, string proposed, string? baseText)
    {
        if (baseText is null || baseText == current)
            return Between(current, proposed);
        var merged = ThreeWayMerge.Merge(baseText, proposed, current);
        return merged.IsMerged ? Between(current, merged.Text!) : null;
    }
}
