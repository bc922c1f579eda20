using System.Xml.Linq;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>
/// Akoma Ntoso documents written the way legal-data projects publish them (pretty-printed, FRBR identification,
/// eIds, inline emphasis, notes in the text), not the way our writer does: a Conference of the Parties decision with
/// an annex, a joint statement with a table, and an Arabic act with chapters, sections and subsections. Each is valid
/// against the OASIS schema (checked by the tests). <see cref="Words"/> counts what a reader of them sees.
/// </summary>
public static class ForeignAkn
{
    public const string Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static string Meta(string type, string name, string date, string number, string language, string author, bool references = true) => $"""
            <meta>
              <identification source="#{author}">
                <FRBRWork>
                  <FRBRthis value="/akn/un/{type}/{name}/{date}/{number}/!main"/>
                  <FRBRuri value="/akn/un/{type}/{name}/{date}/{number}"/>
                  <FRBRdate date="{date}" name="adoption"/>
                  <FRBRauthor href="#{author}"/>
                  <FRBRcountry value="un"/>
                </FRBRWork>
                <FRBRExpression>
                  <FRBRthis value="/akn/un/{type}/{name}/{date}/{number}/{language}@/!main"/>
                  <FRBRuri value="/akn/un/{type}/{name}/{date}/{number}/{language}@"/>
                  <FRBRdate date="{date}" name="publication"/>
                  <FRBRauthor href="#{author}"/>
                  <FRBRlanguage language="{language}"/>
                </FRBRExpression>
                <FRBRManifestation>
                  <FRBRthis value="/akn/un/{type}/{name}/{date}/{number}/{language}@/!main.xml"/>
                  <FRBRuri value="/akn/un/{type}/{name}/{date}/{number}/{language}@.akn"/>
                  <FRBRdate date="{date}" name="generation"/>
                  <FRBRauthor href="#legaldata"/>
                </FRBRManifestation>
              </identification>
              {(references ? $"""
              <references source="#legaldata">
                <TLCOrganization eId="{author}" href="/akn/ontology/organizations/un/{author}" showAs="{author}"/>
                <TLCOrganization eId="legaldata" href="/akn/ontology/organizations/legaldata" showAs="Legal data project"/>
              </references>
              """ : "")}
            </meta>
        """;

    /// <summary>A decision of a Conference of the Parties: preface with the opening formula, "Recalling/Noting" recitals, two
    /// divisions of numbered paragraphs (one with lettered points, intro and wrap-up, one with a block list), footnotes, an annex.</summary>
    public static readonly string Decision = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="{Ns}">
          <debateReport name="decision">
        {Meta("debateReport", "decision", "2022-11-20", "2-cp-27", "eng", "cop")}
            <preface>
              <longTitle>
                <p><docTitle>Funding arrangements for responding to loss and damage associated with the adverse effects of climate change</docTitle></p>
              </longTitle>
              <p class="symbol"><docNumber>Decision 2/CP.27</docNumber></p>
              <formula name="opening">
                <p>The Conference of the Parties,</p>
              </formula>
            </preface>
            <preamble>
              <recitals eId="recs">
                <intro>
                  <p><i>Recalling</i> Articles 2, 3 and 4 of the Convention and Articles 2, 8 and 9 of the Paris Agreement,</p>
                </intro>
                <recital eId="recs__rec_1">
                  <p><i>Noting</i> with grave concern the enormous financial costs associated with loss and damage for
                    developing countries that are particularly vulnerable to the adverse effects of climate change,<authorialNote marker="1" placement="bottom" eId="recs__rec_1__authorialNote_1"><p>See the report of the Standing Committee on Finance, document FCCC/CP/2022/8.</p></authorialNote></p>
                </recital>
                <recital eId="recs__rec_2">
                  <p><i>Recalling</i> decisions 3/CP.18 and 2/CP.19,</p>
                </recital>
                <recital eId="recs__rec_3">
                  <p><i>Acknowledging</i> the urgent and immediate need for new, additional, predictable and adequate financial
                    resources to assist developing countries in responding to economic and non-economic loss and damage,</p>
                </recital>
              </recitals>
            </preamble>
            <mainBody>
              <division eId="dvs_I">
                <num>I.</num>
                <heading>Funding arrangements</heading>
                <paragraph eId="dvs_I__para_1">
                  <num>1.</num>
                  <content>
                    <p><i>Acknowledges</i> the need for funding arrangements for responding to loss and damage;</p>
                  </content>
                </paragraph>
                <paragraph eId="dvs_I__para_2">
                  <num>2.</num>
                  <content>
                    <p><i>Decides</i> to establish new funding arrangements for assisting developing countries that are
                      particularly vulnerable to the adverse effects of climate change in responding to loss and damage;</p>
                  </content>
                </paragraph>
              </division>
              <division eId="dvs_II">
                <num>II.</num>
                <heading>Transitional Committee</heading>
                <paragraph eId="dvs_II__para_4">
                  <num>4.</num>
                  <intro>
                    <p><i>Also decides</i> to establish a transitional committee on the operationalization of the new
                      funding arrangements, which shall:</p>
                  </intro>
                  <point eId="dvs_II__para_4__point_a">
                    <num>(a)</num>
                    <content>
                      <p>Establish institutional arrangements, modalities, structure, governance and terms of reference
                        for the fund;</p>
                    </content>
                  </point>
                  <point eId="dvs_II__para_4__point_b">
                    <num>(b)</num>
                    <content>
                      <p>Define the elements of the new funding arrangements;</p>
                    </content>
                  </point>
                  <point eId="dvs_II__para_4__point_c">
                    <num>(c)</num>
                    <content>
                      <p>Identify and expand sources of funding;</p>
                    </content>
                  </point>
                  <wrapUp>
                    <p>and shall report to the Conference of the Parties at its twenty-eighth session;</p>
                  </wrapUp>
                </paragraph>
                <paragraph eId="dvs_II__para_13">
                  <num>13.</num>
                  <content>
                    <p><i>Requests</i> the secretariat to organize two workshops,<authorialNote marker="2" placement="bottom" eId="dvs_II__para_13__authorialNote_1"><p>To be held in conjunction with the fifty-eighth sessions of the subsidiary bodies.</p></authorialNote> in the following areas:</p>
                    <blockList eId="dvs_II__para_13__list_1">
                      <listIntroduction>the workshops shall address</listIntroduction>
                      <item eId="dvs_II__para_13__list_1__item_a">
                        <num>(a)</num>
                        <p>Complementarity and coherence
                          with existing institutions;</p>
                      </item>
                      <item eId="dvs_II__para_13__list_1__item_b">
                        <num>(b)</num>
                        <p>Sources of finance,
                          including innovative sources.</p>
                      </item>
                    </blockList>
                  </content>
                </paragraph>
              </division>
            </mainBody>
            <conclusions>
              <p><i>6th plenary meeting</i></p>
              <p><date date="2022-11-20">20 November 2022</date></p>
            </conclusions>
            <attachments>
              <attachment eId="att_1">
                <doc name="annex">
        {Meta("doc", "annex", "2022-11-20", "2-cp-27-annex", "eng", "cop", references: false)}
                  <preface>
                    <longTitle><p><docTitle>Terms of reference of the transitional committee</docTitle></p></longTitle>
                  </preface>
                  <mainBody>
                    <paragraph eId="att_1__para_1">
                      <num>1.</num>
                      <content><p>The transitional committee shall be composed of 24 members from Parties.</p></content>
                    </paragraph>
                    <paragraph eId="att_1__para_2">
                      <num>2.</num>
                      <content><p>Ten members shall come from developed country Parties and fourteen from developing country Parties.</p></content>
                    </paragraph>
                  </mainBody>
                </doc>
              </attachment>
            </attachments>
          </debateReport>
        </akomaNtoso>
        """;

    /// <summary>A joint statement: preface with the proponent and the occasion, a preamble with a formula, a citation and
    /// recitals, numbered paragraphs, one of them with a table of figures.</summary>
    public static readonly string Statement = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="{Ns}">
          <statement name="jointStatement">
        {Meta("statement", "jointStatement", "2024-02-21", "c34-2024-1", "eng", "c34")}
            <preface>
              <longTitle>
                <p><docTitle>Joint statement on the safety and security of peacekeepers</docTitle></p>
              </longTitle>
              <p><docProponent>Delivered by Bangladesh on behalf of the troop- and police-contributing countries</docProponent></p>
              <p>At the 275th meeting of the Special Committee on Peacekeeping Operations, held on 21 February 2024,
                the following statement was made:</p>
            </preface>
            <preamble>
              <formula name="opening">
                <p>The troop- and police-contributing countries,</p>
              </formula>
              <citations eId="cits">
                <citation eId="cits__cit_1">
                  <p>Having regard to General Assembly resolution 76/274 of 29 June 2022,</p>
                </citation>
              </citations>
              <recitals eId="recs">
                <recital eId="recs__rec_1">
                  <p><i>Reaffirming</i> that the safety and security of peacekeepers is a shared responsibility,</p>
                </recital>
                <recital eId="recs__rec_2">
                  <p><i>Deeply concerned</i> by the number of fatalities caused by malicious acts,</p>
                </recital>
              </recitals>
            </preamble>
            <mainBody>
              <paragraph eId="para_1">
                <num>1.</num>
                <content>
                  <p><i>Call upon</i> the Secretariat to implement the action plan on the security of peacekeepers without delay;</p>
                </content>
              </paragraph>
              <paragraph eId="para_2">
                <num>2.</num>
                <content>
                  <p><i>Note</i> the figures of the past year, set out below:</p>
                  <table eId="para_2__table_1">
                    <tr><th><p>Mission</p></th><th><p>Personnel deployed</p></th><th><p>Fatalities in 2023</p></th></tr>
                    <tr><td><p>MINUSMA</p></td><td><p>12,947</p></td><td><p>7</p></td></tr>
                    <tr><td><p>MONUSCO</p></td><td><p>15,108</p></td><td><p>4</p></td></tr>
                    <tr><td><p>UNIFIL</p></td><td><p>10,025</p></td><td><p>1</p></td></tr>
                  </table>
                </content>
              </paragraph>
              <paragraph eId="para_3">
                <num>3.</num>
                <content>
                  <p><i>Request</i> that medical evacuation within the golden hour be assured in every mission.</p>
                </content>
              </paragraph>
            </mainBody>
          </statement>
        </akomaNtoso>
        """;

    /// <summary>An Arabic act: an enacting formula, chapters with headings, sections (one numbered in Arabic-Indic digits)
    /// with subsections and an intro over lettered paragraphs.</summary>
    public static readonly string ArabicAct = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="{Ns}">
          <act name="act" contains="originalVersion">
        {Meta("act", "law", "2021-06-01", "12", "ara", "parliament")}
            <preface>
              <longTitle>
                <p><docTitle>قانون بشأن المشاركة في عمليات الأمم المتحدة لحفظ السلام</docTitle></p>
              </longTitle>
            </preface>
            <preamble>
              <formula name="enactingFormula">
                <p>باسم الشعب، يصدر رئيس الجمهورية القانون الآتي نصه:</p>
              </formula>
            </preamble>
            <body>
              <chapter eId="chp_1">
                <num>الفصل الأول</num>
                <heading>أحكام عامة</heading>
                <section eId="chp_1__sec_1">
                  <num>1.</num>
                  <heading>التعاريف</heading>
                  <subsection eId="chp_1__sec_1__subsec_1">
                    <num>(1)</num>
                    <content>
                      <p>يقصد بعبارة عمليات حفظ السلام العمليات التي يأذن بها مجلس الأمن.</p>
                    </content>
                  </subsection>
                  <subsection eId="chp_1__sec_1__subsec_2">
                    <num>(2)</num>
                    <content>
                      <p>يقصد بالوحدة الوطنية أفراد القوات المسلحة
                        الموفدون إلى البعثة.</p>
                    </content>
                  </subsection>
                </section>
                <section eId="chp_1__sec_2">
                  <num>2.</num>
                  <heading>النطاق</heading>
                  <content>
                    <p>تسري أحكام هذا القانون على جميع الأفراد الموفدين.</p>
                  </content>
                </section>
              </chapter>
              <chapter eId="chp_2">
                <num>الفصل الثاني</num>
                <heading>الالتزامات</heading>
                <section eId="chp_2__sec_3">
                  <num>٣.</num>
                  <heading>السلوك</heading>
                  <subsection eId="chp_2__sec_3__subsec_1">
                    <num>(1)</num>
                    <intro>
                      <p>تلتزم الحكومة بما يلي:</p>
                    </intro>
                    <paragraph eId="chp_2__sec_3__subsec_1__para_a">
                      <num>(أ)</num>
                      <content><p>تدريب الأفراد قبل الإيفاد على معايير السلوك؛</p></content>
                    </paragraph>
                    <paragraph eId="chp_2__sec_3__subsec_1__para_b">
                      <num>(ب)</num>
                      <content><p>التحقيق في كل ادعاء بسوء السلوك.</p></content>
                    </paragraph>
                  </subsection>
                </section>
              </chapter>
            </body>
          </act>
        </akomaNtoso>
        """;

    /// <summary>Words as a reader sees them: tokens between whitespace that hold a letter or a digit (a lone "–" or "," is none).</summary>
    public static int Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(t => t.Any(char.IsLetterOrDigit));

    /// <summary>The words of the document's text: every text node of the document type element and its attachments, the
    /// identification metadata (meta) left out, its notes included.</summary>
    public static int SourceWords(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        XNamespace a = Ns;
        var texts = root.DescendantNodes().OfType<XText>()
            .Where(t => !t.Ancestors(a + "meta").Any() || t.Ancestors(a + "notes").Any())
            .Select(t => t.Value);
        return Words(string.Join(" ", texts));
    }
}
