using System.Xml;
using System.Xml.Schema;

namespace MouWorkspace.Documents.Tests;

/// <summary>
/// The OASIS Akoma Ntoso 3.0 schema, read from the shared folder next to the repository (never copied into it).
/// A missing schema fails the test that needs it (<see cref="Require"/>): CI always has ../shared beside the clone,
/// and a test that returned early without validating would pass while proving nothing.
/// </summary>
public static class AkomaNtosoSchema
{
    private static readonly Lazy<XmlSchemaSet?> Schemas = new(LoadSet);

    public static string? Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("AKN_SCHEMA") is { Length: > 0 } configured && File.Exists(configured))
                return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "schemas", "akomantoso30.xsd");
                if (File.Exists(candidate))
                    return candidate;
            }
            return null;
        }
    }

    private const string XmlNamespaceSchema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
          <xs:attribute name="lang" type="xs:string"/>
          <xs:attribute name="space">
            <xs:simpleType>
              <xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction>
            </xs:simpleType>
          </xs:attribute>
          <xs:attribute name="id" type="xs:ID"/>
          <xs:attribute name="base" type="xs:anyURI"/>
        </xs:schema>
        """;

    /// <summary>The compiled schema; fails the calling test, naming where it looked, when the schema is absent.</summary>
    public static XmlSchemaSet Require() => Schemas.Value ?? throw new Xunit.Sdk.XunitException(
        "the Akoma Ntoso schema is missing: expected shared/schemas/akomantoso30.xsd in a folder above " +
        $"{AppContext.BaseDirectory} (../shared beside the clone), or a file named by AKN_SCHEMA " +
        $"(now '{Environment.GetEnvironmentVariable("AKN_SCHEMA")}'). These tests validate against it and cannot pass without it.");

    private static XmlSchemaSet? LoadSet()
    {
        if (Path is not { } path)
            return null;
        // The schema imports "./xml.xsd" for xml:lang and xml:space; that file is not shipped next to it, so the few
        // attributes of the XML namespace are declared here and nothing is resolved from disk or network.
        var set = new XmlSchemaSet { XmlResolver = null };
        using (var xmlNamespace = XmlReader.Create(new StringReader(XmlNamespaceSchema)))
            set.Add(null, xmlNamespace);
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
            set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>All schema errors and warnings of <paramref name="xml"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(XmlSchemaSet schemas, byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}
