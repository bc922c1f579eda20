using SkiaSharp;
using HbBlob = HarfBuzzSharp.Blob;
using HbFace = HarfBuzzSharp.Face;
using HbFont = HarfBuzzSharp.Font;

namespace MouWorkspace.Documents.Pdf;

/// <summary>The writing systems a room paper draws, each with fonts of its own.</summary>
internal enum PdfScript { Latin, Arabic, Chinese }

/// <summary>One font file's face, for drawing (Skia) and for shaping (HarfBuzz).</summary>
internal sealed class PdfFace(string path, SKTypeface typeface, HbFont shaper, int unitsPerEm)
{
    public string Path { get; } = path;
    public SKTypeface Typeface { get; } = typeface;
    public HbFont Shaper { get; } = shaper;
    public int UnitsPerEm { get; } = unitsPerEm;
}

/// <summary>The server lacks a font for a script the document holds; the answer names the package that brings it.</summary>
public sealed class PdfFontMissingException(string message) : Exception(message);

/// <summary>
/// The fonts a room paper is drawn with, found once among the server's font files: Noto Serif for Latin, Cyrillic and
/// Greek, Noto Naskh Arabic for Arabic, and the <b>Simplified Chinese</b> face of Noto Serif CJK for Chinese (a CJK
/// collection holds Japanese, Korean and both Chinese faces; taking the first would draw Chinese with Japanese glyph
/// forms, issue 18.9). DejaVu and Noto Sans CJK SC are the fall-backs. The fonts are embedded (subset) in every PDF, so a
/// reader needs none of them. Directories: <c>MOUWORKSPACE_FONTS</c> (separated by ':'), then the system's font folders.
/// </summary>
internal sealed class PdfFonts
{
    private static readonly Lazy<PdfFonts> SystemFonts = new(() => new PdfFonts(DefaultDirectories()));

    public static PdfFonts Shared => SystemFonts.Value;

    private readonly Dictionary<(PdfScript, bool), PdfFace?> _faces = [];

    private static readonly Dictionary<PdfScript, (string File, string? Family)[]> Regular = new()
    {
        [PdfScript.Latin] = [("NotoSerif-Regular.ttf", null), ("DejaVuSerif.ttf", null), ("DejaVuSans.ttf", null)],
        [PdfScript.Arabic] = [("NotoNaskhArabic-Regular.ttf", null), ("NotoSansArabic-Regular.ttf", null), ("DejaVuSans.ttf", null)],
        [PdfScript.Chinese] = [("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"), ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
            ("NotoSerifCJKsc-Regular.otf", null), ("NotoSansCJKsc-Regular.otf", null)],
    };

    private static readonly Dictionary<PdfScript, (string File, string? Family)[]> Bold = new()
    {
        [PdfScript.Latin] = [("NotoSerif-Bold.ttf", null), ("DejaVuSerif-Bold.ttf", null), ("DejaVuSans-Bold.ttf", null)],
        [PdfScript.Arabic] = [("NotoNaskhArabic-Bold.ttf", null), ("NotoSansArabic-Bold.ttf", null), ("DejaVuSans-Bold.ttf", null)],
        [PdfScript.Chinese] = [("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"), ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
            ("NotoSerifCJKsc-Bold.otf", null), ("NotoSansCJKsc-Bold.otf", null)],
    };

    private readonly Dictionary<string, string> _files;

    public PdfFonts(IEnumerable<string> directories)
    {
        _files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try { files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var file in files)
                _files.TryAdd(System.IO.Path.GetFileName(file), file);
        }
    }

    private static IEnumerable<string> DefaultDirectories()
    {
        if (Environment.GetEnvironmentVariable("MOUWORKSPACE_FONTS") is { Length: > 0 } own)
            foreach (var directory in own.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                yield return directory;
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        yield return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/fonts");
        yield return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts");
        yield return "/Library/Fonts";
        yield return Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
    }

    /// <exception cref="PdfFontMissingException">no font for <paramref name="script"/> on this server.</exception>
    public PdfFace Face(PdfScript script, bool bold)
    {
        lock (_faces)
        {
            if (!_faces.TryGetValue((script, bold), out var face))
                _faces[(script, bold)] = face = Load(script, bold) ?? (bold ? Load(script, false) : null);
            return face ?? throw new PdfFontMissingException(script switch
            {
                PdfScript.Arabic => "this server has no font for Arabic text (install the Debian package fonts-noto-core)",
                PdfScript.Chinese => "this server has no Simplified Chinese font (install the Debian package fonts-noto-cjk)",
                _ => "this server has no font for the PDF (install the Debian package fonts-noto-core)",
            });
        }
    }

    private PdfFace? Load(PdfScript script, bool bold)
    {
        foreach (var (file, family) in (bold ? Bold : Regular)[script])
        {
            if (!_files.TryGetValue(file, out var path))
                continue;
            // A collection (.ttc) holds several faces: take the one of the wanted family (the Simplified Chinese one).
            for (var index = 0; index < (family is null ? 1 : 16); index++)
            {
                var typeface = SKTypeface.FromFile(path, index);
                if (typeface is null)
                    break;
                if (family is not null && typeface.FamilyName != family)
                {
                    typeface.Dispose();
                    continue;
                }
                var blob = HbBlob.FromFile(path);
                var hbFace = new HbFace(blob, index);
                var font = new HbFont(hbFace);
                var upem = hbFace.UnitsPerEm;
                font.SetScale(upem, upem);
                return new PdfFace(path, typeface, font, upem);
            }
        }
        return null;
    }
}
