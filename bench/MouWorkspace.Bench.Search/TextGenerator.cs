using System.Text;

namespace MouWorkspace.Bench.Search;

/// <summary>
/// Deterministic negotiating text in the six UN languages: sentences drawn from a vocabulary per language
/// (Chinese without spaces), so that indexing sees realistic token counts and scripts.
/// </summary>
public sealed class TextGenerator(int seed)
{
    public static readonly string[] Languages = ["en", "fr", "es", "ru", "ar", "zh"];

    private static readonly Dictionary<string, string[]> Words = new()
    {
        ["en"] = "the government shall exercise jurisdiction over its personnel troop contributing countries investigate allegations of sexual exploitation and abuse report to secretary general within ninety days training certify contingent commander national authorities disciplinary measures victims assistance paternity claims code conduct mission headquarters".Split(' '),
        ["fr"] = "le gouvernement exerce sa compétence sur son personnel les pays fournisseurs de contingents enquêtent allégations exploitation et atteintes sexuelles rapport au secrétaire général dans un délai de quatre-vingt-dix jours formation certifier commandant autorités nationales mesures disciplinaires assistance aux victimes".Split(' '),
        ["es"] = "el gobierno ejercerá jurisdicción sobre su personal los países que aportan contingentes investigarán las denuncias de explotación y abusos sexuales informe al secretario general en un plazo de noventa días capacitación certificar comandante autoridades nacionales medidas disciplinarias asistencia a las víctimas".Split(' '),
        ["ru"] = "правительство осуществляет юрисдикцию в отношении своего персонала страны предоставляющие войска расследуют обвинения в сексуальной эксплуатации и надругательствах доклад генеральному секретарю в течение девяноста дней подготовка командир контингента национальные органы дисциплинарные меры помощь пострадавшим".Split(' '),
        ["ar"] = "تمارس الحكومة الولاية القضائية على أفرادها البلدان المساهمة بقوات تحقق في ادعاءات الاستغلال والانتهاك الجنسيين تقرير إلى الأمين العام في غضون تسعين يوما التدريب قائد الوحدة السلطات الوطنية التدابير التأديبية مساعدة الضحايا".Split(' '),
        ["zh"] = "政府 对 其 人员 行使 管辖权 部队 派遣国 应 调查 性剥削 和 性虐待 指控 在 九十天 内 向 秘书长 报告 培训 认证 特遣队 指挥官 国家 当局 纪律 措施 受害者 援助 行为守则".Split(' '),
    };

    private readonly Random random = new(seed);

    public string Language(int index) => Languages[index % Languages.Length];

    public string Sentence(string language, int words)
    {
        var vocabulary = Words[language];
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0 && language != "zh")
                builder.Append(' ');
            builder.Append(vocabulary[random.Next(vocabulary.Length)]);
        }
        builder.Append(language == "zh" ? "。" : ".");
        return builder.ToString();
    }

    /// <summary>A few queries per language: single words, two words, a phrase, and Chinese without spaces.</summary>
    public static IReadOnlyList<(string Language, string Query)> Queries() =>
    [
        ("en", "allegations"), ("en", "investigate exploitation"), ("en", "\"contingent commander\""), ("en", "disciplin*"),
        ("fr", "allégations"), ("fr", "compétence personnel"), ("fr", "\"assistance aux victimes\""),
        ("es", "denuncias"), ("es", "explotación abusos"), ("es", "\"medidas disciplinarias\""),
        ("ru", "обвинения"), ("ru", "расследуют эксплуатации"), ("ru", "\"дисциплинарные меры\""),
        ("ar", "ادعاءات"), ("ar", "الاستغلال التدريب"), ("ar", "التأديبية"),
        ("zh", "性剥削"), ("zh", "指控"), ("zh", "特遣队指挥官"),
    ];
}
