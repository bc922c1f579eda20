using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Grains.Clauses;
using Orleans.Storage;

namespace MouWorkspace.Grains.Tests;

/// <summary>Clauses stored by the version that kept comments inside the clause's blob.</summary>
[Collection("cluster")]
public sealed class CommentMoveTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Comments_kept_in_the_clause_blob_move_to_the_comment_store_on_first_use()
    {
        var services = fixture.Cluster.GetSiloServiceProvider();
        var blobs = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Blobs);
        var (mouId, clauseId) = (Ids.New(), Ids.New());
        var key = ClauseKey.For(mouId, clauseId);
        var grainId = GrainId.Create("clause", key);
        var at = DateTimeOffset.UtcNow;
        Comment[] old =
        [
            new(Ids.New(), "Delegate of France", "FRA", "We cannot accept “exclusive”.", "exclusive", null, at, false, 1),
            new(Ids.New(), "Delegate of India", "IND", "نؤيد هذا النص", null, null, at, true, 1, "Secretariat", at),
        ];
        var legacy = new ClauseState
        {
            MouId = mouId, ClauseId = clauseId, Number = "OP1", Heading = "Jurisdiction",
            Drafts = [new Draft(1, "The Government shall have exclusive jurisdiction.", "Secretariat", null, at, "first", "Jurisdiction")],
            Comments = [.. old],
        };
        await blobs.WriteStateAsync("clause", grainId, new GrainState<ClauseState>(legacy));

        var grain = fixture.Grains.GetGrain<IClauseGrain>(key);
        var comments = await grain.GetCommentsAsync();

        Assert.Equal(old, comments);
        var store = services.GetRequiredService<ICommentStore>();
        Assert.Equal(old, await store.ReadAsync(mouId, clauseId));
        var stored = new GrainState<ClauseState>();
        await blobs.ReadStateAsync("clause", grainId, stored);
        Assert.Empty(stored.State!.Comments);
        Assert.Single(stored.State.Drafts);

        var reply = await grain.AddCommentAsync("Agreed.", null, old[0].Id, new Actor("u9", "Delegate of Chile", "Delegate", "CHL", "un"));
        Assert.True(reply.Ok, reply.Message);
        Assert.Equal([old[0].Id, old[1].Id, reply.Value!.Id], (await store.ReadAsync(mouId, clauseId)).Select(c => c.Id));
    }
}
