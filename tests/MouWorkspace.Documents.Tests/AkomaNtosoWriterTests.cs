using System.Text;
using System.Xml.Linq;
using MouWorkspace.Documents.AkomaNtoso;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.Tests;

public sealed class AkomaNtosoWriterTests
{
    private static readonly XNamespace A = Akn.Namespace;

    internal static ExportDocument Sample(string language = "en", string? symbol = "Rev.2") => new(
        "United Nations",
        "Model MOU between the United Nations and [Participating State]",
        symbol,
        new DateOnly(2007, 3, 14),
        AdvanceUnedited: false,
        language,
        [
            new ExportClause("c1", "PP1", "Recalling", "Recalling the bulletin ST/SGB/2003/13,", ClauseKind.Preambular),
            new ExportClause("c2", "OP1", "Training", "States [shall][should] train all personnel.", ClauseKind.Operative),
            new ExportClause("c3", "OP2", "", "The Government [shall [promptly][without delay] investigate][may investigate] allegations.", ClauseKind.Operative),
            new ExportClause("c4", "OP2 bis", "Jurisdiction", "  Two  spaces,\ta tab,\nnew line\r\nand CRLF; stray ] and [ and [] end.  ", ClauseKind.Operative),
            new ExportClause("c5", "OP3", "العنوان", "تتخذ الدول [يجب][ينبغي] التدابير [المناسبة [فورا]].", ClauseKind.Operative),
            new ExportClause("c6", "OP4", "标题", "各国[应][宜]培训所有人员[，包括[警察][军事]人员]。 & <tags> \"quotes\"", ClauseKind.Operative),
        ]);

    internal static AknExportContext Context() => new("01HX7Q2M3N4P5R6S7T8V9W0XYZ", "un", new DateOnly(2006, 1, 10))
    {
        Sponsors = new Dictionary<string, AknSponsor>
        {
            ["c2"] = new("Delegate of France", "FRA"),
            ["c3"] = new("Docs legal officer", null),
            ["c5"] = new("Delegate of Morocco", "MAR"),
            ["c6"] = new("Delegate of France", "FRA"),
        },
    };

    [Fact]
    public void An_export_with_arabic_chinese_and_nested_brackets_validates_against_the_schema_with_zero_errors()
    {
        var schemas = AkomaNtosoSchema.Require();
        foreach (var language in new[] { "en", "fr", "es", "ru", "zh", "ar" })
        {
            var errors = AkomaNtosoSchema.Validate(schemas, AkomaNtosoWriter.ToBytes(Sample(language), Context()));
            Assert.True(errors.Count == 0, language + ":\n" + string.Join("\n", errors));
        }
    }

    [Fact]
    public void Drafts_no_preamble_no_operative_paragraphs_and_advance_unedited_all_validate()
    {
        var schemas = AkomaNtosoSchema.Require();
        var sample = Sample(symbol: null);
        var variants = new[]
        {
            sample,
            sample with { AdvanceUnedited = true },
            sample with { Clauses = sample.Clauses.Where(c => c.Kind == ClauseKind.Operative).ToArray() },
            sample with { Clauses = sample.Clauses.Where(c => c.Kind == ClauseKind.Preambular).ToArray() },
            sample with { Clauses = [] },
        };
        foreach (var variant in variants)
        {
            var errors = AkomaNtosoSchema.Validate(schemas, AkomaNtosoWriter.ToBytes(variant, new AknExportContext("m1", "osce", new DateOnly(2006, 1, 1))));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void The_document_carries_frbr_metadata_after_the_akn4un_naming_convention()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(AkomaNtosoWriter.ToBytes(Sample("fr"), Context())));
        var doc = xml.Root!.Element(A + "doc")!;
        Assert.Equal("memorandumOfUnderstanding", (string?)doc.Attribute("name"));
        var identification = doc.Element(A + "meta")!.Element(A + "identification")!;
        Assert.Equal("#mouworkspace", (string?)identification.Attribute("source"));
        const string work = "/akn/un/doc/memorandumOfUnderstanding/2006-01-10/01HX7Q2M3N4P5R6S7T8V9W0XYZ";
        Assert.Equal(work + "/!main", Value(identification.Element(A + "FRBRWork")!, "FRBRthis"));
        Assert.Equal("un", Value(identification.Element(A + "FRBRWork")!, "FRBRcountry"));
        var expression = identification.Element(A + "FRBRExpression")!;
        Assert.Equal(work + "/fra@rev.2/!main", Value(expression, "FRBRthis"));
        Assert.Equal("Rev.2", Value(expression, "FRBRversionNumber"));
        Assert.Equal("fra", (string?)expression.Element(A + "FRBRlanguage")!.Attribute("language"));
        Assert.Equal("2007-03-14", (string?)expression.Element(A + "FRBRdate")!.Attribute("date"));
        Assert.Equal(work + "/fra@rev.2.akn/!main.xml", Value(identification.Element(A + "FRBRManifestation")!, "FRBRthis"));

        var references = doc.Element(A + "meta")!.Element(A + "references")!;
        Assert.Equal(["un", "mouworkspace", "fra", "person_docs_legal_officer", "mar"],
            references.Elements().Select(e => (string?)e.Attribute("eId")));
        Assert.Equal("TLCPerson", references.Elements().Single(e => (string?)e.Attribute("eId") == "person_docs_legal_officer").Name.LocalName);

        Assert.Equal(Sample().Title, doc.Descendants(A + "docTitle").Single().Value);
        Assert.Equal("Rev.2", doc.Descendants(A + "docNumber").Single().Value);
    }

    [Fact]
    public void Paragraphs_have_stable_eids_from_their_numbers_and_brackets_keep_sponsor_and_alternatives()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(AkomaNtosoWriter.ToBytes(Sample(), Context())), LoadOptions.PreserveWhitespace);
        var doc = xml.Root!.Element(A + "doc")!;
        Assert.Equal(["rec_PP1"], doc.Element(A + "preamble")!.Descendants(A + "recital").Select(r => (string?)r.Attribute("eId")));
        Assert.Equal(["para_OP1", "para_OP2", "para_OP2bis", "para_OP3", "para_OP4"],
            doc.Element(A + "mainBody")!.Elements(A + "paragraph").Select(p => (string?)p.Attribute("eId")));
        var op2bis = doc.Descendants(A + "paragraph").Single(p => (string?)p.Attribute("eId") == "para_OP2bis");
        Assert.Equal("OP2 bis", op2bis.Element(A + "num")!.Value);
        Assert.Equal("Jurisdiction", op2bis.Element(A + "heading")!.Value);
        Assert.Null(doc.Descendants(A + "paragraph").Single(p => (string?)p.Attribute("eId") == "para_OP2").Element(A + "heading"));

        var outer = doc.Descendants(A + "paragraph").Single(p => (string?)p.Attribute("eId") == "para_OP2").Descendants(A + "inline").First();
        Assert.Equal("bracket", (string?)outer.Attribute("name"));
        Assert.Equal("#person_docs_legal_officer", (string?)outer.Attribute("refersTo"));
        var alternatives = outer.Elements(A + "inline").ToList();
        Assert.Equal(2, alternatives.Count);
        Assert.All(alternatives, a => Assert.Equal("alternative", (string?)a.Attribute("name")));
        var nested = Assert.Single(alternatives[0].Elements(A + "inline"));
        Assert.Equal(["promptly", "without delay"], nested.Elements(A + "inline").Select(e => e.Value));
        Assert.Equal("may investigate", alternatives[1].Value);
        Assert.Equal("#fra", (string?)doc.Descendants(A + "inline").First(e => e.Value == "shallshould").Attribute("refersTo"));
    }

    [Fact]
    public void Equal_or_odd_numbers_still_give_unique_valid_eids()
    {
        var used = new HashSet<string>();
        Assert.Equal("para_OP3bis", AkomaNtosoWriter.EIdFor("para", "OP3 bis", 1, used));
        Assert.Equal("para_OP3bis_2", AkomaNtosoWriter.EIdFor("para", "OP3 bis", 2, used));
        Assert.Equal("para_3", AkomaNtosoWriter.EIdFor("para", "  ", 3, used));
        Assert.Equal("para_Annex_A_", AkomaNtosoWriter.EIdFor("para", "Annex (A)", 4, used));
        Assert.Equal("para_____", AkomaNtosoWriter.EIdFor("para", "§١٢٣", 5, used)[..9]);
    }

    [Fact]
    public void Reading_the_export_back_gives_every_clause_number_heading_and_text_exactly()
    {
        var sample = Sample();
        var imported = AkomaNtosoReader.Read(new MemoryStream(AkomaNtosoWriter.ToBytes(sample, Context())), ImportOptions.Default);

        Assert.Equal(sample.Title, imported.Title);
        Assert.Equal(
            sample.Clauses.Select(c => (c.Number, c.Kind, c.Heading, c.Text)),
            imported.Clauses.Select(c => (c.Number!, c.Kind, c.Heading, c.Text)));
    }

    [Fact]
    public void Export_read_export_gives_the_same_bytes()
    {
        var sample = Sample();
        var first = AkomaNtosoWriter.ToBytes(sample, Context());
        var read = AkomaNtosoReader.Read(new MemoryStream(first), ImportOptions.Default);
        var again = sample with
        {
            Title = read.Title!,
            Clauses = sample.Clauses.Zip(read.Clauses, (o, r) => new ExportClause(o.Id, r.Number!, r.Heading, r.Text, r.Kind)).ToArray(),
        };
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(AkomaNtosoWriter.ToBytes(again, Context())));
    }

    private static string? Value(XElement parent, string name) => (string?)parent.Element(A + name)!.Attribute("value");
}
