using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace MouWorkspace.Search.Lucene;

/// <summary>
/// One analyzer for the six UN languages, since a clause's language is not recorded and texts mix them:
/// Unicode word breaks (UAX #29) for Arabic, Cyrillic and Latin scripts; Chinese and Japanese, written without
/// spaces, as overlapping bigrams (CJK bigrams: 维和人员 → 维和 和人 人员, so a query of two or more characters
/// finds its text without a dictionary); full-width forms folded; lower case; Arabic normalized (hamza forms of
/// alef, teh marbuta, alef maksura, diacritics and tatweel); Latin accents folded so that "reforme" finds
/// "réforme". No stop words: one language's stop word is another's content word.
/// <para>
/// <paramref name="stemmed"/> (the <c>*.stem</c> fields) adds stemmers that only touch their own script, since the
/// language of a word is not known: Arabic light stemming (prefixes ال وال بال …, suffixes ات ون ين …) on Arabic
/// letters, Russian light stemming on Cyrillic, English possessives and Porter on Latin letters ("trainings",
/// "trained" → "train"). The exact fields keep the words as written so that exact matches rank higher.
/// </para>
/// </summary>
public sealed class MultilingualAnalyzer(bool stemmed = false) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ArabicNormalizationFilter(stream);
        if (stemmed)
        {
            stream = new ArabicStemFilter(stream);
            stream = new RussianLightStemFilter(stream);
        }
        stream = new ASCIIFoldingFilter(stream);
        if (stemmed)
        {
            stream = new EnglishPossessiveFilter(Version, stream);
            stream = new PorterStemFilter(stream);
        }
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
