using MouWorkspace.Domain.Revisions;

namespace MouWorkspace.Domain.Tests;

public class RevisionHashTests
{
    private static readonly ClauseSnapshot[] Sample =
    [
        new("c1", "OP1", "Standards of conduct", "The [Government] shall ensure …", 3),
        new("c2", "PP1", "", "تلتزم الدول 维和 Миротворцы 🇺🇳", 1),
    ];

    [Fact]
    public void Hash_matches_the_documented_encoding()
    {
        // Computed independently (Python hashlib) from the encoding documented on RevisionHash.Compute.
        Assert.Equal("sha256:be9ea7360773a0236ed32836af3170f1b20216186b6f360f4c3520f4dd30830b", RevisionHash.Compute([]));
        Assert.Equal("sha256:5d854610d35e535710d34dd7db3cd4badf5ab32ab62f4dd75115f76c82c75336", RevisionHash.Compute(Sample));
    }

    [Fact]
    public void Hash_is_sha256_prefixed_lowercase_hex()
    {
        Assert.Matches("^sha256:[0-9a-f]{64}$", RevisionHash.Compute(Sample));
    }

    [Fact]
    public void Hash_ignores_the_draft_version()
    {
        var resaved = Sample.Select(c => c with { Version = c.Version + 1 }).ToArray();
        Assert.Equal(RevisionHash.Compute(Sample), RevisionHash.Compute(resaved));
    }

    [Fact]
    public void Hash_changes_with_any_field_or_the_order()
    {
        var original = RevisionHash.Compute(Sample);
        Assert.NotEqual(original, RevisionHash.Compute([Sample[0] with { Text = "The [Government] shall ensure ..." }, Sample[1]]));
        Assert.NotEqual(original, RevisionHash.Compute([Sample[0] with { Number = "OP1 bis" }, Sample[1]]));
        Assert.NotEqual(original, RevisionHash.Compute([Sample[0] with { Heading = "Conduct" }, Sample[1]]));
        Assert.NotEqual(original, RevisionHash.Compute([Sample[0] with { Id = "c9" }, Sample[1]]));
        Assert.NotEqual(original, RevisionHash.Compute([Sample[1], Sample[0]]));
        Assert.NotEqual(original, RevisionHash.Compute([Sample[0]]));
    }

    [Fact]
    public void Hash_cannot_be_fooled_by_moving_text_across_field_boundaries()
    {
        var a = RevisionHash.Compute([new ClauseSnapshot("c1", "OP1", "ab", "c", 1)]);
        var b = RevisionHash.Compute([new ClauseSnapshot("c1", "OP1", "a", "bc", 1)]);
        var c = RevisionHash.Compute([new ClauseSnapshot("c1", "OP1", "", "", 1), new ClauseSnapshot("", "", "", "", 1)]);
        var d = RevisionHash.Compute([new ClauseSnapshot("c1", "OP1", "", "", 1)]);
        Assert.Equal(4, new[] { a, b, c, d }.Distinct().Count());
    }
}
