using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;

namespace MouWorkspace.Grains.Mous;

[GenerateSerializer, Alias("mou.mou-state")]
public sealed class MouState
{
    [Id(0)] public string Title { get; set; } = "";
    [Id(1)] public string Organization { get; set; } = "";
    [Id(2)] public List<string> Parties { get; set; } = [];
    [Id(3)] public bool Confidential { get; set; }
    [Id(4)] public List<ClauseEntry> Clauses { get; set; } = [];
    [Id(5)] public List<ClauseEntry> Removed { get; set; } = [];
    [Id(6)] public List<RevisionRecord> Revisions { get; set; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public string CreatedBy { get; set; } = "";

    /// <summary>Revisions whose silence procedure ended without objection (see MouGrain.Silence.cs).</summary>
    [Id(9)] public List<int> AdoptedBySilence { get; set; } = [];

    /// <summary>The original language (MouGrain.Languages.cs); empty for MOUs stored before it existed, read as English.</summary>
    [Id(20)] public string OriginalLanguage { get; set; } = "";

    [Id(21)] public List<LanguageVersion> LanguageVersions { get; set; } = [];

    /// <summary>The proposal window (MouGrain.Amendments.cs): closed by the secretariat, or open until a deadline.</summary>
    [Id(30)] public bool ProposalsClosed { get; set; }
    [Id(31)] public DateTimeOffset? ProposalsCloseAt { get; set; }

    /// <summary>Proposals of a new paragraph, a deletion or a move (MouGrain.Amendments.cs); new wording is kept by its clause.</summary>
    [Id(32)] public List<Proposal> Proposals { get; set; } = [];

    /// <summary>The MOU as a UN document (MouGrain.Identity.cs); null until staff set it.</summary>
    [Id(40)] public DocumentIdentity? Identity { get; set; }

    public bool Exists => Organization.Length > 0;
}

[GenerateSerializer, Alias("mou.clause-entry")]
public sealed record ClauseEntry([property: Id(0)] string Id, [property: Id(1)] string Number);

[GenerateSerializer, Alias("mou.revision-record")]
public sealed class RevisionRecord
{
    [Id(0)] public required RevisionInfo Info { get; set; }
    [Id(1)] public List<ClauseText> Clauses { get; set; } = [];

    /// <summary>Every position given, oldest first; the latest of each state counts.</summary>
    [Id(2)] public List<PositionEntry> Positions { get; set; } = [];
}
