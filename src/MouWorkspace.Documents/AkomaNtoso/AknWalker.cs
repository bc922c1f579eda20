using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MouWorkspace.Documents.Import;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Documents.AkomaNtoso;

/// <summary>
/// Turns one Akoma Ntoso document type element (doc, act, statement, debateReport …) into clauses, in document order:
/// the preface's text (an opening such as "The Conference of the Parties,") and every block of the preamble (formulas,
/// the intro and wrap-up of recitals and citations, each recital and citation) become preambular clauses; each
/// numbered unit of the body (paragraph, section, article, hcontainer …) an operative clause whose text holds its
/// intro, content, sub-items ("(a) …", block lists, table rows) and wrap-up as lines; part/chapter/division numbers and
/// headings become the heading of the first clause under them; conclusions a last clause. What has no place in the
/// model (annexes and other attachments, notes, the document's identification lines, tables of contents, foreign
/// markup) is reported with where it stood and its words. Every text node ends up in exactly one of those.
/// </summary>
internal sealed partial class AknWalker
{
    private static readonly HashSet<string> Groups = ["part", "chapter", "division", "title", "book", "tome", "subpart", "subchapter", "subdivision", "subtitle", "debateSection"];

    private static readonly HashSet<string> Hierarchy = ["clause", "section", "part", "paragraph", "chapter", "title", "article", "book", "tome", "division",
        "list", "point", "indent", "alinea", "rule", "subrule", "proviso", "subsection", "subpart", "subparagraph", "subchapter", "subtitle",
        "subdivision", "subclause", "sublist", "level", "transitional", "hcontainer", "debateSection"];

    /// <summary>Inlines that identify the document rather than say anything: a preface line made only of them is not clause text.</summary>
    private static readonly HashSet<string> Identification = ["docTitle", "docNumber", "docDate", "docType", "docStatus", "docProponent", "docAuthority",
        "docCommittee", "docStage", "docJurisdiction", "docPurpose", "organization", "session", "legislature", "shortTitle", "date", "img"];

    /// <summary>Block-level elements: their text is separated from what stands beside them.</summary>
    private static readonly HashSet<string> Blocks = ["p", "blockList", "blockContainer", "tblock", "ul", "ol", "li", "table", "tr", "th", "td", "item",
        "container", "formula", "longTitle", "intro", "wrapUp", "content", "listIntroduction", "listWrapUp", "num", "heading", "subheading", "crossHeading"];

    private static readonly HashSet<string> Notes = ["authorialNote", "note"];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"1", "1.", "13)", "4 bis", "٣." : a whole number (any script's digits) with an optional Latin suffix.</summary>
    [GeneratedRegex(@"^\(?(?<n>\d{1,9})(?:[ \u00A0]+(?<s>[A-Za-z]+))?\s*[.:)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    private readonly List<Draft> clauses = [];
    private readonly List<Pending> leftOut = [];
    private readonly Dictionary<string, XElement> notesById = [];
    private readonly HashSet<XElement> reportedNotes = [];
    private readonly int maxDepth;
    private string? pendingHeading;
    private int frontMatterWords;

    private AknWalker(int maxDepth) => this.maxDepth = maxDepth;

    public string? Title { get; private set; }

    private sealed class Draft(string? number, ClauseKind kind, string heading)
    {
        public string? Number { get; } = number;
        public ClauseKind Kind { get; } = kind;
        public string Heading { get; } = heading;
        public List<string> Lines { get; } = [];
    }

    /// <param name="Clause">Index of the clause it stood in; null for <see cref="Where"/>.</param>
    private sealed record Pending(string Kind, int? Clause, string? Where, int Words);

    public static ImportedText Walk(XElement type, int maxDepth, string? language)
    {
        var walker = new AknWalker(maxDepth);
        foreach (var note in type.Elements(N("meta")).Elements(N("notes")).Elements(N("note")))
            if ((string?)note.Attribute("eId") is { } id)
                walker.notesById.TryAdd(id, note);
        walker.Document(type);
        return walker.Result(language);
    }

    private void Document(XElement type)
    {
        foreach (var part in type.Elements())
        {
            switch (part.Name.LocalName)
            {
                case "meta":
                    break;
                case "coverPage":
                    Report("cover page", null, "before the text", Words(Text(part, 0)));
                    break;
                case "preface" or "header":
                    Preface(part);
                    break;
                case "preamble":
                    Preamble(part);
                    break;
                case "conclusions":
                    Clause(null, ClauseKind.Operative, "", part.Elements(), 0);
                    break;
                case "attachments" or "components":
                    foreach (var attachment in part.Elements())
                        Annex(attachment);
                    break;
                default: // mainBody, body, debateBody, judgmentBody, amendmentBody, collectionBody …
                    Container(part, ClauseKind.Operative, 0);
                    break;
            }
        }
        if (pendingHeading is { } heading)
            Report("heading", null, "after the text", Words(heading));
        foreach (var note in notesById.Values.Where(n => !reportedNotes.Contains(n)))
            Report("footnote", null, "in the document", Words(Text(note, 0)));
    }

    private ImportedText Result(string? language)
    {
        // The numbers the MOU grain will give (MouGrain.CreateWithClausesAsync): the document's own where it has one
        // not taken yet, else the next of the kind; "where" names them so that the list matches the text created.
        var numbers = new List<string>();
        foreach (var clause in clauses)
            numbers.Add(clause.Number is { } given && !numbers.Contains(given, StringComparer.OrdinalIgnoreCase)
                ? given : ClauseNumbering.Next(clause.Kind, numbers, numbers.Count));
        if (frontMatterWords > 0)
            leftOut.Insert(0, new Pending("document identification", null, "in the preface", frontMatterWords));
        return new ImportedText(Title, clauses.Select(c => new ImportedClause(c.Number, c.Kind, c.Heading, string.Join("\n", c.Lines))).ToList())
        {
            LeftOut = leftOut.Select(l => new LeftOut(l.Kind, l.Where ?? "in " + numbers[l.Clause!.Value], l.Words)).ToList(),
            Language = language,
        };
    }

    private void Preface(XElement preface)
    {
        foreach (var block in preface.Elements())
        {
            if (block.Name.LocalName == "toc")
            {
                Report("table of contents", null, "in the preface", Words(Text(block, 0)));
                continue;
            }
            if (Title is null && block.Descendants(N("docTitle")).FirstOrDefault() is { } docTitle)
            {
                Title = Line(docTitle, 0);
                frontMatterWords += Words(Text(block, 0)) - Words(Title);
                continue;
            }
            if (Title is null && block.Name.LocalName == "longTitle")
            {
                Title = Line(block, 0);
                continue;
            }
            if (OnlyIdentification(block))
            {
                frontMatterWords += Words(Text(block, 0));
                continue;
            }
            Clause(null, ClauseKind.Preambular, "", [block], 0);
        }
    }

    private void Preamble(XElement preamble)
    {
        foreach (var block in preamble.Elements())
        {
            if (block.Name.LocalName is "recitals" or "citations")
            {
                var label = Label(block, 0);
                if (label.Length > 0)
                    Heading(label);
                foreach (var item in block.Elements())
                {
                    switch (item.Name.LocalName)
                    {
                        case "num" or "heading" or "subheading" or "componentRef":
                            break;
                        case "intro" or "wrapUp":
                            Clause(null, ClauseKind.Preambular, "", item.Elements(), 0);
                            break;
                        default: // recital, citation
                            Unit(item, ClauseKind.Preambular, 0);
                            break;
                    }
                }
            }
            else
                Clause(null, ClauseKind.Preambular, "", [block], 0);
        }
    }

    /// <summary>A body, a group (chapter, division …) or an unknown container: its units are clauses of their own.</summary>
    private void Container(XElement container, ClauseKind kind, int depth)
    {
        Guard(depth);
        foreach (var child in container.Elements())
        {
            var name = child.Name.LocalName;
            if (name is "num" or "heading" or "subheading" or "componentRef")
                continue;
            if (name == "crossHeading")
                Heading(Line(child, depth));
            else if (name is "intro" or "wrapUp" or "content")
                Clause(null, kind, "", child.Elements(), depth);
            else if (Groups.Contains(name) || (Hierarchy.Contains(name) && HoldsUnits(child)))
            {
                var label = Label(child, depth);
                if (label.Length > 0)
                    Heading(label);
                Container(child, kind, depth + 1);
            }
            else if (Hierarchy.Contains(name) || name is "speech" or "question" or "answer" or "other" or "scene" or "narrative" or "summary")
                Unit(child, kind, depth);
            else if (name is "attachments" or "components")
                foreach (var attachment in child.Elements())
                    Annex(attachment);
            else if (IsBlock(child))
                Clause(null, kind, "", [child], depth);
            else if (child.Elements().Any())
                Container(child, kind, depth + 1);
            else if (Line(child, depth) is { Length: > 0 } text)
                Clause(null, kind, "", [child], depth);
        }
    }

    /// <summary>True when the element's hierarchical children are clauses themselves: numbered as clauses, or groups.</summary>
    private static bool HoldsUnits(XElement element) =>
        element.Element(N("content")) is null
        && element.Elements().Any(c => Groups.Contains(c.Name.LocalName)
            || (Hierarchy.Contains(c.Name.LocalName) && c.Element(N("num")) is { } num && ClauseNumberOf(Flat(num.Value)) is not null));

    /// <summary>One clause: a recital, a paragraph, a section with its subsections … The number is the document's when it is one.</summary>
    private void Unit(XElement unit, ClauseKind kind, int depth)
    {
        var rawNumber = unit.Element(N("num")) is { } num ? Line(num, depth) : "";
        string? number = null;
        var label = new List<string>();
        if (ClauseNumberOf(rawNumber) is { } parsed && !clauses.Any(c => string.Equals(c.Number, Format(parsed, kind), StringComparison.OrdinalIgnoreCase)))
        {
            number = Format(parsed, kind);
            kind = parsed.Kind ?? kind;
        }
        else if (rawNumber.Length > 0)
            label.Add(rawNumber);
        label.AddRange(unit.Elements().Where(e => e.Name.LocalName is "heading" or "subheading").Select(e => Line(e, depth)).Where(l => l.Length > 0));
        var heading = string.Join(" ", label);
        var parts = unit.Elements().Where(e => e.Name.LocalName is not ("num" or "heading" or "subheading")).ToList();
        if (unit.Name.LocalName is "speech" or "question" or "answer" && unit.Element(N("from")) is { } from)
        {
            heading = Join(heading, Line(from, depth));
            parts.Remove(from);
        }
        Clause(number, kind, heading, parts, depth);
    }

    private void Clause(string? number, ClauseKind kind, string heading, IEnumerable<XElement> parts, int depth)
    {
        var draft = new Draft(number, kind, pendingHeading is { } group ? Join(group, heading) : heading);
        clauses.Add(draft);
        var index = clauses.Count - 1;
        foreach (var part in parts)
            Lines(part, draft.Lines, index, depth + 1);
        if (draft.Lines.Count == 0)
        {
            // Nothing but notes or empty blocks: no clause (a clause needs text); its heading waits for the next one.
            clauses.RemoveAt(index);
            foreach (var pending in leftOut.Where(l => l.Clause == index).ToList())
                leftOut[leftOut.IndexOf(pending)] = pending with { Clause = null, Where = index > 0 ? $"after {ClausePlace(index - 1)}" : "before the first clause" };
            if (draft.Heading.Length > 0)
                pendingHeading = draft.Heading;
            return;
        }
        pendingHeading = null;
    }

    private string ClausePlace(int index) => clauses[index].Number ?? $"clause {index + 1}";

    /// <summary>The lines of a part of a clause: a paragraph is a line, a sub-item is its number and text, a table row its cells.</summary>
    private void Lines(XElement element, List<string> lines, int clause, int depth)
    {
        Guard(depth);
        var name = element.Name.LocalName;
        if (name is "toc")
        {
            Report("table of contents", clause, null, Words(Text(element, depth)));
            return;
        }
        if (name is "foreign")
        {
            Report("foreign markup", clause, null, Words(Text(element, depth)));
            return;
        }
        if (name == "tr")
        {
            var cells = element.Elements().Select(cell => Flat(string.Join(" ", CellLines(cell, clause, depth)))).Where(c => c.Length > 0);
            Add(lines, string.Join("; ", cells));
            return;
        }
        if (name is "item" or "li" or "blockContainer" or "tblock" || (Hierarchy.Contains(name) && name != "list"))
        {
            // A sub-item: "(a) its text"; deeper items follow as lines of their own.
            var label = string.Join(" ", element.Elements().Where(e => e.Name.LocalName is "num" or "heading" or "subheading").Select(e => Line(e, depth)).Where(l => l.Length > 0));
            var inner = new List<string>();
            var inline = new StringBuilder();
            foreach (var node in element.Nodes())
            {
                if (node is XElement child && child.Name.LocalName is "num" or "heading" or "subheading")
                    continue;
                if (node is XElement block && (IsBlock(block) || Hierarchy.Contains(block.Name.LocalName)))
                {
                    Add(inner, Flat(inline.ToString()));
                    inline.Clear();
                    Lines(block, inner, clause, depth + 1);
                }
                else
                    Inline(node, inline, clause, depth + 1);
            }
            Add(inner, Flat(inline.ToString()));
            if (label.Length > 0)
            {
                if (inner.Count == 0)
                    inner.Add(label);
                else
                    inner[0] = label + " " + inner[0];
            }
            lines.AddRange(inner);
            return;
        }
        if (element.Elements().Any(IsBlockOrUnit))
        {
            // A container of blocks (content, intro, blockList, table, ul, formula …): its own text, then its blocks.
            var inline = new StringBuilder();
            foreach (var node in element.Nodes())
            {
                if (node is XElement block && IsBlockOrUnit(block))
                {
                    Add(lines, Flat(inline.ToString()));
                    inline.Clear();
                    Lines(block, lines, clause, depth + 1);
                }
                else
                    Inline(node, inline, clause, depth + 1);
            }
            Add(lines, Flat(inline.ToString()));
            return;
        }
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
            Inline(node, text, clause, depth + 1);
        Add(lines, Finish(element, text.ToString()));
    }

    private List<string> CellLines(XElement cell, int clause, int depth)
    {
        var lines = new List<string>();
        Lines(cell, lines, clause, depth + 1);
        return lines;
    }

    /// <summary>Inline text: bracket inlines become <c>[alternative][alternative]</c>, notes are reported, other markup is read through.</summary>
    private void Inline(XNode node, StringBuilder text, int clause, int depth)
    {
        Guard(depth);
        if (node is XText t)
        {
            text.Append(t.Value);
            return;
        }
        if (node is not XElement element)
            return;
        var name = element.Name.LocalName;
        if (Notes.Contains(name))
        {
            Report("footnote", clause, null, Words(Text(element, depth)));
            text.Append(' ');
            return;
        }
        if (name == "noteRef")
        {
            if (((string?)element.Attribute("href"))?.TrimStart('#') is { } id && notesById.TryGetValue(id, out var note) && reportedNotes.Add(note))
                Report("footnote", clause, null, Words(Text(note, depth)));
            text.Append(' ');
            return;
        }
        if (name is "eol" or "eop")
        {
            text.Append(' ');
            return;
        }
        if (IsInline(element, Akn.BracketName))
        {
            foreach (var alternative in element.Elements().Where(a => IsInline(a, Akn.AlternativeName)))
            {
                text.Append('[');
                foreach (var inner in alternative.Nodes())
                    Inline(inner, text, clause, depth + 1);
                text.Append(']');
            }
            return;
        }
        var block = Blocks.Contains(name);
        if (block)
            text.Append(' ');
        foreach (var inner in element.Nodes())
            Inline(inner, text, clause, depth + 1);
        if (block)
            text.Append(' ');
    }

    private void Annex(XElement attachment)
    {
        var label = Label(attachment, 0);
        var inner = attachment.Elements().FirstOrDefault(e => e.Name.LocalName is not ("num" or "heading" or "subheading"));
        if (label.Length == 0 && inner?.Descendants(N("docTitle")).FirstOrDefault() is { } docTitle)
            label = Line(docTitle, 0);
        var words = Words(string.Join(" ", attachment.DescendantNodes().OfType<XText>()
            .Where(t => !t.Ancestors(N("meta")).Any() || t.Ancestors(N("notes")).Any()).Select(t => t.Value)));
        Report("annex", null, label.Length > 0 ? $"after the text: “{label}”" : "after the text", words);
    }

    private void Report(string kind, int? clause, string? where, int words)
    {
        if (words > 0)
            leftOut.Add(new Pending(kind, clause, where, words));
    }

    private void Heading(string label) => pendingHeading = pendingHeading is { } outer ? Join(outer, label) : label;

    private static string Join(string outer, string inner) =>
        outer.Length == 0 ? inner : inner.Length == 0 ? outer : $"{outer}: {inner}";

    private string Label(XElement element, int depth) =>
        string.Join(" ", element.Elements().Where(e => e.Name.LocalName is "num" or "heading" or "subheading").Select(e => Line(e, depth)).Where(l => l.Length > 0));

    /// <summary>The element's text on one line, notes left out (they are counted where the element is a clause's part).</summary>
    private string Line(XElement element, int depth)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
            InlineSilently(node, text, depth + 1);
        return Finish(element, text.ToString());
    }

    /// <summary>
    /// The text as written where the element (or the nearest ancestor saying so) has <c>xml:space="preserve"</c>, as our
    /// own export writes clause texts (their double spaces and line breaks are the negotiated wording); elsewhere the
    /// XML's layout is not text, and runs of whitespace become one space.
    /// </summary>
    private static string Finish(XElement element, string text) =>
        element.AncestorsAndSelf().Select(a => (string?)a.Attribute(XNamespace.Xml + "space")).FirstOrDefault(v => v is not null) == "preserve"
            ? (string.IsNullOrWhiteSpace(text) ? "" : text)
            : Flat(text);

    private void InlineSilently(XNode node, StringBuilder text, int depth)
    {
        Guard(depth);
        if (node is XText t)
            text.Append(t.Value);
        else if (node is XElement e && !Notes.Contains(e.Name.LocalName) && e.Name.LocalName != "noteRef")
        {
            text.Append(' ');
            foreach (var inner in e.Nodes())
                InlineSilently(inner, text, depth + 1);
            text.Append(' ');
        }
    }

    /// <summary>All text of an element (notes included), for counting what is left out.</summary>
    private string Text(XElement element, int depth)
    {
        Guard(depth);
        return string.Join(" ", element.DescendantNodes().OfType<XText>().Select(t => t.Value));
    }

    private static bool OnlyIdentification(XElement block) =>
        block.DescendantNodes().OfType<XText>().Where(t => t.Value.Any(char.IsLetterOrDigit))
            .All(t => t.Ancestors().TakeWhile(a => a != block).Any(a => Identification.Contains(a.Name.LocalName)))
        && block.DescendantNodes().OfType<XText>().Any(t => t.Value.Any(char.IsLetterOrDigit));

    private static bool IsBlock(XElement element) => Blocks.Contains(element.Name.LocalName) || element.Name.LocalName is "block" or "toc" or "foreign";

    private static bool IsBlockOrUnit(XElement element) => IsBlock(element) || Hierarchy.Contains(element.Name.LocalName);

    private static bool IsInline(XElement element, string name) =>
        element.Name == N("inline") && (string?)element.Attribute("name") == name;

    private static void Add(List<string> lines, string line)
    {
        if (line.Length > 0)
            lines.Add(line);
    }

    /// <summary>Runs of whitespace (the XML's line breaks and indentation) become one space; the ends are trimmed.</summary>
    public static string Flat(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Words as the import list counts them: tokens between whitespace that hold a letter or a digit.</summary>
    public static int Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(t => t.Any(char.IsLetterOrDigit));

    private sealed record ParsedNumber(ClauseKind? Kind, int Base, int Rank);

    /// <summary>"PP2", "op5 BIS" (our own export), or a plain number "13.", "4 bis", "٣." (any script's digits); null for "(a)", "I.", "Annex".</summary>
    private static ParsedNumber? ClauseNumberOf(string raw)
    {
        if (ClauseNumbering.TryParse(raw, out var kind, out var @base, out var rank))
            return new ParsedNumber(kind, @base, rank);
        if (raw.StartsWith('('))
            return null; // "(1)", "(a)": a sub-item's number, never a clause's
        var match = PlainNumber().Match(raw);
        if (!match.Success)
            return null;
        var value = 0;
        foreach (var digit in match.Groups["n"].Value)
            value = value * 10 + (int)char.GetNumericValue(digit);
        if (value == 0 && match.Groups["n"].Value.Length > 1)
            return null;
        var suffix = 0;
        if (match.Groups["s"].Success && !ClauseNumbering.TryParse("OP1 " + match.Groups["s"].Value, out _, out _, out suffix))
            return null;
        return new ParsedNumber(null, value, suffix);
    }

    private static string Format(ParsedNumber number, ClauseKind sectionKind) =>
        ClauseNumbering.Format(number.Kind ?? sectionKind, number.Base, number.Rank);

    private void Guard(int depth)
    {
        if (depth > maxDepth)
            throw new DocumentRejectedException(RejectionReason.Damaged, $"the XML file nests elements more than {maxDepth} levels deep");
    }

    private static XName N(string localName) => XName.Get(localName, Akn.Namespace);
}
