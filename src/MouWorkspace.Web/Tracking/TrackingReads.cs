using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Organizations;
using MouWorkspace.Abstractions.Tracking;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Web.Tracking;

/// <summary>An MOU as the matrix needs it: its latest revision's clauses and a cache of older revisions.</summary>
public sealed record TrackedMou(string Id, string Title, RevisionInfo Latest, IReadOnlyList<ClauseSnapshot> LatestClauses);

public sealed record TrackedRow(MatrixRow Row, IReadOnlyList<Adoption> Adoptions);

/// <summary>
/// Reads the grains for the tracking calls (a thin layer between HTTP and grains): the organization's published
/// MOUs, the country index, and drift sizes, computed once per MOU and adopted revision.
/// </summary>
public sealed class TrackingReads(IGrainFactory grains)
{
    private readonly Dictionary<(string, int), IReadOnlyList<ClauseSnapshot>> revisions = [];

    public async Task<IReadOnlyList<TrackedMou>> PublishedMousAsync(IEnumerable<string> organizations)
    {
        var result = new List<TrackedMou>();
        foreach (var organization in organizations)
        {
            foreach (var summary in await grains.GetGrain<IOrganizationGrain>(organization).ListAsync())
            {
                var info = await grains.GetGrain<IMouGrain>(summary.Id).GetInfoAsync();
                if (info is null || info.Revisions.Count == 0)
                    continue;
                var latest = info.Revisions[^1];
                result.Add(new TrackedMou(info.Id, info.Title, latest, await ClausesAsync(info.Id, latest.Number)));
            }
        }
        return result;
    }

    public async Task<IReadOnlyList<ClauseSnapshot>> ClausesAsync(string mouId, int revision)
    {
        if (revisions.TryGetValue((mouId, revision), out var cached))
            return cached;
        var snapshot = await grains.GetGrain<IMouGrain>(mouId).GetRevisionAsync(revision);
        IReadOnlyList<ClauseSnapshot> clauses = snapshot?.Clauses.Select(c => new ClauseSnapshot(c.Id, c.Number, c.Heading, c.Text, c.Version)).ToArray() ?? [];
        revisions[(mouId, revision)] = clauses;
        return clauses;
    }

    public async Task<DriftResult> DriftAsync(TrackedMou mou, Adoption? adoption) => Drift.Compute(
        adoption?.Revision, adoption is null ? null : await ClausesAsync(mou.Id, adoption.Revision), mou.Latest.Number, mou.LatestClauses);

    /// <summary>One row per member state, one cell per MOU, adoptions limited to those MOUs.</summary>
    public async Task<IReadOnlyList<TrackedRow>> RowsAsync(IReadOnlyList<TrackedMou> mous)
    {
        var summaries = (await grains.GetGrain<ITccIndexGrain>(ITccIndexGrain.Key).ListAsync()).ToDictionary(s => s.Code);
        var sizes = new Dictionary<(string, int?), int>(); // 193 countries share a handful of adopted revisions
        var rows = new List<TrackedRow>(MemberStates.All.Count);
        foreach (var state in MemberStates.All)
        {
            var adoptions = summaries.TryGetValue(state.Code, out var summary)
                ? summary.Adoptions.Where(a => mous.Any(m => m.Id == a.MouId)).ToArray() : [];
            var cells = new List<MatrixCell>(mous.Count);
            foreach (var mou in mous)
            {
                var adoption = adoptions.FirstOrDefault(a => a.MouId == mou.Id);
                if (!sizes.TryGetValue((mou.Id, adoption?.Revision), out var size))
                    sizes[(mou.Id, adoption?.Revision)] = size = (await DriftAsync(mou, adoption)).Size;
                cells.Add(new MatrixCell(mou.Id, mou.Latest.Number, adoption?.Revision, adoption?.AdoptedOn, size));
            }
            rows.Add(new TrackedRow(new MatrixRow(state.Code, state.Name, RegionalGroups.Of(state.Code) ?? RegionalGroup.AsiaPacific, cells), adoptions));
        }
        return rows;
    }
}
