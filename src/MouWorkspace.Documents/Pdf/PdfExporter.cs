using System.Globalization;
using MouWorkspace.Documents.Export;
using MouWorkspace.Documents.Model;
using MouWorkspace.Domain.Diffs;
using MouWorkspace.Domain.Revisions;
using SkiaSharp;

namespace MouWorkspace.Documents.Pdf;

/// <summary>
/// Writes an <see cref="ExportDocument"/> as a PDF room paper (issue 18.10): A4, the corner and title blocks as in the
/// Word copy, the clauses with their numbers in a hanging column, and every line of the text numbered in the margin,
/// restarting on each page as UN room papers do, so that a delegate can say "page 2, line 14". A redline (and the
/// compilation text) shows additions underlined and deletions struck through, in colour. Arabic is shaped (HarfBuzz) and
/// laid out right to left with the line numbers in the right margin; Chinese is drawn with a Simplified Chinese font;
/// every glyph run carries its text, so that copying or pdftotext gives the words in logical order. Word comments are
/// not part of a room paper: they travel in the Word copy.
/// </summary>
public static class PdfExporter
{
    public const string ContentType = "application/pdf";

    private const float PageWidth = 595.28f, PageHeight = 841.89f; // A4 in points
    private const float Margin = 72f, Top = 64f, Bottom = 64f;
    private const float LabelColumn = 46f;
    private static readonly PdfStyle Body = new(11f);
    private static readonly PdfStyle Heading = new(11f, Bold: true);
    private static readonly PdfStyle Small = new(9f);
    private static readonly PdfStyle Number = new(7.5f, Grey: true);

    /// <exception cref="PdfFontMissingException">the server lacks a font for a script of the text.</exception>
    public static void Write(ExportDocument document, Stream output) => Write(document, output, PdfFonts.Shared);

    internal static void Write(ExportDocument document, Stream output, PdfFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var language = ExportLanguage.For(document.Language);
        var text = new PdfText(fonts, language.RightToLeft);
        var pages = new Layout(text, document, language).Build();

        var created = new DateTime(document.Date.Year, document.Date.Month, document.Date.Day, 0, 0, 0, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title, Creator = "MouWorkspace", Producer = "MouWorkspace (Skia PDF)",
            Subject = document.Identity?.Symbol ?? document.Symbol ?? language.Words.Draft,
            Creation = created, Modified = created,
        };
        using var pdf = SKDocument.CreatePdf(output, metadata);
        var words = language.Words;
        for (var p = 0; p < pages.Count; p++)
        {
            var canvas = pdf.BeginPage(PageWidth, PageHeight);
            foreach (var line in pages[p].Lines)
                Draw(canvas, text, line);
            foreach (var rule in pages[p].Rules)
            {
                using var stroke = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.6f, IsStroke = true };
                canvas.DrawLine(Margin, rule, PageWidth - Margin, rule, stroke);
            }
            var footer = words.PageBefore + (p + 1).ToString(CultureInfo.InvariantCulture) + words.PageBetween
                + pages.Count.ToString(CultureInfo.InvariantCulture) + words.PageAfter;
            var pieces = text.Pieces(footer, Small);
            Draw(canvas, text, new PlacedLine(PageHeight - Bottom / 2, (PageWidth - text.Width(pieces)) / 2, pieces, null));
            pdf.EndPage();
        }
        pdf.Close();
    }

    public static byte[] ToBytes(ExportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    /// <summary>One line as placed on its page: its baseline, where its leftmost piece starts, and its margin number.</summary>
    private sealed record PlacedLine(float Baseline, float Left, IReadOnlyList<Piece> Pieces, int? Number);

    private sealed class Page
    {
        public List<PlacedLine> Lines { get; } = [];
        public List<float> Rules { get; } = [];
    }

    private static void Draw(SKCanvas canvas, PdfText text, PlacedLine line)
    {
        if (line.Number is { } number)
        {
            var label = text.Pieces(number.ToString(CultureInfo.InvariantCulture), Number);
            var width = text.Width(label);
            // The near margin: left in a left-to-right text, right in Arabic.
            var x = text.RightToLeft ? PageWidth - Margin + 14 : Margin - 14 - width;
            Draw(canvas, text, new PlacedLine(line.Baseline, x, label, null));
        }
        if (line.Pieces.Count == 0)
            return;
        var order = text.VisualOrder(line.Pieces);
        var cursor = line.Left;
        var runs = new List<(ShapedRun Run, float X, SKColor Color)>();
        for (var k = 0; k < order.Length; k++)
        {
            var piece = line.Pieces[order[k]];
            var start = cursor;
            foreach (var run in piece.Runs)
            {
                runs.Add((run, cursor, ColorOf(piece.Style)));
                cursor += run.Width;
            }
            var gap = 0f;
            if (k + 1 < order.Length)
            {
                var earlier = line.Pieces[Math.Min(order[k], order[k + 1])];
                gap = earlier.SpaceAfter ? text.SpaceWidth(earlier.Style) : 0;
            }
            var sameMarkNext = k + 1 < order.Length && line.Pieces[order[k + 1]].Style.Mark == piece.Style.Mark;
            Decorate(canvas, piece.Style, start, cursor + (sameMarkNext ? gap : 0), line.Baseline);
            cursor += gap;
        }
        // One text blob per colour of the line: a few drawing operations per line, not one per word.
        foreach (var colour in runs.GroupBy(r => r.Color))
        {
            using var builder = new SKTextBlobBuilder();
            var fonts = new List<SKFont>();
            foreach (var (run, x, _) in colour)
            {
                if (run.Glyphs.Length == 0)
                    continue;
                var font = new SKFont(run.Face.Typeface, run.Size) { Subpixel = true };
                fonts.Add(font);
                // A run with its text and clusters: the PDF maps the glyphs back to the words (ActualText where they are not 1:1).
                var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
                buffer.SetGlyphs(run.Glyphs);
                var points = buffer.Positions;
                for (var i = 0; i < run.Offsets.Length; i++)
                    points[i] = new SKPoint(x + run.Offsets[i].X, line.Baseline + run.Offsets[i].Y);
                buffer.SetText(run.Utf8);
                buffer.SetClusters(run.Clusters);
            }
            using var blob = builder.Build();
            if (blob is not null)
            {
                using var paint = new SKPaint { IsAntialias = true, Color = colour.Key };
                canvas.DrawText(blob, 0, 0, paint);
            }
            fonts.ForEach(f => f.Dispose());
        }
    }

    private static void Decorate(SKCanvas canvas, PdfStyle style, float from, float to, float baseline)
    {
        if (style.Mark == PdfMark.None || to <= from)
            return;
        using var stroke = new SKPaint { Color = ColorOf(style), StrokeWidth = 0.7f, IsStroke = true };
        var y = style.Mark == PdfMark.Insert ? baseline + 1.6f : baseline - style.Size * 0.3f;
        canvas.DrawLine(from, y, to, y, stroke);
    }

    private static SKColor ColorOf(PdfStyle style) => style switch
    {
        { Mark: PdfMark.Insert } => new SKColor(0x0B, 0x3D, 0x91),
        { Mark: PdfMark.Delete } => new SKColor(0xA3, 0x15, 0x15),
        { Grey: true } => new SKColor(0x6B, 0x6B, 0x6B),
        _ => SKColors.Black,
    };

    /// <summary>Pages of placed lines: the title block on the first, then the clauses, numbered line by line.</summary>
    private sealed class Layout(PdfText text, ExportDocument document, ExportLanguage language)
    {
        private readonly List<Page> _pages = [];
        private Page _page = null!;
        private float _y;
        private int _number;
        private readonly float _left = Margin, _right = PageWidth - Margin;

        public List<Page> Build()
        {
            NewPage();
            TitleBlock();
            var clauses = ClauseView.From(document);
            foreach (var clause in clauses)
                Clause(clause);
            if (document.Annex is { } annex)
                Annex(annex);
            return _pages;
        }

        private void NewPage()
        {
            _page = new Page();
            _pages.Add(_page);
            _y = Top;
            _number = 0;
            // The symbol at the top of every page, at the far edge, as in the Word copy's header.
            var symbol = document.Identity?.Symbol ?? document.Symbol ?? language.Words.Draft;
            var pieces = text.Pieces(symbol, Small);
            var width = text.Width(pieces);
            _page.Lines.Add(new PlacedLine(Top - 22, text.RightToLeft ? _left : _right - width, pieces, null));
        }

        private bool Fits(float height) => _y + height <= PageHeight - Bottom;

        /// <summary>Places one line; <paramref name="edge"/>: "near", "far" or "center" for front matter, null for numbered text.</summary>
        private void Place(List<Piece> pieces, PdfStyle style, float columnLeft, float columnRight, string? edge)
        {
            if (!Fits(style.LineHeight))
                NewPage();
            var width = text.Width(pieces);
            var rtl = text.RightToLeft;
            var x = edge switch
            {
                "center" => (columnLeft + columnRight - width) / 2,
                "far" => rtl ? columnLeft : columnRight - width,
                _ => rtl ? columnRight - width : columnLeft,
            };
            var baseline = _y + style.Size;
            _page.Lines.Add(new PlacedLine(baseline, x, pieces, edge is null ? ++_number : null));
            _y += style.LineHeight;
        }

        private void Paragraph(List<Piece> pieces, PdfStyle style, string? edge, float indent = 0)
        {
            var (from, to) = text.RightToLeft ? (_left, _right - indent) : (_left + indent, _right);
            foreach (var line in text.Lines(pieces, to - from))
                Place(line, style, from, to, edge);
        }

        private void Front(string line, PdfStyle style, string edge) => Paragraph(text.Pieces(line, style), style, edge);

        private void TitleBlock()
        {
            var words = language.Words;
            if (document.Identity is { } identity)
            {
                Front(identity.Symbol, Small with { Bold = true }, "far");
                Front(identity.Distribution == "limited" ? words.Limited : words.General, Small, "far");
                Front(DocumentDates.Format(document.Date, language.Code), Small, "far");
                if (document.Language != identity.OriginalLanguage)
                    Front(words.LanguageLine(document.Language), Small, "far");
                Front(words.OriginalLine(identity.OriginalLanguage), Small, "far");
                if (!string.IsNullOrWhiteSpace(identity.Session))
                    Front(identity.Session, Small, "near");
                if (!string.IsNullOrWhiteSpace(identity.AgendaItem))
                    Front(string.Format(CultureInfo.InvariantCulture, words.AgendaItem, identity.AgendaItem), Small, "near");
                _y += 8;
            }
            Front(document.Organization, Heading, "center");
            Front(document.Title, new PdfStyle(14f, Bold: true), "center");
            Front(Export.TitleBlock.SymbolLine(document, words), Body, "center");
            if (DocumentSymbol.KindOf(document.Symbol) is var kind and (SymbolKind.Addendum or SymbolKind.Corrigendum))
                Front(kind == SymbolKind.Addendum ? words.Addendum : words.Corrigendum, Body, "center");
            if (document.Redline is { } redline)
                Front(redline.Caption ?? string.Format(CultureInfo.InvariantCulture, PdfWords.ChangesFrom(language.Code), redline.BaseSymbol), Small, "center");
            if (document.Identity is null)
                Front(DocumentDates.Format(document.Date, language.Code), Body, "center");
            if (document.AdvanceUnedited)
                Front(words.AdvanceUnedited, Heading, "center");
            if (TranslationNote.Summary(document.Translation, document.Clauses.Count) is { } note)
                Front(note, Small with { Grey = true }, "center");
            _y += 6;
            _page.Rules.Add(_y);
            _y += 14;
        }

        private void Clause(ClauseView clause)
        {
            var mark = document.Translation?.Clauses.GetValueOrDefault(clause.Id);
            var clauseMark = clause.Change switch { RedlineChange.Added => PdfMark.Insert, RedlineChange.Removed => PdfMark.Delete, _ => PdfMark.None };
            var headingPieces = new List<Piece>();
            if (clause.Heading.Length > 0)
            {
                headingPieces.AddRange(text.Pieces(clause.Heading, Heading with { Mark = clauseMark }));
                if (mark?.Mark != TranslationMark.Untranslated && document.Translation?.OriginalHeadings.Contains(clause.Id) == true)
                {
                    var last = headingPieces[^1]; // a space between the heading and its note
                    headingPieces[^1] = new Piece(last.Text, last.Style, last.Runs, last.Width, true, last.BreakAfter, last.Direction);
                    headingPieces.AddRange(text.Pieces(TranslationNote.ForHeading(document.Translation.OriginalLanguage), Small with { Grey = true }));
                }
            }
            var body = new List<Piece>();
            if (mark is not null)
                body.AddRange(text.Pieces(TranslationNote.ForClause(mark, document.Translation!.OriginalLanguage) + " ", Small with { Grey = true }));
            foreach (var run in clause.Runs)
                body.AddRange(text.Pieces(run.Text, Body with { Mark = run.Op switch { DiffOp.Insert => PdfMark.Insert, DiffOp.Delete => PdfMark.Delete, _ => PdfMark.None } }));
            if (body.Count > 0 && body[^1].SpaceAfter)
                body[^1] = new Piece(body[^1].Text, body[^1].Style, body[^1].Runs, body[^1].Width, false, body[^1].BreakAfter, body[^1].Direction);

            var columnWidth = _right - _left - LabelColumn;
            var headingLines = headingPieces.Count == 0 ? [] : text.Lines(headingPieces, columnWidth);
            var bodyLines = text.Lines(body, columnWidth);
            // Keep a heading with the first two lines of its text, and a short clause on one page.
            var keep = headingLines.Count + Math.Min(bodyLines.Count, bodyLines.Count <= 4 ? 4 : 2);
            if (!Fits(keep * Body.LineHeight) && _y > Top + Body.LineHeight)
                NewPage();
            var (from, to) = text.RightToLeft ? (_left, _right - LabelColumn) : (_left + LabelColumn, _right);
            foreach (var line in headingLines)
                Place(line, Heading, from, to, null);
            var labelStyle = Body with { Bold = true, Mark = clauseMark };
            var first = true;
            foreach (var line in bodyLines)
            {
                if (first)
                {
                    if (!Fits(Body.LineHeight))
                        NewPage();
                    var label = text.Pieces(clause.Number, labelStyle);
                    var width = text.Width(label);
                    _page.Lines.Add(new PlacedLine(_y + Body.Size, text.RightToLeft ? _right - width : _left, label, null));
                    first = false;
                }
                Place(line, Body, from, to, null);
            }
            _y += Body.LineHeight * 0.5f;
        }

        private void Annex(PositionsAnnex annex)
        {
            var words = language.Words;
            if (!Fits(Body.LineHeight * 4))
                NewPage();
            _y += Body.LineHeight * 0.5f;
            Paragraph(text.Pieces(string.Format(CultureInfo.InvariantCulture, words.AnnexHeading, document.Symbol ?? words.Draft), Heading), Heading, null);
            foreach (var row in annex.Rows)
            {
                var line = $"{row.State}: {words.PositionWord(row.Position)} ({DocumentDates.Format(row.Date, language.Code)})"
                    + (string.IsNullOrWhiteSpace(row.Note) ? "" : " — " + row.Note);
                Paragraph(text.Pieces(line, Body), Body, null, indent: 12);
            }
            Paragraph(text.Pieces(string.Format(CultureInfo.InvariantCulture, words.Consensus, words.ConsensusWord(annex.Consensus)), Heading), Heading, null);
        }
    }
}

/// <summary>The room paper's own words in the six languages (the Word copy's say "tracked changes", which a PDF has not).</summary>
internal static class PdfWords
{
    private static readonly Dictionary<string, string> Changes = new(StringComparer.Ordinal)
    {
        ["en"] = "Changes from {0}: additions underlined, deletions struck through",
        ["fr"] = "Modifications par rapport au document {0} : ajouts soulignés, suppressions barrées",
        ["es"] = "Cambios respecto del documento {0}: adiciones subrayadas, supresiones tachadas",
        ["ru"] = "Изменения по сравнению с документом {0}: добавления подчеркнуты, исключения зачеркнуты",
        ["ar"] = "التغييرات مقارنة بالوثيقة {0}: الإضافات مسطرة والحذف مشطوب",
        ["zh"] = "与{0}相比的修改：增加部分加下划线，删除部分加删除线",
    };

    public static string ChangesFrom(string language) => Changes.GetValueOrDefault(language) ?? Changes["en"];
}
