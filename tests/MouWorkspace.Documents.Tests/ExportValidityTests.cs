using MouWorkspace.Documents.Tests.Support;

namespace MouWorkspace.Documents.Tests;

public class ExportValidityTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("zh")]
    public void Clean_export_validates(string language) => Docx.Export(Samples.Clean(language));

    [Fact]
    public void Redline_export_validates() => Docx.Export(Samples.Redline());

    [Fact]
    public void Export_with_comments_replies_and_annex_validates() => Docx.Export(Samples.WithComments());
}

public class DumpForManualCheck
{
    [Fact]
    public void Dump()
    {
        var mixed = Samples.Clauses.Append(new("a1", "OP4", "", Samples.Arabic, MouWorkspace.Domain.Numbering.ClauseKind.Operative))
            .Append(new("z1", "OP5", "", Samples.Chinese, MouWorkspace.Domain.Numbering.ClauseKind.Operative)).ToArray();
        File.WriteAllBytes("/tmp/mou-mixed.docx", Docx.Export(Samples.Clean("en", mixed)));
        File.WriteAllBytes("/tmp/mou-redline.docx", Docx.Export(Samples.Redline()));
        File.WriteAllBytes("/tmp/mou-comments.docx", Docx.Export(Samples.WithComments()));
    }
}
