using System.Globalization;
using System.Text;
using System.Xml;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Brackets;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.AkomaNtoso;

/// <summary>
/// Writes a negotiating text as an OASIS Akoma Ntoso 3.0 <c>doc</c> (name "memorandumOfUnderstanding"):
/// FRBR identification after the AKN4UN naming convention, TLC references for the organization and the
/// bracket sponsors, the title and symbol in the preface, PP paragraphs as recitals in the preamble and OP
/// paragraphs as <c>paragraph</c>s of the main body. Brackets become nested <c>inline name="bracket"</c>
/// elements holding one <c>inline name="alternative"</c> per bracket pair, so the text reads back exactly.
/// Mixed content is never indented; carriage returns are written as character references.
/// </summary>
public static class AkomaNtosoWriter
{
    public const string ContentType = "application/akn+xml";
    public const string Source = "#mouworkspace";

    public static byte[] ToBytes(ExportDocument document, AknExportContext context)
    {
        using var buffer = new MemoryStream();
        Write(document, context, buffer);
        return buffer.ToArray();
    }

    public static void Write(ExportDocument document, AknExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
        };
        using var xml = XmlWriter.Create(output, settings);
        new Session(xml, document, context).Run();
    }

    /// <summary>The stable eId of a clause: <paramref name="prefix"/> + "_" + the number without spaces ("para_OP3bis").</summary>
    /// <remarks>Characters other than ASCII letters, digits, '-' and '.' become '_'; an empty number gives the position.</remarks>
    public static string EIdFor(string prefix, string number, int position, ISet<string> used)
    {
        var core = new StringBuilder();
        foreach (var ch in number.Trim())
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.')
                core.Append(ch);
            else if (!char.IsWhiteSpace(ch))
                core.Append('_');
        }
        var id = $"{prefix}_{(core.Length == 0 ? position.ToString(CultureInfo.InvariantCulture) : core.ToString())}";
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
            candidate = $"{id}_{n.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }

    private sealed class Session(XmlWriter xml, ExportDocument document, AknExportContext context)
    {
        private readonly Dictionary<AknSponsor, string> sponsorIds = [];
        private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);
        private readonly string organization = Slug(context.OrganizationCode, "org");

        public void Run()
        {
            foreach (var sponsor in document.Clauses.Select(c => context.Sponsors.GetValueOrDefault(c.Id)).OfType<AknSponsor>().Distinct())
                sponsorIds.TryAdd(sponsor, SponsorId(sponsor));

            xml.WriteStartDocument();
            xml.WriteStartElement("akomaNtoso", Akn.Namespace);
            Line(1);
            xml.WriteStartElement("doc", Akn.Namespace);
            xml.WriteAttributeString("name", Akn.DocumentName);
            Meta();
            Preface();
            var preambular = document.Clauses.Where(c => c.Kind == ClauseKind.Preambular).ToList();
            var operative = document.Clauses.Where(c => c.Kind != ClauseKind.Preambular).ToList();
            if (preambular.Count > 0)
                Preamble(preambular);
            MainBody(operative);
            Line(1);
            xml.WriteEndElement();
            Line(0);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        private void Meta()
        {
            var language = Akn.Iso639Part2(document.Language);
            var country = organization;
            var date = context.WorkDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var work = $"/akn/{country}/doc/{Akn.DocumentName}/{date}/{Slug(context.WorkId, "mou", letterFirst: false)}";
            var version = document.Symbol is null ? "draft" : Slug(document.Symbol.ToLowerInvariant(), "draft", letterFirst: false);
            var expression = $"{work}/{language}@{version}";
            var manifestation = $"{expression}.akn";
            var expressionDate = document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            Open(2, "meta");
            Open(3, "identification");
            xml.WriteAttributeString("source", Source);

            Open(4, "FRBRWork");
            Value(5, "FRBRthis", $"{work}/!main");
            Value(5, "FRBRuri", work);
            Date(5, date, "creation");
            Author(5);
            Value(5, "FRBRcountry", country);
            Value(5, "FRBRnumber", context.WorkId);
            Value(5, "FRBRname", Akn.DocumentName);
            Close(4);

            Open(4, "FRBRExpression");
            Value(5, "FRBRthis", $"{expression}/!main");
            Value(5, "FRBRuri", expression);
            Date(5, expressionDate, document.Symbol is null ? "draft" : "publication");
            Author(5);
            Value(5, "FRBRversionNumber", document.Symbol ?? "Draft");
            Empty(5, "FRBRlanguage", ("language", language));
            Close(4);

            Open(4, "FRBRManifestation");
            Value(5, "FRBRthis", $"{manifestation}/!main.xml");
            Value(5, "FRBRuri", manifestation);
            Date(5, expressionDate, "generation");
            Empty(5, "FRBRauthor", ("href", Source));
            Value(5, "FRBRformat", ContentType);
            Close(4);
            Close(3);

            Open(3, "references");
            xml.WriteAttributeString("source", Source);
            Empty(4, "TLCOrganization", ("eId", organization), ("href", $"/akn/ontology/organizations/{organization}"), ("showAs", document.Organization));
            Empty(4, "TLCOrganization", ("eId", "mouworkspace"), ("href", "/akn/ontology/organizations/mouworkspace"), ("showAs", "MouWorkspace"));
            foreach (var (sponsor, id) in sponsorIds)
            {
                if (sponsor.MemberState is { } state)
                    Empty(4, "TLCOrganization", ("eId", id), ("href", $"/akn/ontology/organizations/{state.ToLowerInvariant()}"), ("showAs", $"{sponsor.Name} ({state})"));
                else
                    Empty(4, "TLCPerson", ("eId", id), ("href", $"/akn/ontology/persons/{organization}/{id["person_".Length..]}"), ("showAs", sponsor.Name));
            }
            Close(3);
            Close(2);
        }

        private void Preface()
        {
            Open(2, "preface");
            Open(3, "p");
            xml.WriteStartElement("organization", Akn.Namespace);
            xml.WriteAttributeString("refersTo", "#" + organization);
            xml.WriteString(document.Organization);
            xml.WriteEndElement();
            xml.WriteEndElement();
            Open(3, "longTitle");
            Open(4, "p");
            xml.WriteStartElement("docTitle", Akn.Namespace);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(document.Title);
            xml.WriteEndElement();
            xml.WriteEndElement();
            Close(3);
            Open(3, "p");
            xml.WriteStartElement("docNumber", Akn.Namespace);
            xml.WriteString(document.Symbol ?? "Draft");
            xml.WriteEndElement();
            xml.WriteEndElement();
            if (document.AdvanceUnedited)
            {
                Open(3, "p");
                xml.WriteStartElement("docStatus", Akn.Namespace);
                xml.WriteString("Advance unedited version");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            Close(2);
        }

        private void Preamble(IReadOnlyList<ExportClause> clauses)
        {
            Open(2, "preamble");
            Open(3, "recitals");
            xml.WriteAttributeString("eId", "recs");
            var position = 0;
            foreach (var clause in clauses)
            {
                Open(4, "recital");
                var eId = EIdFor("rec", clause.Number, ++position, usedIds);
                xml.WriteAttributeString("eId", eId);
                NumAndHeading(5, clause);
                Open(5, "p");
                Text(clause, eId);
                xml.WriteEndElement();
                Close(4);
            }
            Close(3);
            Close(2);
        }

        private void MainBody(IReadOnlyList<ExportClause> clauses)
        {
            Open(2, "mainBody");
            if (clauses.Count == 0)
            {
                // The schema wants at least one element in the main body; an empty block says "no operative paragraphs".
                Open(3, "p");
                xml.WriteEndElement();
            }
            var position = 0;
            foreach (var clause in clauses)
            {
                Open(3, "paragraph");
                var eId = EIdFor("para", clause.Number, ++position, usedIds);
                xml.WriteAttributeString("eId", eId);
                NumAndHeading(4, clause);
                Open(4, "content");
                Open(5, "p");
                Text(clause, eId);
                xml.WriteEndElement();
                Close(4);
                Close(3);
            }
            Close(2);
        }

        private void NumAndHeading(int depth, ExportClause clause)
        {
            Open(depth, "num");
            xml.WriteString(clause.Number);
            xml.WriteEndElement();
            if (clause.Heading.Length > 0)
            {
                Open(depth, "heading");
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(clause.Heading);
                xml.WriteEndElement();
            }
        }

        /// <summary>Writes the clause text into the open block: plain runs as text, bracket groups as nested inlines.</summary>
        private void Text(ExportClause clause, string eId)
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
            var sponsor = context.Sponsors.GetValueOrDefault(clause.Id) is { } s ? "#" + sponsorIds[s] : null;
            var counter = 0;
            Segment(clause.Text, 0, clause.Text.Length, BracketParser.Parse(clause.Text).Groups, eId, sponsor, ref counter);
        }

        private void Segment(string text, int start, int end, IEnumerable<BracketGroup> groups, string eId, string? sponsor, ref int counter)
        {
            var position = start;
            foreach (var group in groups.Where(g => g.Start >= start && g.Start < end).OrderBy(g => g.Start))
            {
                xml.WriteString(text[position..group.Start]);
                var bracketId = $"{eId}__brk_{(++counter).ToString(CultureInfo.InvariantCulture)}";
                xml.WriteStartElement("inline", Akn.Namespace);
                xml.WriteAttributeString("eId", bracketId);
                xml.WriteAttributeString("name", Akn.BracketName);
                if (sponsor is not null)
                    xml.WriteAttributeString("refersTo", sponsor);
                var open = group.Start;
                var index = 0;
                foreach (var alternative in group.Alternatives)
                {
                    var from = open + 1;
                    var to = from + alternative.Length;
                    xml.WriteStartElement("inline", Akn.Namespace);
                    xml.WriteAttributeString("eId", $"{bracketId}__alt_{(++index).ToString(CultureInfo.InvariantCulture)}");
                    xml.WriteAttributeString("name", Akn.AlternativeName);
                    Segment(text, from, to, group.Nested, eId, sponsor, ref counter);
                    xml.WriteEndElement();
                    open = to + 1;
                }
                xml.WriteEndElement();
                position = group.Start + group.Length;
            }
            xml.WriteString(text[position..end]);
        }

        private string SponsorId(AknSponsor sponsor)
        {
            var id = sponsor.MemberState is { } state ? Slug(state.ToLowerInvariant(), "state") : "person_" + Slug(sponsor.Name.ToLowerInvariant(), "author");
            var candidate = id;
            for (var n = 2; sponsorIds.ContainsValue(candidate) || candidate == organization || candidate == "mouworkspace"; n++)
                candidate = $"{id}_{n.ToString(CultureInfo.InvariantCulture)}";
            return candidate;
        }

        /// <summary>ASCII letters, digits, '-', '.' kept, runs of anything else as one '_'; an id (<paramref name="letterFirst"/>) starts with a letter.</summary>
        private static string Slug(string value, string fallback, bool letterFirst = true)
        {
            var slug = new StringBuilder();
            foreach (var ch in value)
            {
                if (char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.')
                    slug.Append(ch);
                else if (slug.Length > 0 && slug[^1] != '_')
                    slug.Append('_');
            }
            var result = slug.ToString().Trim('_');
            return result.Length == 0 ? fallback : !letterFirst || char.IsAsciiLetter(result[0]) ? result : fallback + "_" + result;
        }

        private void Line(int depth) => xml.WriteWhitespace("\n" + new string(' ', depth * 2));

        private void Open(int depth, string name)
        {
            Line(depth);
            xml.WriteStartElement(name, Akn.Namespace);
        }

        private void Close(int depth)
        {
            Line(depth);
            xml.WriteEndElement();
        }

        private void Empty(int depth, string name, params (string Name, string Value)[] attributes)
        {
            Open(depth, name);
            foreach (var (attribute, value) in attributes)
                xml.WriteAttributeString(attribute, value);
            xml.WriteEndElement();
        }

        private void Value(int depth, string name, string value) => Empty(depth, name, ("value", value));

        private void Date(int depth, string date, string name) => Empty(depth, "FRBRdate", ("date", date), ("name", name));

        private void Author(int depth) => Empty(depth, "FRBRauthor", ("href", "#" + organization));
    }
}
