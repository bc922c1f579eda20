using System.Text;
using MouWorkspace.Documents.AkomaNtoso;
using MouWorkspace.Documents.Import;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

public sealed class AkomaNtosoReaderTests
{
    private const string Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static ImportedText Read(string xml, ImportOptions? options = null) =>
        AkomaNtosoReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), options ?? ImportOptions.Default);

    private static DocumentRejectedException Rejected(string xml, ImportOptions? options = null)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Read(xml, options));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><a/>", true)]
    [InlineData("\uFEFF  \n<akomaNtoso/>", true)]
    [InlineData("PK\u0003\u0004", false)]
    [InlineData("plain text", false)]
    [InlineData("", false)]
    public void Uploads_that_start_like_xml_are_recognised(string head, bool xml) =>
        Assert.Equal(xml, AkomaNtosoReader.LooksLikeXml(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Xml_that_is_not_well_formed_is_refused() =>
        Assert.Equal(RejectionReason.NotXml, Rejected($"<akomaNtoso xmlns=\"{Ns}\"><doc name=\"x\">").Reason);

    [Fact]
    public void Another_xml_vocabulary_is_refused_naming_the_root()
    {
        var error = Rejected("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
        Assert.Equal(RejectionReason.NotAkomaNtoso, error.Reason);
        Assert.Contains("<html>", error.Message);
    }

    [Fact]
    public void Akoma_ntoso_without_the_3_0_namespace_is_refused() =>
        Assert.Equal(RejectionReason.NotAkomaNtoso, Rejected("<akomaNtoso><doc name=\"x\"><mainBody/></doc></akomaNtoso>").Reason);

    [Theory]
    [InlineData("<!DOCTYPE akomaNtoso [<!ENTITY x \"boom\">]><akomaNtoso/>")]
    [InlineData("<!DOCTYPE akomaNtoso SYSTEM \"http://example.invalid/akn.dtd\"><akomaNtoso/>")]
    [InlineData("<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><a>&b;</a>")]
    public void Dtds_and_entities_are_refused_before_anything_is_expanded_or_fetched(string xml)
    {
        var error = Rejected(xml);
        Assert.Equal(RejectionReason.NotXml, error.Reason);
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void Files_over_the_size_limit_are_refused()
    {
        var xml = $"<akomaNtoso xmlns=\"{Ns}\">" + new string(' ', 5000) + "</akomaNtoso>";
        Assert.Equal(RejectionReason.TooLarge, Rejected(xml, ImportOptions.Default with { MaxFileBytes = 1000 }).Reason);
    }

    [Fact]
    public void Absurd_nesting_is_refused()
    {
        var xml = $"<akomaNtoso xmlns=\"{Ns}\"><doc name=\"x\"><mainBody><paragraph><content><p>"
            + string.Concat(Enumerable.Repeat("<inline name=\"x\">", 5000)) + string.Concat(Enumerable.Repeat("</inline>", 5000))
            + "</p></content></paragraph></mainBody></doc></akomaNtoso>";
        Assert.Equal(RejectionReason.Damaged, Rejected(xml).Reason);
    }

    [Fact]
    public void Numbers_are_normalised_and_unnumbered_paragraphs_take_their_section_kind()
    {
        var text = Read($"""
            <akomaNtoso xmlns="{Ns}"><doc name="memorandumOfUnderstanding"><meta/>
              <preamble><recitals><recital><num>pp2</num><p>Recalling,</p></recital><recital><p>Noting,</p></recital></recitals></preamble>
              <mainBody><paragraph><num>op5 BIS</num><content><p>A <inline name="bracket"><inline name="alternative">x</inline><inline name="alternative"></inline></inline>.</p></content></paragraph>
              <paragraph><num>Annex</num><content><p>One</p><p>Two</p></content></paragraph></mainBody></doc></akomaNtoso>
            """);
        Assert.Null(text.Title);
        Assert.Equal(
            [("PP2", ClauseKind.Preambular, "Recalling,"), (null, ClauseKind.Preambular, "Noting,"), ("OP5 bis", ClauseKind.Operative, "A [x][]."), (null, ClauseKind.Operative, "One\nTwo")],
            text.Clauses.Select(c => (c.Number, c.Kind, c.Text)));
    }
}
