using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Clauses;

[GenerateSerializer, Immutable, Alias("mou.clause-view")]
public sealed record ClauseView(
    [property: Id(0)] string Id,
    [property: Id(1)] string MouId,
    [property: Id(2)] string Number,
    [property: Id(3)] string Heading,
    [property: Id(4)] string Text,
    [property: Id(5)] int Version,
    [property: Id(6)] string Status,
    [property: Id(7)] string Agreement,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] string UpdatedBy,
    [property: Id(10)] int OpenBrackets);

[GenerateSerializer, Immutable, Alias("mou.draft")]
public sealed record Draft(
    [property: Id(0)] int Version,
    [property: Id(1)] string Text,
    [property: Id(2)] string Author,
    [property: Id(3)] string? AuthorState,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Rationale,
    [property: Id(6)] string? Heading = null,
    // A draft made by accepting proposals: which, and whose words they are (the sponsor, e.g. "Non-Aligned Movement (MAR)").
    [property: Id(7)] IReadOnlyList<string>? FromProposals = null,
    [property: Id(8)] string? Sponsor = null);

[GenerateSerializer, Immutable, Alias("mou.comment")]
public sealed record Comment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Author,
    [property: Id(2)] string? MemberState,
    [property: Id(3)] string Text,
    [property: Id(4)] string? Quote,
    [property: Id(5)] string? ReplyTo,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] bool Resolved,
    [property: Id(8)] int DraftVersion,
    [property: Id(9)] string? ResolvedBy = null,
    [property: Id(10)] DateTimeOffset? ResolvedAt = null,
    // Who wrote it (the sign-in's user id): decides who may resolve the thread; not shown to readers.
    [property: Id(11), System.Text.Json.Serialization.JsonIgnore] string? AuthorId = null,
    // A comment read from a delegation's Word markup: its w:author and w:date there (attribution stays the uploader's).
    [property: Id(12), System.ComponentModel.Description("A comment from a Word markup: its author as Word recorded it (w:author); null otherwise.")] string? RecordedBy = null,
    [property: Id(13), System.ComponentModel.Description("A comment from a Word markup: when Word recorded it (w:date); null otherwise.")] DateTimeOffset? RecordedAt = null)
{
    /// <summary>
    /// Who may resolve or reopen this thread: its author, a delegate of the delegation it speaks for, or staff
    /// (secretariat, legal officers). Another delegation's delegate may not close somebody else's point.
    /// </summary>
    public bool MayBeResolvedBy(Actor by)
    {
        var roles = by.Role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (roles.Contains("Secretariat") || roles.Contains("LegalOfficer"))
            return true;
        if (!string.IsNullOrEmpty(AuthorId) && AuthorId == by.UserId)
            return true;
        return MemberState is not null && roles.Contains("Delegate") && by.MemberState == MemberState;
    }
}

[GenerateSerializer, Immutable, Alias("mou.proposal")]
public sealed record Proposal(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string? MemberState,
    [property: Id(3)] string OnBehalfOf,
    [property: Id(4)] string By,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string Status,
    [property: Id(7)] int BaseVersion,
    // The open proposal this one amends (a sub-amendment: its wording replaces that proposal's, and it is decided first).
    [property: Id(8)] string? Amends = null,
    [property: Id(9)] IReadOnlyList<string>? Cosponsors = null,
    [property: Id(10)] string? DecidedBy = null,
    [property: Id(11)] DateTimeOffset? DecidedAt = null,
    [property: Id(12)] string? Note = null,
    // The draft an accepted proposal was folded into.
    [property: Id(13)] int? FoldedIntoVersion = null,
    // The text it changes: the base draft's, or the amended proposal's wording.
    [property: Id(14), System.Text.Json.Serialization.JsonIgnore] string? BaseText = null,
    // What it proposes (ProposalKinds): new wording for a clause (kept by the clause), or a new paragraph, a deletion or a
    // move (kept by the MOU).
    [property: Id(15)] string Kind = ProposalKinds.Replace,
    // delete/move: the paragraph; insert: the clause it became once accepted.
    [property: Id(16)] string? ClauseId = null,
    // insert/move: the paragraph it goes after (null: first of its kind's part).
    [property: Id(17)] string? After = null,
    [property: Id(18)] string? Heading = null,
    // insert: "preambular" or "operative".
    [property: Id(19)] string? ClauseKind = null,
    // A facilitator's bridging text: the open proposals it replaces (each now superseded), and what their sponsors say of it.
    [property: Id(20)] IReadOnlyList<string>? Supersedes = null,
    [property: Id(21)] IReadOnlyList<BridgingResponse>? Responses = null,
    // A superseded proposal: the bridging text that replaced it.
    [property: Id(22)] string? SupersededBy = null,
    // A proposal read from a delegation's Word markup: the w:author and latest w:date of its tracked changes there.
    [property: Id(23)] string? RecordedBy = null,
    [property: Id(24)] DateTimeOffset? RecordedAt = null)
{
    public bool IsOpen => Status == ProposalStatuses.Open;

    /// <summary>The sponsor as a document names it: "Non-Aligned Movement (MAR)" for a group's proposal, "France (FRA)" for a state's.</summary>
    public string SponsorName => Sponsors.Name(OnBehalfOf, MemberState);

    /// <summary>
    /// This proposal with <paramref name="memberState"/> joining or leaving its co-sponsors: this very instance when
    /// nothing changes (already in, or not in), a conflict for a decided proposal or the sponsor's own state.
    /// </summary>
    public Outcome<Proposal> WithCosponsor(string memberState, bool joining)
    {
        if (!IsOpen)
            return Outcome<Proposal>.Fail(Failure.Conflict, $"proposal {Id} was {Status}: only an open proposal can be co-sponsored");
        var code = memberState.ToUpperInvariant();
        if (code == OnBehalfOf || code == MemberState)
            return Outcome<Proposal>.Fail(Failure.Conflict, $"{code} made this proposal; it does not co-sponsor its own");
        var list = (Cosponsors ?? []).ToList();
        if (list.Contains(code) == joining)
            return Outcome<Proposal>.Success(this);
        if (joining)
            list.Add(code);
        else
            list.Remove(code);
        return Outcome<Proposal>.Success(this with { Cosponsors = list });
    }

    /// <summary>Whose proposal it is: the sponsor (a state or group), the delegate's state, the co-sponsors.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Supporters =>
        new[] { OnBehalfOf, MemberState }.Concat(Cosponsors ?? []).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}

/// <summary>Whether a sponsor of a superseded proposal can accept the facilitator's bridging text that replaced it.</summary>
[GenerateSerializer, Immutable, Alias("mou.bridging-response")]
public sealed record BridgingResponse(
    [property: Id(0)] string MemberState,
    [property: Id(1)] bool CanAccept,
    [property: Id(2)] string Note,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At);

/// <summary>What a proposal asks for.</summary>
public static class ProposalKinds
{
    public const string Replace = "replace";
    public const string Insert = "insert";
    public const string Delete = "delete";
    public const string Move = "move";

    /// <summary>Who a facilitator's bridging text is attributed to.</summary>
    public const string Facilitator = "Facilitator";

    /// <summary>The kinds the MOU keeps (a paragraph's place in the text); new wording is kept by its clause.</summary>
    public static readonly IReadOnlyList<string> Structural = [Insert, Delete, Move];
}

/// <summary>How a proposal's sponsor is named in documents and drafts.</summary>
public static class Sponsors
{
    public static string Name(string onBehalfOf, string? memberState)
    {
        if (Domain.States.MemberStates.FindGroup(onBehalfOf) is { } group)
            return memberState is null ? group.Name : $"{group.Name} ({memberState})";
        if (!Domain.States.MemberStates.IsKnown(onBehalfOf))
            return onBehalfOf; // the facilitator's bridging text
        return $"{Domain.States.MemberStates.Find(onBehalfOf)?.Name ?? onBehalfOf} ({onBehalfOf})";
    }
}

/// <summary>A proposal's lifecycle: open → accepted / rejected / withdrawn / superseded; a decided proposal stays decided.</summary>
public static class ProposalStatuses
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Superseded = "superseded";

    public static readonly IReadOnlyList<string> Decisions = [Accepted, Rejected, Withdrawn];
}

[GenerateSerializer, Immutable, Alias("mou.init-clause")]
public sealed record InitClause(
    [property: Id(0)] string MouId,
    [property: Id(1)] string ClauseId,
    [property: Id(2)] string Number,
    [property: Id(3)] string Heading,
    [property: Id(4)] string Text,
    [property: Id(5)] string Rationale,
    [property: Id(6)] Actor By);
