using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Domain.Clauses;

namespace MouWorkspace.Grains.Clauses;

[GenerateSerializer, Alias("mou.clause-state")]
public sealed class ClauseState
{
    [Id(0)] public string MouId { get; set; } = "";
    [Id(1)] public string ClauseId { get; set; } = "";
    [Id(2)] public string Number { get; set; } = "";
    [Id(3)] public string Heading { get; set; } = "";
    [Id(4)] public List<Draft> Drafts { get; set; } = [];
    [Id(5)] public List<Comment> Comments { get; set; } = [];
    [Id(6)] public List<Proposal> Proposals { get; set; } = [];
    [Id(7)] public Agreement Agreement { get; set; }

    /// <summary>For a language version (ClauseGrain.Languages.cs): draft version → the original draft it translates.</summary>
    [Id(20)] public Dictionary<int, int> TranslatesDraft { get; set; } = [];

    public bool Exists => Drafts.Count > 0;

    public Draft Current => Drafts[^1];
}
