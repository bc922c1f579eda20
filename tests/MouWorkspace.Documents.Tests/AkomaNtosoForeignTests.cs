using System.Text;
using MouWorkspace.Documents.AkomaNtoso;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Tests.Support;
using MouWorkspace.Domain.Numbering;
using Xunit.Abstractions;

namespace MouWorkspace.Documents.Tests;

/// <summary>
/// Akoma Ntoso documents that our writer did not make (<see cref="ForeignAkn"/>): every word of them is either in the
/// imported text (title, headings, clause texts, the clause numbers taken from the document) or in the list of what was
/// not imported, with its word count; numbers are the document's own, whitespace is the text's, the language is honoured.
/// </summary>
public sealed class AkomaNtosoForeignTests(ITestOutputHelper output)
{
    private static ImportedText Read(string xml) =>
        AkomaNtosoReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), ImportOptions.Default);

    public static TheoryData<string> Documents() => new() { nameof(ForeignAkn.Decision), nameof(ForeignAkn.Statement), nameof(ForeignAkn.ArabicAct) };

    private static string Document(string name) => name switch
    {
        nameof(ForeignAkn.Decision) => ForeignAkn.Decision,
        nameof(ForeignAkn.Statement) => ForeignAkn.Statement,
        _ => ForeignAkn.ArabicAct,
    };

    /// <summary>Words the import kept: title, headings, texts, and the numbers it took from the document's num elements.</summary>
    private static int KeptWords(ImportedText text) =>
        ForeignAkn.Words(text.Title ?? "") + text.Clauses.Sum(c => ForeignAkn.Words(c.Heading) + ForeignAkn.Words(c.Text) + ForeignAkn.Words(c.Number ?? ""));

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_documents_are_valid_akoma_ntoso(string name)
    {
        var errors = AkomaNtosoSchema.Validate(AkomaNtosoSchema.Require(), Encoding.UTF8.GetBytes(Document(name)));
        Assert.True(errors.Count == 0, name + ":\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_word_is_imported_or_reported_as_left_out(string name)
    {
        var xml = Document(name);
        var text = Read(xml);
        var source = ForeignAkn.SourceWords(xml);
        var kept = KeptWords(text);
        var reported = text.LeftOut.Sum(l => l.Words);
        output.WriteLine($"{name}: {source} words; kept {kept} ({100.0 * kept / source:F1} %), reported {reported}: " +
            string.Join("; ", text.LeftOut.Select(l => $"{l.Kind} {l.Where} {l.Words}")));
        Assert.Equal(source, kept + reported);
        Assert.True(kept >= 0.75 * source, $"{name}: only {kept} of {source} words kept");
    }

    [Fact]
    public void A_decision_keeps_its_opening_recitals_intros_headings_numbers_and_reports_its_notes_and_annex()
    {
        var text = Read(ForeignAkn.Decision);
        Assert.Equal("Funding arrangements for responding to loss and damage associated with the adverse effects of climate change", text.Title);
        Assert.Equal(
        [
            (null, ClauseKind.Preambular, "", "The Conference of the Parties,"),
            (null, ClauseKind.Preambular, "", "Recalling Articles 2, 3 and 4 of the Convention and Articles 2, 8 and 9 of the Paris Agreement,"),
            (null, ClauseKind.Preambular, "", "Noting with grave concern the enormous financial costs associated with loss and damage for developing countries that are particularly vulnerable to the adverse effects of climate change,"),
            (null, ClauseKind.Preambular, "", "Recalling decisions 3/CP.18 and 2/CP.19,"),
            (null, ClauseKind.Preambular, "", "Acknowledging the urgent and immediate need for new, additional, predictable and adequate financial resources to assist developing countries in responding to economic and non-economic loss and damage,"),
            ("OP1", ClauseKind.Operative, "I. Funding arrangements", "Acknowledges the need for funding arrangements for responding to loss and damage;"),
            ("OP2", ClauseKind.Operative, "", "Decides to establish new funding arrangements for assisting developing countries that are particularly vulnerable to the adverse effects of climate change in responding to loss and damage;"),
            ("OP4", ClauseKind.Operative, "II. Transitional Committee", "Also decides to establish a transitional committee on the operationalization of the new funding arrangements, which shall:\n"
                + "(a) Establish institutional arrangements, modalities, structure, governance and terms of reference for the fund;\n"
                + "(b) Define the elements of the new funding arrangements;\n(c) Identify and expand sources of funding;\n"
                + "and shall report to the Conference of the Parties at its twenty-eighth session;"),
            ("OP13", ClauseKind.Operative, "", "Requests the secretariat to organize two workshops, in the following areas:\nthe workshops shall address\n"
                + "(a) Complementarity and coherence with existing institutions;\n(b) Sources of finance, including innovative sources."),
            (null, ClauseKind.Operative, "", "6th plenary meeting\n20 November 2022"),
        ], text.Clauses.Select(c => (c.Number, c.Kind, c.Heading, c.Text)));
        Assert.Equal(
        [
            new LeftOut("document identification", "in the preface", 2),
            new LeftOut("footnote", "in PP3", 11),
            new LeftOut("footnote", "in OP13", 13),
            new LeftOut("annex", "after the text: “Terms of reference of the transitional committee”", 34),
        ], text.LeftOut);
    }

    [Fact]
    public void A_statement_keeps_its_preface_preamble_and_table_rows()
    {
        var text = Read(ForeignAkn.Statement);
        Assert.Equal(
        [
            (null, ClauseKind.Preambular, "At the 275th meeting of the Special Committee on Peacekeeping Operations, held on 21 February 2024, the following statement was made:"),
            (null, ClauseKind.Preambular, "The troop- and police-contributing countries,"),
            (null, ClauseKind.Preambular, "Having regard to General Assembly resolution 76/274 of 29 June 2022,"),
            (null, ClauseKind.Preambular, "Reaffirming that the safety and security of peacekeepers is a shared responsibility,"),
            (null, ClauseKind.Preambular, "Deeply concerned by the number of fatalities caused by malicious acts,"),
            ("OP1", ClauseKind.Operative, "Call upon the Secretariat to implement the action plan on the security of peacekeepers without delay;"),
            ("OP2", ClauseKind.Operative, "Note the figures of the past year, set out below:\nMission; Personnel deployed; Fatalities in 2023\n"
                + "MINUSMA; 12,947; 7\nMONUSCO; 15,108; 4\nUNIFIL; 10,025; 1"),
            ("OP3", ClauseKind.Operative, "Request that medical evacuation within the golden hour be assured in every mission."),
        ], text.Clauses.Select(c => (c.Number, c.Kind, c.Text)));
        Assert.Equal([new LeftOut("document identification", "in the preface", 11)], text.LeftOut);
    }

    [Fact]
    public void An_arabic_act_is_arabic_and_keeps_its_sections_subsections_and_chapter_headings()
    {
        var text = Read(ForeignAkn.ArabicAct);
        Assert.Equal("ar", text.Language);
        Assert.Equal(
        [
            (null, ClauseKind.Preambular, "", "باسم الشعب، يصدر رئيس الجمهورية القانون الآتي نصه:"),
            ("OP1", ClauseKind.Operative, "الفصل الأول أحكام عامة: التعاريف",
                "(1) يقصد بعبارة عمليات حفظ السلام العمليات التي يأذن بها مجلس الأمن.\n(2) يقصد بالوحدة الوطنية أفراد القوات المسلحة الموفدون إلى البعثة."),
            ("OP2", ClauseKind.Operative, "النطاق", "تسري أحكام هذا القانون على جميع الأفراد الموفدين."),
            ("OP3", ClauseKind.Operative, "الفصل الثاني الالتزامات: السلوك",
                "(1) تلتزم الحكومة بما يلي:\n(أ) تدريب الأفراد قبل الإيفاد على معايير السلوك؛\n(ب) التحقيق في كل ادعاء بسوء السلوك."),
        ], text.Clauses.Select(c => (c.Number, c.Kind, c.Heading, c.Text)));
        Assert.Empty(text.LeftOut);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void No_clause_keeps_the_xml_indentation(string name)
    {
        foreach (var clause in Read(Document(name)).Clauses)
            foreach (var line in clause.Text.Split('\n').Append(clause.Heading))
            {
                Assert.DoesNotContain("  ", line);
                Assert.Equal(line.Trim(), line);
                Assert.DoesNotContain('\t', line);
            }
    }

    [Theory]
    [InlineData("eng", "en")]
    [InlineData("fra", "fr")]
    [InlineData("fre", "fr")]
    [InlineData("spa", "es")]
    [InlineData("rus", "ru")]
    [InlineData("zho", "zh")]
    [InlineData("chi", "zh")]
    [InlineData("ara", "ar")]
    [InlineData("deu", null)]
    public void The_frbr_language_names_the_text_language(string iso639Part2, string? expected) =>
        Assert.Equal(expected, Read(ForeignAkn.Statement.Replace("language=\"eng\"", $"language=\"{iso639Part2}\"")).Language);

    [Fact]
    public void A_file_with_too_many_elements_is_refused_before_its_text_is_read()
    {
        var xml = $"<akomaNtoso xmlns=\"{ForeignAkn.Ns}\"><doc name=\"x\"><mainBody><p>"
            + string.Concat(Enumerable.Repeat("<b/>", AkomaNtosoReader.MaxElements + 1)) + "</p></mainBody></doc></akomaNtoso>";
        var error = Assert.Throws<XmlLimitExceededException>(() => Read(xml));
        Assert.Equal(RejectionReason.TooComplex, error.Reason);
        Assert.Contains("elements", error.Message);
    }
}
