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

    /// <summary>Issue 9: a right-to-left annex table put w:bidiVisual after w:tblW, which the schema does not allow.</summary>
    [Theory]
    [InlineData("ar")]
    [InlineData("zh")]
    public void Annex_validates_in_right_to_left_and_east_asian_documents(string language) =>
        Docx.Export(Samples.WithComments() with { Language = language });
}
