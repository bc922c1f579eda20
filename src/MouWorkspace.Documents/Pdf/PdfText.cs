using System.Text;
using SkiaSharp;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbLanguage = HarfBuzzSharp.Language;

namespace MouWorkspace.Documents.Pdf;

/// <summary>How a redline marks a run: an addition underlined, a deletion struck through.</summary>
internal enum PdfMark { None, Insert, Delete }

internal sealed record PdfStyle(float Size, bool Bold = false, PdfMark Mark = PdfMark.None, bool Grey = false)
{
    public float LineHeight => Size * 1.4f;
}

/// <summary>
/// Glyphs of one font shaped by HarfBuzz, left to right as drawn, with the UTF-8 text and each glyph's cluster (its byte
/// offset in that text): Skia's PDF writer turns them into the text a reader copies or searches, so that an Arabic word
/// drawn in its joined forms extracts as its letters, in logical order.
/// </summary>
internal sealed record ShapedRun(PdfFace Face, float Size, ushort[] Glyphs, SKPoint[] Offsets, byte[] Utf8, uint[] Clusters, float Width);

/// <summary>
/// A unit the line breaker never splits: a word with the spaces after it, or one Chinese character (with the closing
/// punctuation that must stay on its line). <see cref="Level"/> is its bidi embedding level once the line is resolved.
/// </summary>
internal sealed class Piece(string text, PdfStyle style, IReadOnlyList<ShapedRun> runs, float width, bool spaceAfter, bool breakAfter, int direction)
{
    public string Text { get; } = text;
    public PdfStyle Style { get; } = style;
    public IReadOnlyList<ShapedRun> Runs { get; } = runs;
    public float Width { get; } = width;
    public bool SpaceAfter { get; } = spaceAfter;
    public bool BreakAfter { get; } = breakAfter;
    /// <summary>1 right-to-left (Arabic letters), 0 left-to-right (other letters), -1 neither (digits, punctuation).</summary>
    public int Direction { get; } = direction;
}

/// <summary>Turns text into shaped pieces and pieces into lines; one per document, with a cache of the words it shaped.</summary>
internal sealed class PdfText(PdfFonts fonts, bool rightToLeft)
{
    /// <summary>A word longer than this is cut (a 20,000-character token must still fit the page).</summary>
    private const int MaxPieceChars = 48;

    private readonly Dictionary<(string, PdfScript, bool, float), ShapedRun> _shaped = [];
    private readonly Dictionary<(bool, float), float> _spaces = [];

    public bool RightToLeft { get; } = rightToLeft;

    public static PdfScript ScriptOf(char c) => c switch
    {
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => PdfScript.Arabic,
        >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' => PdfScript.Chinese,
        _ when char.IsSurrogate(c) => PdfScript.Chinese, // the supplementary ideographs; other scripts there are not expected in a text
        _ => PdfScript.Latin,
    };

    private static bool IsCjkBreakable(char c) => ScriptOf(c) == PdfScript.Chinese && !IsClosingCjk(c);

    /// <summary>Chinese punctuation that may not begin a line: it stays with the character before it.</summary>
    private static bool IsClosingCjk(char c) => "，。、；：？！）》」』】〕〉”’·…—".Contains(c, StringComparison.Ordinal);

    public float SpaceWidth(PdfStyle style)
    {
        if (!_spaces.TryGetValue((style.Bold, style.Size), out var width))
            _spaces[(style.Bold, style.Size)] = width = Shape(" ", PdfScript.Latin, style.Bold, style.Size).Width;
        return width;
    }

    /// <summary>The text as pieces in logical order; a line feed in the text ends a line.</summary>
    public List<Piece> Pieces(string text, PdfStyle style)
    {
        var pieces = new List<Piece>();
        var word = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                Flush(spaceAfter: false, breakAfter: true);
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                Flush(spaceAfter: true, breakAfter: false);
                i++;
                continue;
            }
            if (IsCjkBreakable(c) && word.Length > 0)
                Flush(spaceAfter: false, breakAfter: false);
            word.Append(c);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                word.Append(text[++i]);
            i++;
            // A Chinese character is a piece of its own, unless closing punctuation follows it.
            var next = i < text.Length ? text[i] : '\0';
            if ((IsCjkBreakable(c) || char.IsSurrogate(c)) && !IsClosingCjk(next))
                Flush(spaceAfter: false, breakAfter: false);
            else if (word.Length >= MaxPieceChars && !char.IsHighSurrogate(word[^1]))
                Flush(spaceAfter: false, breakAfter: false);
        }
        Flush(spaceAfter: false, breakAfter: false);
        return pieces;

        void Flush(bool spaceAfter, bool breakAfter)
        {
            if (word.Length == 0)
            {
                // Spaces after spaces, or a line feed after a space: mark the piece before.
                if (pieces.Count > 0 && (breakAfter || spaceAfter) && !pieces[^1].BreakAfter)
                {
                    var last = pieces[^1];
                    pieces[^1] = new Piece(last.Text, last.Style, last.Runs, last.Width, last.SpaceAfter || spaceAfter, breakAfter, last.Direction);
                }
                else if (breakAfter)
                    pieces.Add(new Piece("", style, [], 0, false, true, -1)); // an empty line
                return;
            }
            var whole = word.ToString();
            // In a right-to-left text, punctuation after a Latin word ("(ST/SGB/2003/13).") is a piece of its own: a neutral
            // at the end of the sentence takes the paragraph's direction and stands at its left end, not at the Latin word's right.
            var cut = whole.Length;
            while (RightToLeft && cut > 0 && char.IsPunctuation(whole[cut - 1]) && whole[cut - 1] is not (')' or ']' or '»' or '”'))
                cut--;
            if (cut > 0 && cut < whole.Length && whole[..cut].Any(c => char.IsLetter(c) && ScriptOf(c) != PdfScript.Arabic))
            {
                pieces.Add(MakePiece(whole[..cut], style, spaceAfter: false, breakAfter: false));
                pieces.Add(MakePiece(whole[cut..], style, spaceAfter, breakAfter));
            }
            else
                pieces.Add(MakePiece(whole, style, spaceAfter, breakAfter));
            word.Clear();
        }
    }

    private Piece MakePiece(string text, PdfStyle style, bool spaceAfter, bool breakAfter)
    {
        // Each character's script: a letter's own; a digit or punctuation mark goes with the letters around it when their
        // font has it (an Arabic comma with Arabic), else with the Latin font (Noto Naskh has no "/").
        var scripts = new PdfScript[text.Length];
        var direction = -1;
        var digits = false;
        PdfScript? before = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c) || char.IsSurrogate(c))
            {
                var script = ScriptOf(c);
                direction = direction == 1 || script == PdfScript.Arabic ? 1 : 0;
                scripts[i] = script;
                before = script;
                continue;
            }
            digits |= char.IsDigit(c);
            var around = before ?? NextLetterScript(text, i) ?? ScriptOf(c);
            scripts[i] = Has(around, style.Bold, c) ? around : Has(PdfScript.Latin, style.Bold, c) ? PdfScript.Latin : ScriptOf(c);
        }
        // A number (no letters) reads left to right, also inside Arabic text (the bidi algorithm's rule I2).
        if (direction == -1 && digits)
            direction = 0;
        var shaped = new List<ShapedRun>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && (scripts[i] == scripts[start] || char.IsLowSurrogate(text[i])))
                continue;
            shaped.Add(Shape(text[start..i], scripts[start], style.Bold, style.Size));
            start = i;
        }
        // In a right-to-left word the runs are drawn from the last to the first.
        if (direction == 1)
            shaped.Reverse();
        return new Piece(text, style, shaped, shaped.Sum(r => r.Width), spaceAfter, breakAfter, direction);
    }

    private static PdfScript? NextLetterScript(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (char.IsLetter(text[i]) || char.IsSurrogate(text[i]))
                return ScriptOf(text[i]);
        return null;
    }

    private bool Has(PdfScript script, bool bold, char c)
    {
        try { return fonts.Face(script, bold).Shaper.TryGetNominalGlyph(c, out _); }
        catch (PdfFontMissingException) { return false; }
    }

    public ShapedRun Shape(string text, PdfScript script, bool bold, float size)
    {
        var key = (text, script, bold, size);
        if (_shaped.TryGetValue(key, out var cached))
            return cached;
        var face = fonts.Face(script, bold);
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HbBuffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        if (script == PdfScript.Chinese)
            buffer.Language = new HbLanguage("zh-Hans");
        face.Shaper.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var scale = size / face.UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var offsets = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var x = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            offsets[i] = new SKPoint(x + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            x += positions[i].XAdvance * scale;
        }
        var run = new ShapedRun(face, size, glyphs, offsets, utf8, clusters, x);
        if (_shaped.Count < 200_000)
            _shaped[key] = run;
        return run;
    }

    /// <summary>Greedy line filling; a piece wider than the line stands on a line of its own.</summary>
    public List<List<Piece>> Lines(IReadOnlyList<Piece> pieces, float width)
    {
        var lines = new List<List<Piece>>();
        var line = new List<Piece>();
        var used = 0f;
        foreach (var piece in pieces)
        {
            var gap = line.Count > 0 && line[^1].SpaceAfter ? SpaceWidth(line[^1].Style) : 0;
            if (line.Count > 0 && used + gap + piece.Width > width)
            {
                // Punctuation cut off its word (a right-to-left text's) does not begin a line: the word goes with it.
                var glued = line.Count > 1 && !line[^1].SpaceAfter && piece.Text.Length > 0 && piece.Text.All(char.IsPunctuation) ? line[^1] : null;
                if (glued is not null)
                    line.RemoveAt(line.Count - 1);
                lines.Add(line);
                line = glued is null ? [] : [glued];
                used = glued?.Width ?? 0;
                gap = 0;
            }
            line.Add(piece);
            used += gap + piece.Width;
            if (piece.BreakAfter)
            {
                lines.Add(line);
                line = [];
                used = 0;
            }
        }
        if (line.Count > 0 || lines.Count == 0)
            lines.Add(line);
        return lines;
    }

    /// <summary>
    /// The pieces of a line from left to right (the Unicode bidi algorithm's rule L2 over word levels): in a right-to-left
    /// document Arabic words are at level 1 and runs of Latin words at level 2, so "United Nations" inside Arabic text
    /// still reads left to right; digits and punctuation take the level of the words around them.
    /// </summary>
    /// <returns>Indexes into <paramref name="line"/>, leftmost first.</returns>
    public int[] VisualOrder(IReadOnlyList<Piece> line)
    {
        var baseLevel = RightToLeft ? 1 : 0;
        var levels = new int[line.Count];
        for (var i = 0; i < line.Count; i++)
            levels[i] = line[i].Direction switch { 1 => 1, 0 => RightToLeft ? 2 : 0, _ => -1 };
        for (var i = 0; i < line.Count; i++)
        {
            if (levels[i] != -1)
                continue;
            var before = Enumerable.Range(0, i).Reverse().Select(j => levels[j]).FirstOrDefault(l => l != -1, baseLevel);
            var after = Enumerable.Range(i + 1, line.Count - i - 1).Select(j => line[j].Direction switch { 1 => 1, 0 => RightToLeft ? 2 : 0, _ => -1 })
                .FirstOrDefault(l => l != -1, baseLevel);
            levels[i] = before == after ? before : baseLevel;
        }
        var order = Enumerable.Range(0, line.Count).ToArray();
        var max = levels.DefaultIfEmpty(0).Max();
        for (var level = max; level >= 1; level--)
        {
            var i = 0;
            while (i < order.Length)
            {
                if (levels[order[i]] < level) { i++; continue; }
                var j = i;
                while (j < order.Length && levels[order[j]] >= level)
                    j++;
                Array.Reverse(order, i, j - i);
                i = j;
            }
        }
        return order;
    }

    /// <summary>The width the line takes, spaces between its words included.</summary>
    public float Width(IReadOnlyList<Piece> line)
    {
        var width = 0f;
        for (var i = 0; i < line.Count; i++)
            width += line[i].Width + (i < line.Count - 1 && line[i].SpaceAfter ? SpaceWidth(line[i].Style) : 0);
        return width;
    }
}
