using MouWorkspace.Domain.Diffs;

namespace MouWorkspace.Domain.Amendments;

/// <summary>One proposal for a clause: its id, the text it was written against and its wording.</summary>
public sealed record ProposalText(string Id, string BaseText, string Text);

/// <summary>
/// The words where a change cannot be merged, as a three-way merge tool shows them.
/// </summary>
/// <param name="At">Character offset in the current text where the clashing words start.</param>
/// <param name="Base">What the proposal's base text said there.</param>
/// <param name="Proposal">What the proposal makes of it.</param>
/// <param name="Current">What the current text says there.</param>
public sealed record WordClash(int At, string Base, string Proposal, string Current);

/// <summary>
/// A proposal's change that clashes: with what changed in the current text since the proposal's base
/// (<paramref name="OtherProposalId"/> null), or with another proposal merged at the same time. For two
/// proposals both changes are read on the current text: <see cref="WordClash.Base"/> and
/// <see cref="WordClash.Current"/> are the current words both change, <paramref name="Other"/> what the other
/// proposal makes of them.
/// </summary>
public sealed record ProposalClash(string ProposalId, string? OtherProposalId, WordClash Words, string? Other);

/// <summary>
/// Words of the merged text that one proposal wrote: merged characters [<paramref name="Start"/>,
/// Start + <paramref name="Length"/>) replace <paramref name="Replaced"/>, which stood at
/// <paramref name="CurrentStart"/> in the current text. Length 0 is a deletion, Replaced "" an insertion.
/// </summary>
public sealed record MergedRange(string ProposalId, int Start, int Length, int CurrentStart, string Replaced);

/// <summary>
/// One run of the redline from the current text to the merged one. Equal+Delete runs rebuild the current text,
/// Equal+Insert runs the merged text; Insert and Delete runs name the proposal that made them (its sponsor is
/// the author of a tracked change).
/// </summary>
public sealed record MergedRun(DiffOp Op, string Text, string? ProposalId);

/// <summary>
/// Outcome of a merge: the merged text with who wrote what, or, when any change clashes, no text and the
/// clashes (a clash changes nothing: all or none).
/// </summary>
public sealed record MergeResult(
    string? Text,
    IReadOnlyList<MergedRange> Ranges,
    IReadOnlyList<MergedRun> Runs,
    IReadOnlyList<ProposalClash> Clashes)
{
    public bool IsMerged => Text is not null;
}
