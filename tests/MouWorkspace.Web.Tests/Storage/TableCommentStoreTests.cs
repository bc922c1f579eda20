using Azure.Data.Tables;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Grains.Clauses;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Storage;

/// <summary>The comment store against a real Azurite: grouped writes, order, clashes and every script.</summary>
[Collection("azurite")]
public sealed class TableCommentStoreTests(AzuriteFixture azurite)
{
    private TableCommentStore Store() => new(new TableServiceClient(azurite.ConnectionString));

    private static Comment NewComment(string text) =>
        new(Guid.NewGuid().ToString("N")[..12], "Delegate of France", "FRA", text, null, null, DateTimeOffset.UtcNow, false, 1);

    [Fact]
    public async Task Concurrent_comments_of_one_mou_are_all_stored_in_order_per_clause()
    {
        var store = Store();
        var mou = "m" + Guid.NewGuid().ToString("N")[..11];
        string[] clauses = ["c1aaaaaaaaaa", "c2bbbbbbbbbb", "c3cccccccccc"];
        var written = clauses.SelectMany(c => Enumerable.Range(1, 60).Select(n => (Clause: c, Number: n, Comment: NewComment($"{c} comment {n}")))).ToList();

        await Task.WhenAll(written.Select(w => store.AddAsync(mou, w.Clause, w.Number, w.Comment)));

        foreach (var clause in clauses)
        {
            var read = await store.ReadAsync(mou, clause);
            Assert.Equal(written.Where(w => w.Clause == clause).OrderBy(w => w.Number).Select(w => w.Comment.Id), read.Select(c => c.Id));
        }
    }

    [Fact]
    public async Task A_number_held_by_another_comment_fails_only_that_comment_and_a_retry_of_the_same_comment_succeeds()
    {
        var store = Store();
        var mou = "m" + Guid.NewGuid().ToString("N")[..11];
        var first = NewComment("first");
        await store.AddAsync(mou, "clause000001", 1, first);

        var clash = NewComment("clash");
        var others = Enumerable.Range(2, 20).Select(n => store.AddAsync(mou, "clause000001", n, NewComment($"other {n}"))).ToList();
        var clashing = store.AddAsync(mou, "clause000001", 1, clash);
        var retry = store.AddAsync(mou, "clause000001", 1, first);

        await Assert.ThrowsAsync<InvalidOperationException>(() => clashing);
        await retry;
        await Task.WhenAll(others);
        var read = await store.ReadAsync(mou, "clause000001");
        Assert.Equal(21, read.Count);
        Assert.Equal(first.Id, read[0].Id);
        Assert.DoesNotContain(read, c => c.Id == clash.Id);
    }

    [Fact]
    public async Task Long_texts_in_every_un_script_survive_and_a_resolve_replaces_the_comment()
    {
        var store = Store();
        var mou = "m" + Guid.NewGuid().ToString("N")[..11];
        string[] texts =
        [
            string.Concat(Enumerable.Repeat("يحظر الاستغلال والانتهاك الجنسيان ", 700))[..20_000],
            string.Concat(Enumerable.Repeat("部队派遣国应确保其人员遵守行为标准。", 1_200))[..20_000],
            "Государства обязуются 🇺🇳 принимать меры", "Les États s'engagent", "Los Estados se comprometen", "<script>alert(1)</script> & \"quotes\"",
        ];
        var comments = texts.Select(NewComment).ToList();
        await Task.WhenAll(comments.Select((c, i) => store.AddAsync(mou, "clause000002", i + 1, c)));
        var resolved = comments[2] with { Resolved = true, ResolvedBy = "Secretariat", ResolvedAt = DateTimeOffset.UtcNow };
        await store.ReplaceAsync(mou, "clause000002", 3, resolved);

        var read = await store.ReadAsync(mou, "clause000002");
        Assert.Equal(texts, read.Select(c => c.Text));
        Assert.True(read[2].Resolved);
        Assert.Equal("Secretariat", read[2].ResolvedBy);
        Assert.Equal(comments[0].At, read[0].At);
    }
}
