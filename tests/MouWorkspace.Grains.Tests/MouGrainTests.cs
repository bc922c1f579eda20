using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Organizations;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Grains.Tests;

[Collection("cluster")]
public sealed class MouGrainTests(ClusterFixture fixture)
{
    private async Task<IMouGrain> NewMouAsync(string organization = "un", params string[] parties)
    {
        var mou = fixture.Grains.GetGrain<IMouGrain>(Ids.New());
        var created = await mou.CreateAsync(new CreateMou(organization, "Test MOU", parties.Length > 0 ? parties : ["FRA", "IND"], false, Actors.Secretariat));
        Assert.True(created.Ok);
        return mou;
    }

    private static async Task<ClauseView> AddAsync(IMouGrain mou, string text, string? after = null, ClauseKind kind = ClauseKind.Operative) =>
        (await mou.AddClauseAsync(new AddClause("Heading", text, after, kind, Actors.Secretariat))).Value!;

    [Fact]
    public async Task Clauses_keep_document_order_and_stable_numbers()
    {
        var mou = await NewMouAsync();
        var pp = await AddAsync(mou, "Recalling,", kind: ClauseKind.Preambular);
        var op1 = await AddAsync(mou, "First.");
        await AddAsync(mou, "Second.");
        var bis = await AddAsync(mou, "Inserted.", after: op1.Id);

        var clauses = await mou.GetClausesAsync();
        Assert.Equal(["PP1", "OP1", "OP1 bis", "OP2"], clauses.Select(c => c.Number));
        Assert.Equal([pp.Id, op1.Id, bis.Id], clauses.Take(3).Select(c => c.Id));
    }

    [Fact]
    public async Task A_revision_takes_the_symbol_it_was_published_under_and_earlier_ones_derive_it()
    {
        var mou = await NewMouAsync();
        await AddAsync(mou, "First.");
        Assert.Null((await mou.PublishRevisionAsync("Rev.1", Actors.Secretariat)).Value!.Symbol);
        var identity = new DocumentIdentity("A/AC.121/2026/L.2", Distributions.Limited, new DateOnly(2026, 2, 17), "2026 substantive session", "4", "", default);
        var set = await mou.SetIdentityAsync(identity, Actors.Secretariat);
        Assert.Equal(Actors.Secretariat.Name, set.Value!.SetBy);
        Assert.Equal("A/AC.121/2026/L.2/Rev.2", (await mou.PublishRevisionAsync("Rev.2", Actors.Secretariat)).Value!.Symbol);
        Assert.Null((await mou.PublishRevisionAsync("Zero draft", Actors.Secretariat)).Value!.Symbol);

        // A later symbol renames what was derived (Rev.1), not what was published under the earlier one (Rev.2).
        await mou.SetIdentityAsync(identity with { Symbol = "A/AC.121/2026/L.5" }, Actors.Secretariat);
        var info = (await mou.GetInfoAsync())!;
        Assert.Equal(["A/AC.121/2026/L.5/Rev.1", "A/AC.121/2026/L.2/Rev.2", null], info.Revisions.Select(r => r.Symbol));
        Assert.Equal(("A/AC.121/2026/L.5", "limited"), (info.Identity!.Symbol, info.Identity.Distribution));
        Assert.Equal("A/AC.121/2026/L.5/Rev.1", (await mou.GetRevisionAsync(1))!.Info.Symbol);
        Assert.Equal(Failure.Invalid, (await mou.SetIdentityAsync(identity with { Symbol = "A/AC.121/2026/L.2/Rev.1" }, Actors.Secretariat)).Failure);
    }

    [Fact]
    public async Task Inserting_after_an_unknown_clause_is_refused()
    {
        var mou = await NewMouAsync();
        var outcome = await mou.AddClauseAsync(new AddClause("", "x", "nope", ClauseKind.Operative, Actors.Secretariat));
        Assert.Equal(Failure.Invalid, outcome.Failure);
        Assert.Empty(await mou.GetClausesAsync());
    }

    [Fact]
    public async Task A_revision_is_an_immutable_snapshot_with_a_hash_that_follows_the_text()
    {
        var mou = await NewMouAsync();
        var clause = await AddAsync(mou, "Text one.");
        var rev1 = (await mou.PublishRevisionAsync("Rev.1", Actors.Secretariat)).Value!;
        await fixture.Grains.GetGrain<IClauseGrain>(ClauseKey.For(mou.GetPrimaryKeyString(), clause.Id)).SaveDraftAsync("Text two.", "", 1, Actors.Legal);
        var rev2 = (await mou.PublishRevisionAsync("Rev.2", Actors.Secretariat)).Value!;

        Assert.Equal(1, rev1.Number);
        Assert.Equal(2, rev2.Number);
        Assert.NotEqual(rev1.Hash, rev2.Hash);
        Assert.Equal("Text one.", (await mou.GetRevisionAsync(1))!.Clauses.Single().Text);
        Assert.Equal("Text two.", (await mou.GetRevisionAsync(2))!.Clauses.Single().Text);
        Assert.Equal(Failure.Conflict, (await mou.PublishRevisionAsync("Rev.2", Actors.Secretariat)).Failure);
    }

    [Fact]
    public async Task Consensus_follows_positions_and_a_new_revision_needs_new_positions()
    {
        var mou = await NewMouAsync("un", "FRA", "IND");
        await AddAsync(mou, "Text.");
        await mou.PublishRevisionAsync("Rev.1", Actors.Secretariat);

        await mou.GivePositionAsync(1, "FRA", PositionKind.Agree, "", Actors.Delegate("FRA"));
        Assert.Equal(ConsensusState.Pending, (await mou.GetPositionsAsync(1))!.Consensus);
        await mou.GivePositionAsync(1, "IND", PositionKind.Object, "no", Actors.Delegate("IND"));
        Assert.Equal(ConsensusState.Blocked, (await mou.GetPositionsAsync(1))!.Consensus);
        await mou.GivePositionAsync(1, "IND", PositionKind.Reserve, "capital", Actors.Delegate("IND"));
        var positions = (await mou.GetPositionsAsync(1))!;
        Assert.Equal(ConsensusState.Adopted, positions.Consensus);
        Assert.Equal(2, positions.Positions.Count);
        Assert.Equal(MouStatus.Adopted, (await mou.GetInfoAsync())!.Status);

        await mou.PublishRevisionAsync("Rev.2", Actors.Secretariat);
        Assert.Empty((await mou.GetPositionsAsync(2))!.Positions);
        Assert.Equal(Failure.Conflict, (await mou.GivePositionAsync(1, "FRA", PositionKind.Agree, "", Actors.Delegate("FRA"))).Failure);
        Assert.Equal(Failure.Conflict, (await mou.GivePositionAsync(2, "NPL", PositionKind.Agree, "", Actors.Delegate("NPL"))).Failure);
    }

    [Fact]
    public async Task The_organization_index_lists_its_mous_with_their_status()
    {
        var mou = await NewMouAsync("osce");
        var list = await fixture.Grains.GetGrain<IOrganizationGrain>("osce").ListAsync();
        var summary = Assert.Single(list, m => m.Id == mou.GetPrimaryKeyString());
        Assert.Equal(MouStatus.Drafting, summary.Status);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IOrganizationGrain>("nato").ListAsync(), m => m.Id == summary.Id);
    }

    [Fact]
    public async Task A_removed_clause_leaves_the_text_and_shows_as_removed_in_compare_data()
    {
        var mou = await NewMouAsync();
        var a = await AddAsync(mou, "A.");
        var b = await AddAsync(mou, "B.");
        await mou.PublishRevisionAsync("Rev.1", Actors.Secretariat);
        Assert.True((await mou.RemoveClauseAsync(a.Id, Actors.Secretariat)).Ok);
        await mou.PublishRevisionAsync("Rev.2", Actors.Secretariat);

        Assert.Equal([b.Id], (await mou.GetClausesAsync()).Select(c => c.Id));
        Assert.True(await mou.HasClauseAsync(a.Id));
        Assert.Equal(2, (await mou.GetRevisionAsync(1))!.Clauses.Count);
        Assert.Single((await mou.GetRevisionAsync(2))!.Clauses);
    }
}
