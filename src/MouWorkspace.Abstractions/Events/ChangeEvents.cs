using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Events;

/// <summary>
/// Where change events travel: one Orleans stream per audit scope (an MOU's <c>mou-{id}</c>, an organization's
/// <c>org-{code}</c>) in the <see cref="Namespace"/> of the <see cref="Provider"/> stream provider (Azure Queue
/// storage in a deployment, so that events cross silos and outlive the silo that published them). Per scope the
/// events arrive in the order they were published; delivery, once an event is queued, is at least once, so every
/// consumer is idempotent on <see cref="ChangeEvent.EventId"/>. Events are queued by the silo's outbox just after the
/// write's turn: a silo that dies in between loses the event, not the change (docs/architecture.md).
/// </summary>
public static class ChangeStreams
{
    public const string Provider = "changes";

    public const string Namespace = "changes";

    /// <summary>
    /// Set in the request context by the API's audit filter around a handler: a grain that publishes under it marks its
    /// event <see cref="ChangeEvent.ViaApi"/> (the filter has audited it already). Changes made without a request
    /// (silence verdicts at the deadline, seeding) are audited by the event consumer instead.
    /// </summary>
    public const string ViaApiKey = "mou.via-api";
}

/// <summary>
/// A change a grain made and stored, published after its write succeeded: who, when, in which audit scope, and the
/// facts a consumer needs (ids, numbers, versions). <see cref="Kind"/> is its wire name ("draft.saved"), as in
/// webhook subscriptions.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.change")]
public abstract record ChangeEvent(
    [property: Id(0)] string Scope,
    [property: Id(1)] Actor By,
    [property: Id(2)] DateTimeOffset At)
{
    /// <summary>Unique per change, kept on redelivery: what consumers deduplicate on.</summary>
    [Id(3)] public string EventId { get; init; } = "";

    /// <summary>Made through the HTTP API (audited there); false for changes made by the system or by seeding.</summary>
    [Id(4)] public bool ViaApi { get; init; }

    public abstract string Kind { get; }

    /// <summary>The action in the words an audit log or a change list uses ("saved a new draft of OP3").</summary>
    public abstract string Describe();
}

/// <summary>A change of one MOU (its audit scope is the MOU's).</summary>
[GenerateSerializer, Immutable, Alias("events.mou")]
public abstract record MouChange(
    [property: Id(0)] string MouId,
    Actor By,
    DateTimeOffset At) : ChangeEvent(AuditScopes.Mou(MouId), By, At);

/// <summary>A change of one clause of an MOU.</summary>
[GenerateSerializer, Immutable, Alias("events.clause")]
public abstract record ClauseChange(
    string MouId,
    [property: Id(0)] string ClauseId,
    [property: Id(1)] string Number,
    Actor By,
    DateTimeOffset At) : MouChange(MouId, By, At);

[GenerateSerializer, Immutable, Alias("events.mou-created")]
public sealed record MouCreated(string MouId, [property: Id(0)] string Title, [property: Id(1)] int Clauses, Actor By, DateTimeOffset At)
    : MouChange(MouId, By, At)
{
    public override string Kind => "mou.created";
    public override string Describe() => "created the text";
}

[GenerateSerializer, Immutable, Alias("events.clause-added")]
public sealed record ClauseAdded(string MouId, string ClauseId, string Number, Actor By, DateTimeOffset At)
    : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "clause.added";
    public override string Describe() => $"added {Number}";
}

[GenerateSerializer, Immutable, Alias("events.clause-removed")]
public sealed record ClauseRemoved(string MouId, string ClauseId, string Number, Actor By, DateTimeOffset At)
    : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "clause.removed";
    public override string Describe() => $"took {Number} out of the text";
}

[GenerateSerializer, Immutable, Alias("events.draft-saved")]
public sealed record DraftSaved(string MouId, string ClauseId, string Number, [property: Id(0)] int Version, [property: Id(1)] string Rationale,
    Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "draft.saved";
    public override string Describe() => $"saved version {Version} of {Number}";
}

[GenerateSerializer, Immutable, Alias("events.agreement-changed")]
public sealed record AgreementChanged(string MouId, string ClauseId, string Number, [property: Id(0)] string Agreement, Actor By, DateTimeOffset At)
    : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "clause.agreement-changed";
    public override string Describe() => $"marked {Number} {Agreement}";
}

/// <summary>A sponsor or co-sponsor of proposals a bridging text replaced said whether it can accept it (a later answer replaces its earlier one).</summary>
[GenerateSerializer, Immutable, Alias("events.bridging-answered")]
public sealed record BridgingTextAnswered(string MouId, string ClauseId, string Number, [property: Id(0)] string ProposalId,
    [property: Id(1)] string MemberState, [property: Id(2)] bool CanAccept, Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "proposal.bridging-answered";
    public override string Describe() => CanAccept ? $"{MemberState} can accept the bridging text on {Number}" : $"{MemberState} cannot accept the bridging text on {Number}";
}

[GenerateSerializer, Immutable, Alias("events.comment-added")]
public sealed record CommentAdded(string MouId, string ClauseId, string Number, [property: Id(0)] string CommentId, [property: Id(1)] string? ReplyTo,
    [property: Id(2)] string? Language, Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "comment.added";
    public override string Describe() => ReplyTo is null ? $"commented on {Number}" : $"replied on {Number}";
}

[GenerateSerializer, Immutable, Alias("events.comment-resolved")]
public sealed record CommentResolved(string MouId, string ClauseId, string Number, [property: Id(0)] string CommentId, [property: Id(1)] bool Resolved,
    [property: Id(2)] string? Language, Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => Resolved ? "comment.resolved" : "comment.reopened";
    public override string Describe() => Resolved ? $"resolved a thread on {Number}" : $"reopened a thread on {Number}";
}

[GenerateSerializer, Immutable, Alias("events.proposal-submitted")]
public sealed record ProposalSubmitted(string MouId, string ClauseId, string Number, [property: Id(0)] string ProposalId, [property: Id(1)] string OnBehalfOf,
    [property: Id(2)] string? Language, Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    /// <summary>replace (new wording for the clause), insert (a new paragraph after it), delete or move (the clause).</summary>
    [Id(3)] public string ProposalKind { get; init; } = "replace";

    public override string Kind => "proposal.submitted";
    public override string Describe() => ProposalKind switch
    {
        "insert" => $"proposed a new paragraph after {Number} on behalf of {OnBehalfOf}",
        "delete" => $"proposed deleting {Number} on behalf of {OnBehalfOf}",
        "move" => $"proposed moving {Number} on behalf of {OnBehalfOf}",
        _ => $"proposed wording for {Number} on behalf of {OnBehalfOf}",
    };
}

/// <summary>A proposal accepted (folded into <see cref="FoldedIntoVersion"/>), rejected or withdrawn, with who decided and why.</summary>
[GenerateSerializer, Immutable, Alias("events.proposal-decided")]
public sealed record ProposalDecided(string MouId, string ClauseId, string Number, [property: Id(0)] string ProposalId, [property: Id(1)] string Status,
    [property: Id(2)] string OnBehalfOf, [property: Id(3)] string Note, [property: Id(4)] int? FoldedIntoVersion, Actor By, DateTimeOffset At)
    : ClauseChange(MouId, ClauseId, Number, By, At)
{
    /// <summary>What the proposal asked for: replace, insert (<see cref="ClauseChange.ClauseId"/>: the new paragraph once accepted), delete or move.</summary>
    [Id(5)] public string ProposalKind { get; init; } = "replace";

    /// <summary>The states and groups whose proposal it is: the sponsor, the delegate's state, the co-sponsors.</summary>
    [Id(6)] public IReadOnlyList<string> Supporters { get; init; } = [];

    public override string Kind => "proposal." + Status;
    public override string Describe() => Status switch
    {
        "accepted" when ProposalKind == "insert" => $"accepted {OnBehalfOf}'s new paragraph ({Number})",
        "accepted" when ProposalKind == "delete" => $"accepted {OnBehalfOf}'s proposal to delete {Number}",
        "accepted" when ProposalKind == "move" => $"accepted {OnBehalfOf}'s proposal to move {Number}",
        "accepted" => $"accepted {OnBehalfOf}'s proposal on {Number}" + (FoldedIntoVersion is { } v ? $" (version {v})" : ""),
        "withdrawn" => $"withdrew {OnBehalfOf}'s proposal on {Number}",
        _ => $"{Status} {OnBehalfOf}'s proposal on {Number}",
    };
}

[GenerateSerializer, Immutable, Alias("events.cosponsor-changed")]
public sealed record CosponsorChanged(string MouId, string ClauseId, string Number, [property: Id(0)] string ProposalId, [property: Id(1)] string MemberState,
    [property: Id(2)] bool Joined, Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => Joined ? "proposal.cosponsored" : "proposal.cosponsor-left";
    public override string Describe() => Joined ? $"{MemberState} co-sponsored a proposal on {Number}" : $"{MemberState} left a proposal on {Number}";
}

[GenerateSerializer, Immutable, Alias("events.translation-saved")]
public sealed record TranslationSaved(string MouId, string ClauseId, string Number, [property: Id(0)] string Language, [property: Id(1)] int Version,
    Actor By, DateTimeOffset At) : ClauseChange(MouId, ClauseId, Number, By, At)
{
    public override string Kind => "translation.saved";
    public override string Describe() => $"saved the {Language} translation of {Number}";
}

[GenerateSerializer, Immutable, Alias("events.language-version-changed")]
public sealed record LanguageVersionChanged(string MouId, [property: Id(0)] string Language, Actor By, DateTimeOffset At) : MouChange(MouId, By, At)
{
    public override string Kind => "language.changed";
    public override string Describe() => $"added or changed the {Language} version";
}

[GenerateSerializer, Immutable, Alias("events.identity-changed")]
public sealed record IdentityChanged(string MouId, [property: Id(0)] string Symbol, Actor By, DateTimeOffset At) : MouChange(MouId, By, At)
{
    public override string Kind => "identity.changed";
    public override string Describe() => $"set the document symbol {Symbol}";
}

[GenerateSerializer, Immutable, Alias("events.revision-published")]
public sealed record RevisionPublished(string MouId, [property: Id(0)] int Revision, [property: Id(1)] string Label, Actor By, DateTimeOffset At)
    : MouChange(MouId, By, At)
{
    public override string Kind => "revision.published";
    public override string Describe() => $"published {Label}";
}

[GenerateSerializer, Immutable, Alias("events.position-given")]
public sealed record PositionGiven(string MouId, [property: Id(0)] int Revision, [property: Id(1)] string MemberState, [property: Id(2)] string Position,
    Actor By, DateTimeOffset At) : MouChange(MouId, By, At)
{
    public override string Kind => "position.given";
    public override string Describe() => $"gave {MemberState}'s position on Rev.{Revision} ({Position})";
}

[GenerateSerializer, Immutable, Alias("events.silence-started")]
public sealed record SilenceStarted(string MouId, [property: Id(0)] int Revision, [property: Id(1)] DateTimeOffset Deadline, Actor By, DateTimeOffset At)
    : MouChange(MouId, By, At)
{
    public override string Kind => "silence.started";
    public override string Describe() => $"started a silence procedure on Rev.{Revision}";
}

/// <summary>The procedure ended: <see cref="Outcome"/> <c>adopted</c> (the deadline passed in silence) or <c>broken</c> (by <see cref="BrokenBy"/>).</summary>
[GenerateSerializer, Immutable, Alias("events.silence-ended")]
public sealed record SilenceEnded(string MouId, [property: Id(0)] int Revision, [property: Id(1)] string Outcome, [property: Id(2)] string? BrokenBy,
    Actor By, DateTimeOffset At) : MouChange(MouId, By, At)
{
    public override string Kind => "silence.ended";
    public override string Describe() => Outcome == "adopted"
        ? $"Rev.{Revision} adopted: the silence procedure ended without objection"
        : $"silence on Rev.{Revision} broken by {BrokenBy}";
}

[GenerateSerializer, Immutable, Alias("events.now-discussing")]
public sealed record NowDiscussingChanged(string MouId, [property: Id(0)] string? ClauseId, [property: Id(1)] string? ProposalId, Actor By, DateTimeOffset At)
    : MouChange(MouId, By, At)
{
    public override string Kind => "projection.changed";
    public override string Describe() => ClauseId is null ? "cleared the room screen" : "put a clause on the room screen";
}

/// <summary>A change of an organization's tracking records (adoptions, training, discipline, reform items).</summary>
[GenerateSerializer, Immutable, Alias("events.tracking")]
public abstract record TrackingChange(
    [property: Id(0)] string Organization,
    Actor By,
    DateTimeOffset At) : ChangeEvent(AuditScopes.Organization(Organization), By, At);

[GenerateSerializer, Immutable, Alias("events.adoption-recorded")]
public sealed record AdoptionRecorded(string Organization, [property: Id(0)] string Country, [property: Id(1)] string MouId, [property: Id(2)] int Revision,
    Actor By, DateTimeOffset At) : TrackingChange(Organization, By, At)
{
    public override string Kind => "adoption.recorded";
    public override string Describe() => $"recorded {Country}'s adoption of Rev.{Revision}";
}

[GenerateSerializer, Immutable, Alias("events.tcc-record")]
public sealed record TccRecordChanged(string Organization, [property: Id(0)] string Country, [property: Id(1)] string What, Actor By, DateTimeOffset At)
    : TrackingChange(Organization, By, At)
{
    public override string Kind => "tcc.changed";
    public override string Describe() => $"recorded {What} for {Country}";
}

[GenerateSerializer, Immutable, Alias("events.reform-status")]
public sealed record ReformStatusChanged(string Organization, [property: Id(0)] string ItemId, [property: Id(1)] string Status, Actor By, DateTimeOffset At)
    : TrackingChange(Organization, By, At)
{
    public override string Kind => "reform.status-changed";
    public override string Describe() => $"set a reform item to {Status}";
}
