namespace MouWorkspace.Documents.Export;

/// <summary>
/// The words a document writes around the negotiated text, in the document's language: the corner block, title block,
/// footer and annex, as UN documents in the six official languages write them. Formats take their values as {0}, {1}.
/// </summary>
internal sealed record Labels(
    string PageBefore, string PageBetween, string PageAfter,
    string Draft, string AdvanceUnedited, string ChangesFrom,
    string Addendum, string Corrigendum,
    string General, string Limited, string Original, string AgendaItem,
    string AnnexHeading, string State, string Position, string Note, string Date, string Consensus,
    IReadOnlyDictionary<string, string> Positions, IReadOnlyDictionary<string, string> Consensuses,
    IReadOnlyDictionary<string, string> LanguageNames)
{
    /// <summary>"Original: English", with the original language named in this language ("Original : anglais").</summary>
    public string OriginalLine(string code) => string.Format(Original, LanguageNames.GetValueOrDefault(code, code));

    /// <summary>The document's own language as its heading names it ("Français"), shown above "Original: …" in a translation.</summary>
    public string LanguageLine(string code) => Own.GetValueOrDefault(code, code);

    public string PositionWord(string position) => Positions.GetValueOrDefault(position.ToLowerInvariant(), position);

    public string ConsensusWord(string consensus) => Consensuses.GetValueOrDefault(consensus.ToLowerInvariant(), consensus);

    private static readonly Dictionary<string, string> Own = new(StringComparer.Ordinal)
    {
        ["en"] = "English", ["fr"] = "Français", ["es"] = "Español", ["ru"] = "Русский", ["ar"] = "العربية", ["zh"] = "中文",
    };

    private static Dictionary<string, string> Words(string agree, string reserve, string @object) =>
        new(StringComparer.Ordinal) { ["agree"] = agree, ["reserve"] = reserve, ["object"] = @object };

    private static Dictionary<string, string> States(string pending, string adopted, string blocked) =>
        new(StringComparer.Ordinal) { ["pending"] = pending, ["adopted"] = adopted, ["blocked"] = blocked };

    private static Dictionary<string, string> Names(string ar, string zh, string en, string fr, string ru, string es) =>
        new(StringComparer.Ordinal) { ["ar"] = ar, ["zh"] = zh, ["en"] = en, ["fr"] = fr, ["ru"] = ru, ["es"] = es };

    private static readonly Dictionary<string, Labels> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = new("Page ", " of ", "", "Draft", "Advance unedited version", "Changes from {0} are shown as tracked changes",
            "Addendum", "Corrigendum", "Distr.: General", "Distr.: Limited", "Original: {0}", "Agenda item {0}",
            "Annex: positions on {0}", "State", "Position", "Note", "Date", "Consensus: {0}",
            Words("Agrees", "Agrees with a reservation", "Objects"), States("pending", "adopted", "blocked"),
            Names("Arabic", "Chinese", "English", "French", "Russian", "Spanish")),
        ["fr"] = new("Page ", " sur ", "", "Projet", "Version préliminaire non éditée", "Les modifications par rapport au document {0} sont indiquées en mode révision",
            "Additif", "Rectificatif", "Distr. générale", "Distr. limitée", "Original : {0}", "Point {0} de l’ordre du jour",
            "Annexe : positions sur le document {0}", "État", "Position", "Observation", "Date", "Consensus : {0}",
            Words("Accepte", "Accepte avec une réserve", "S’oppose"), States("en attente", "adopté", "bloqué"),
            Names("arabe", "chinois", "anglais", "français", "russe", "espagnol")),
        ["es"] = new("Página ", " de ", "", "Proyecto", "Versión anticipada no editada", "Los cambios respecto del documento {0} se indican como control de cambios",
            "Adición", "Corrección", "Distr. general", "Distr. limitada", "Original: {0}", "Tema {0} del programa",
            "Anexo: posiciones sobre el documento {0}", "Estado", "Posición", "Observación", "Fecha", "Consenso: {0}",
            Words("Acepta", "Acepta con una reserva", "Se opone"), States("pendiente", "aprobado", "bloqueado"),
            Names("árabe", "chino", "inglés", "francés", "ruso", "español")),
        ["ru"] = new("Стр. ", " из ", "", "Проект", "Предварительный неотредактированный вариант", "Изменения по сравнению с документом {0} показаны в режиме исправлений",
            "Добавление", "Исправление", "Distr.: общая", "Distr.: ограниченная", "Подлинный текст: {0}", "Пункт {0} повестки дня",
            "Приложение: позиции по документу {0}", "Государство", "Позиция", "Примечание", "Дата", "Консенсус: {0}",
            Words("Согласно", "Согласно с оговоркой", "Возражает"), States("не достигнут", "принято", "заблокировано"),
            Names("арабский", "китайский", "английский", "французский", "русский", "испанский")),
        ["ar"] = new("الصفحة ", " من ", "", "مشروع", "نسخة مسبقة غير منقحة", "التغييرات مقارنة بالوثيقة {0} مبينة بعلامات تتبع التغييرات",
            "إضافة", "تصويب", "التوزيع: عام", "التوزيع: محدود", "الأصل: {0}", "البند {0} من جدول الأعمال",
            "المرفق: المواقف بشأن الوثيقة {0}", "الدولة", "الموقف", "ملاحظة", "التاريخ", "توافق الآراء: {0}",
            Words("موافقة", "موافقة مع تحفظ", "اعتراض"), States("قيد النظر", "اعتُمد", "متعذر"),
            Names("بالعربية", "بالصينية", "بالإنكليزية", "بالفرنسية", "بالروسية", "بالإسبانية")),
        ["zh"] = new("第 ", " 页，共 ", " 页", "草案", "未经编辑的预发本", "与{0}相比的修改以修订标记显示",
            "增编", "更正", "分发：普遍", "分发：限制", "原件：{0}", "议程项目{0}",
            "附件：对{0}的立场", "国家", "立场", "说明", "日期", "协商一致：{0}",
            Words("同意", "有保留地同意", "反对"), States("待定", "已通过", "受阻"),
            Names("阿拉伯文", "中文", "英文", "法文", "俄文", "西班牙文")),
    };

    public static Labels For(string code) => ByLanguage.TryGetValue(code, out var labels) ? labels : ByLanguage["en"];
}
