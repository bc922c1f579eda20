using System.Globalization;
using System.IO.Compression;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Markups;
using MouWorkspace.Documents.Tests.Support;

namespace MouWorkspace.Documents.Tests;

/// <summary>Packages built to hurt the reader: each is refused, in our words, before the OpenXml SDK parses it.</summary>
public class HostileDocxTests
{
    private static DocumentRejectedException Rejected(byte[] bytes)
    {
        var error = Assert.ThrowsAny<DocumentRejectedException>(() => WordImporter.Read(new MemoryStream(bytes), ImportOptions.Default));
        Assert.All(HostileDocx.ParserPhrases, phrase => Assert.DoesNotContain(phrase, error.Message, StringComparison.OrdinalIgnoreCase));
        // The markup upload goes through the same gate, with the same answer.
        var markup = Assert.Throws(error.GetType(), () => MarkupReader.Read(new MemoryStream(bytes), []));
        Assert.Equal(error.Message, markup.Message);
        return error;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_builder_makes_readable_packages()
    {
        var imported = WordImporter.Read(new MemoryStream(HostileDocx.Clean()), ImportOptions.Default);
        Assert.Equal([new ImportedClause("OP1", Domain.Numbering.ClauseKind.Operative, "", "The Parties shall cooperate.")], imported.Clauses);
        Assert.Empty(MarkupReader.Read(new MemoryStream(HostileDocx.Clean()), []).Proposals);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(50_000)] // overflowed the stack in the SDK's DOM load before the guard (the process died)
    [InlineData(200_000)]
    public void Deep_nesting_is_refused_with_its_depth_and_the_limit(int depth)
    {
        var bytes = HostileDocx.Deep(depth);
        Assert.True(bytes.Length < 64 * 1024, $"{bytes.Length} bytes on the wire");

        var error = Assert.IsType<XmlLimitExceededException>(Rejected(bytes));

        Assert.Equal(RejectionReason.TooComplex, error.Reason);
        Assert.Equal("word/document.xml", error.Part);
        Assert.Contains(Invariant($"nested {HostileDocx.DeepestLevel(depth):N0} levels deep"), error.Message);
        Assert.Contains(Invariant($"at most {XmlLimits.MaxDepth:N0} are accepted"), error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_level_more_is_not()
    {
        var atLimit = XmlLimits.MaxDepth - HostileDocx.DeepestLevel(0);
        WordImporter.Read(new MemoryStream(HostileDocx.Deep(atLimit)), ImportOptions.Default);
        MarkupReader.Read(new MemoryStream(HostileDocx.Deep(atLimit)), []);
        Assert.IsType<XmlLimitExceededException>(Rejected(HostileDocx.Deep(atLimit + 1)));
    }

    [Fact]
    public void A_huge_paragraph_count_is_refused_by_the_element_limit()
    {
        var bytes = HostileDocx.ManyParagraphs(XmlLimits.MaxElements);
        Assert.True(bytes.Length < 1024 * 1024, $"{bytes.Length} bytes on the wire");

        var error = Assert.IsType<XmlLimitExceededException>(Rejected(bytes));

        Assert.Equal("word/document.xml", error.Part);
        Assert.Contains(Invariant($"more than {XmlLimits.MaxElements:N0} elements"), error.Message);
    }

    [Theory]
    [InlineData("word/document.xml")]
    [InlineData("word/comments.xml")]
    [InlineData("customXml/item1.xml")] // a part the SDK would never have parsed: refused all the same
    public void A_dtd_in_any_part_is_refused_by_name(string part)
    {
        var error = Rejected(HostileDocx.DtdPackage(part));

        Assert.Equal(RejectionReason.UnsafeXml, error.Reason);
        Assert.Contains(part, error.Message);
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void A_dtd_in_the_content_types_is_refused_in_our_words()
    {
        var error = Rejected(HostileDocx.DtdPackage("[Content_Types].xml"));
        Assert.Equal(RejectionReason.Damaged, error.Reason);
        Assert.Contains("[Content_Types].xml", error.Message);
    }

    [Fact]
    public void Understated_sizes_pass_the_central_directory_and_expand_no_further_than_they_claim()
    {
        var bytes = HostileDocx.Understated(60 * 1024 * 1024, claimedBytes: 1000);
        Assert.True(bytes.Length < 1024 * 1024, $"{bytes.Length} bytes on the wire");
        // What the guard (and the SDK after it) rely on: the runtime inflates an entry only up to its declared size,
        // so a lie about the size truncates the part instead of expanding it past the checks.
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            Assert.Equal(1000, entry.Length);
            using var content = new MemoryStream();
            using (var stream = entry.Open())
                stream.CopyTo(content);
            Assert.Equal(1000, content.Length);
        }

        var error = Rejected(bytes);

        // Not refused by the declared sizes (they are small): read through, then found truncated.
        Assert.Equal(RejectionReason.Damaged, error.Reason);
        Assert.Contains("word/document.xml is not well-formed XML", error.Message);
    }

    [Fact]
    public void Understated_sizes_reach_the_real_size_check_which_expands_every_entry()
    {
        // Only PackageGuard.CheckRealSizes expands the document part's data before the XML checks: this message is its own.
        var error = Rejected(HostileDocx.Understated(60 * 1024 * 1024, claimedBytes: 1000, damaged: true));

        Assert.Equal(RejectionReason.Damaged, error.Reason);
        Assert.Equal("The package is damaged: its entry 'word/document.xml' cannot be expanded.", error.Message);
    }
}
