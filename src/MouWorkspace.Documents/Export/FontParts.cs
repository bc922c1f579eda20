using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// What tells Word and LibreOffice to draw Chinese with Simplified Chinese forms where SimSun is missing (servers, Linux
/// desktops), rather than with a Japanese font's glyphs for the same code points: a font table that describes SimSun,
/// Microsoft YaHei and Noto Sans/Serif CJK SC as GB2312 (charset 86) fonts, which a font substitution that matches on
/// charset and panose takes to a Simplified Chinese face; a theme whose fonts name SimSun for the "Hans" script; and
/// w:themeFontLang eastAsia zh-CN in the settings, which is what makes Word pick the theme's Hans font. Runs of Chinese
/// text also carry w:lang w:eastAsia="zh-CN" (RunFactory), the hint fontconfig's fallback follows.
/// </summary>
internal static class FontParts
{
    public const string SimplifiedChinese = ExportLanguage.EastAsianFont;
    public const string SimplifiedChineseSans = "Microsoft YaHei";
    public static readonly string[] Fallbacks = ["Noto Sans CJK SC", "Noto Serif CJK SC"];

    public static void Write(MainDocumentPart main)
    {
        main.AddNewPart<FontTablePart>("rIdFonts").Fonts = new Fonts(
            Font(ExportLanguage.LatinFont, null, "00", FontFamilyValues.Roman, "02020603050405020304"),
            Font(ExportLanguage.ComplexFont, null, "00", FontFamilyValues.Swiss, "020B0604020202020204"),
            Font(SimplifiedChinese, "宋体", "86", FontFamilyValues.Auto, "02010600030101010101"),
            Font(SimplifiedChineseSans, "微软雅黑", "86", FontFamilyValues.Swiss, "020B0503020204020204"),
            Font(Fallbacks[0], null, "86", FontFamilyValues.Swiss, "020B0500000000000000"),
            Font(Fallbacks[1], null, "86", FontFamilyValues.Roman, "02020400000000000000"));
        var theme = main.AddNewPart<ThemePart>("rIdTheme");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ThemeXml));
        theme.FeedData(stream);
    }

    /// <summary>w:themeFontLang for the settings part: which script's theme fonts Word uses for East Asian and complex-script text.</summary>
    public static ThemeFontLanguages ThemeLanguages() => new() { Val = "en-GB", EastAsia = "zh-CN", Bidi = "ar-SA" };

    private static Font Font(string name, string? altName, string charset, FontFamilyValues family, string panose)
    {
        var font = new Font { Name = name };
        if (altName is not null)
            font.Append(new AltName { Val = altName });
        font.Append(new Panose1Number { Val = panose });
        font.Append(new FontCharSet { Val = charset });
        font.Append(new FontFamily { Val = family });
        font.Append(new Pitch { Val = FontPitchValues.Variable });
        return font;
    }

    private const string Fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    private const string Line = "<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>";
    private const string Effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    private const string FontSet =
        "<a:latin typeface=\"" + ExportLanguage.LatinFont + "\"/><a:ea typeface=\"\"/><a:cs typeface=\"" + ExportLanguage.ComplexFont + "\"/>" +
        "<a:font script=\"Hans\" typeface=\"" + SimplifiedChinese + "\"/><a:font script=\"Arab\" typeface=\"" + ExportLanguage.ComplexFont + "\"/>";

    private const string ThemeXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"MouWorkspace\"><a:themeElements>" +
        "<a:clrScheme name=\"MouWorkspace\">" +
        "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1><a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>" +
        "<a:dk2><a:srgbClr val=\"1F3864\"/></a:dk2><a:lt2><a:srgbClr val=\"E7E6E6\"/></a:lt2>" +
        "<a:accent1><a:srgbClr val=\"009EDB\"/></a:accent1><a:accent2><a:srgbClr val=\"4D4D4D\"/></a:accent2>" +
        "<a:accent3><a:srgbClr val=\"A5A5A5\"/></a:accent3><a:accent4><a:srgbClr val=\"FFC000\"/></a:accent4>" +
        "<a:accent5><a:srgbClr val=\"5B9BD5\"/></a:accent5><a:accent6><a:srgbClr val=\"70AD47\"/></a:accent6>" +
        "<a:hlink><a:srgbClr val=\"0563C1\"/></a:hlink><a:folHlink><a:srgbClr val=\"954F72\"/></a:folHlink></a:clrScheme>" +
        "<a:fontScheme name=\"MouWorkspace\"><a:majorFont>" + FontSet + "</a:majorFont><a:minorFont>" + FontSet + "</a:minorFont></a:fontScheme>" +
        "<a:fmtScheme name=\"MouWorkspace\"><a:fillStyleLst>" + Fill + Fill + Fill + "</a:fillStyleLst>" +
        "<a:lnStyleLst>" + Line + Line + Line + "</a:lnStyleLst><a:effectStyleLst>" + Effect + Effect + Effect + "</a:effectStyleLst>" +
        "<a:bgFillStyleLst>" + Fill + Fill + Fill + "</a:bgFillStyleLst></a:fmtScheme>" +
        "</a:themeElements></a:theme>";
}
