using Xunit.Abstractions;
using System.Xml;
using System.Xml.Schema;

namespace MouWorkspace.Documents.Tests;

public sealed class AkomaNtosoSchemaTests(ITestOutputHelper output)
{
    [Fact]
    public void The_shared_schema_compiles_with_the_xml_namespace_attributes()
    {
        var schemas = AkomaNtosoSchema.Require();
        output.WriteLine($"schema: {AkomaNtosoSchema.Path}");
        Assert.True(schemas.IsCompiled);
        Assert.Contains(schemas.GlobalElements.Names.Cast<System.Xml.XmlQualifiedName>(), n => n.Name == "akomaNtoso");
    }

    [Fact]
    public void The_validation_helper_does_find_errors()
    {
        var schemas = AkomaNtosoSchema.Require();
        var invalid = System.Text.Encoding.UTF8.GetBytes(
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\"><preamble><paragraph/></preamble></doc></akomaNtoso>");
        Assert.NotEmpty(AkomaNtosoSchema.Validate(schemas, invalid));
    }
}
