using MouWorkspace.Documents.Tests;
using MouWorkspace.Documents.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Documents;

[Collection("api")]
public sealed class AkomaNtosoApiTests(ApiFixture fixture)
{
    private static readonly XNamespace A = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private async Task<(HttpClient Sec, string MouId)> NegotiatedAsync()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "AKN secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "MAR");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = "Recalling", text = "Recalling the bulletin ST/SGB/2003/13,", kind = "preambular" })).JsonAsync(HttpStatusCode.Created);
        var op1 = await sec.AddClauseAsync(mou, "States [shall][should] train all personnel.", "Training");
        await sec.AddClauseAsync(mou, "The Government [shall [promptly][without delay] investigate][may investigate] allegations.", "");
        await sec.AddClauseAsync(mou, "تتخذ الدول [يجب][ينبغي] التدابير [المناسبة [فورا]].", "العنوان");
        await sec.AddClauseAsync(mou, "各国[应][宜]培训所有人员[，包括[警察][军事]人员]。", "标题");
        await sec.AddClauseAsync(mou, "Inserted  between,  with  double spaces.", "Inserted", after: op1);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        return (sec, mou);
    }

    private static string[] Shape(System.Text.Json.JsonElement mou) => mou.GetProperty("clauses").EnumerateArray()
        .Select(c => $"{c.GetProperty("number").GetString()}|{c.GetProperty("heading").GetString()}|{c.GetProperty("text").GetString()}").ToArray();

    [Fact]
    public async Task A_revision_exports_as_akoma_ntoso_that_validates_with_zero_errors_in_every_language()
    {
        var (sec, mou) = await NegotiatedAsync();
        // Arabic and Chinese exports need those language versions (issue 15.5); untranslated clauses stay in the original.
        await Languages.ParallelTextsApiTests.AddLanguageAsync(sec, mou, "ar");
        await Languages.ParallelTextsApiTests.AddLanguageAsync(sec, mou, "zh");
        foreach (var language in new[] { "en", "ar", "zh" })
        {
            var response = await sec.GetAsync($"/api/mous/{mou}/export.akn.xml?revision=1&language={language}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), response.Headers.GetValues("X-Content-SHA256").Single());

            var xml = XDocument.Parse(Encoding.UTF8.GetString(bytes));
            var doc = xml.Root!.Element(A + "doc")!;
            Assert.Equal("memorandumOfUnderstanding", (string?)doc.Attribute("name"));
            Assert.Equal("Rev.1", (string?)doc.Descendants(A + "FRBRversionNumber").Single().Attribute("value"));
            Assert.Equal(["rec_PP1"], doc.Descendants(A + "recital").Select(p => (string?)p.Attribute("eId")));
            Assert.Equal(["para_OP1", "para_OP1bis", "para_OP2", "para_OP3", "para_OP4"], doc.Descendants(A + "paragraph").Select(p => (string?)p.Attribute("eId")));
            Assert.Contains(doc.Descendants(A + "TLCPerson"), p => (string?)p.Attribute("showAs") == "AKN secretariat");

            var schemas = AkomaNtosoSchema.Require();
            var errors = AkomaNtosoSchema.Validate(schemas, bytes);
            Assert.True(errors.Count == 0, language + ":\n" + string.Join("\n", errors));
        }
    }

    [Fact]
    public async Task Drafts_export_and_bad_requests_are_refused_like_the_word_export()
    {
        var (sec, mou) = await NegotiatedAsync();
        var drafts = await sec.GetAsync($"/api/mous/{mou}/export.akn.xml");
        Assert.Equal(HttpStatusCode.OK, drafts.StatusCode);
        Assert.Equal("Draft", (string?)XDocument.Parse(await drafts.Content.ReadAsStringAsync()).Descendants(A + "FRBRversionNumber").Single().Attribute("value"));
        await (await sec.GetAsync($"/api/mous/{mou}/export.akn.xml?language=de")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync($"/api/mous/{mou}/export.akn.xml?revision=9")).ProblemAsync(HttpStatusCode.NotFound);
        var nato = await fixture.App.ClientAsync("Observer", organization: "nato", name: "NATO observer");
        await (await nato.GetAsync($"/api/mous/{mou}/export.akn.xml")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_import_export_gives_the_same_clauses_numbers_headings_and_brackets()
    {
        var (sec, mou) = await NegotiatedAsync();
        var bytes = await (await sec.GetAsync($"/api/mous/{mou}/export.akn.xml?revision=1")).Content.ReadAsByteArrayAsync();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "roundtrip.akn.xml" }, { new StringContent("FRA MAR"), "parties" } };
        var created = await (await sec.PostAsync("/api/mous/import", form)).JsonAsync(HttpStatusCode.Created);
        var importedId = created.GetProperty("id").GetString()!;
        var imported = await (await sec.GetAsync($"/api/mous/{importedId}")).JsonAsync(HttpStatusCode.OK);
        var original = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Shape(original), Shape(imported));
        Assert.Equal(original.GetProperty("title").GetString(), imported.GetProperty("title").GetString());

        var again = await (await sec.GetAsync($"/api/mous/{importedId}/export.akn.xml")).Content.ReadAsStringAsync();
        static string[] Paragraphs(string xml) => XDocument.Parse(xml).Descendants()
            .Where(e => e.Name == A + "paragraph" || e.Name == A + "recital")
            .Select(e => (string?)e.Attribute("eId") + "|" + e.Element(A + "num")!.Value + "|" + e.Element(A + "heading")?.Value + "|" + e.Value).ToArray();
        Assert.Equal(Paragraphs(Encoding.UTF8.GetString(bytes)), Paragraphs(again));
    }

    [Fact]
    public async Task A_foreign_arabic_act_imports_as_an_arabic_original_with_its_own_numbers_and_a_decision_reports_what_it_left_out()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "AKN foreign import secretariat");
        Assert.Empty(AkomaNtosoSchema.Validate(AkomaNtosoSchema.Require(), Encoding.UTF8.GetBytes(ForeignAkn.ArabicAct)));
        using var act = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(ForeignAkn.ArabicAct)), "file", "law-12-2021.ara.xml" } };
        var created = await (await sec.PostAsync("/api/mous/import", act)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("ar", created.GetProperty("language").GetString());
        Assert.Empty(created.GetProperty("notImported").EnumerateArray());
        var id = created.GetProperty("id").GetString()!;

        var mou = await (await sec.GetAsync($"/api/mous/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("قانون بشأن المشاركة في عمليات الأمم المتحدة لحفظ السلام", mou.GetProperty("title").GetString());
        Assert.Equal(
        [
            "PP1||باسم الشعب، يصدر رئيس الجمهورية القانون الآتي نصه:",
            "OP1|الفصل الأول أحكام عامة: التعاريف|(1) يقصد بعبارة عمليات حفظ السلام العمليات التي يأذن بها مجلس الأمن.\n(2) يقصد بالوحدة الوطنية أفراد القوات المسلحة الموفدون إلى البعثة.",
            "OP2|النطاق|تسري أحكام هذا القانون على جميع الأفراد الموفدين.",
            "OP3|الفصل الثاني الالتزامات: السلوك|(1) تلتزم الحكومة بما يلي:\n(أ) تدريب الأفراد قبل الإيفاد على معايير السلوك؛\n(ب) التحقيق في كل ادعاء بسوء السلوك.",
        ], Shape(mou));
        var languages = await (await sec.GetAsync($"/api/mous/{id}/languages")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ar", languages.GetProperty("original").GetString());

        using var decision = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(ForeignAkn.Decision)), "file", "2-cp-27.xml" } };
        var report = await (await sec.PostAsync("/api/mous/import", decision)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("en", report.GetProperty("language").GetString());
        Assert.Equal(
            ["document identification|in the preface|2", "footnote|in PP3|11", "footnote|in OP13|13", "annex|after the text: “Terms of reference of the transitional committee”|34"],
            report.GetProperty("notImported").EnumerateArray().Select(l => $"{l.GetProperty("kind").GetString()}|{l.GetProperty("where").GetString()}|{l.GetProperty("words").GetInt32()}"));
        var numbers = (await (await sec.GetAsync($"/api/mous/{report.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToArray();
        Assert.Equal(["PP1", "PP2", "PP3", "PP4", "PP5", "OP1", "OP2", "OP4", "OP13", "OP14"], numbers);
    }

    public static TheoryData<string, string, HttpStatusCode> BadXml() => new()
    {
        { "not well-formed", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc>", HttpStatusCode.UnprocessableEntity },
        { "not akoma ntoso", "<?xml version=\"1.0\"?><html><body>text</body></html>", HttpStatusCode.UnprocessableEntity },
        { "a dtd with entities", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(BadXml))]
    public async Task Bad_xml_is_refused_with_a_clear_4xx_and_creates_nothing(string why, string content, HttpStatusCode expected)
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "AKN import secretariat " + why);
        var before = (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "upload.xml" } };

        var problem = await (await sec.PostAsync("/api/mous/import", form)).ProblemAsync(expected);

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }
}
