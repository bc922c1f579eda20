using System.Globalization;

namespace MouWorkspace.Documents.Export;

/// <summary>
/// A date as UN documents in each language write it: "12 March 2007", "12 mars 2007" ("1er mars"), "12 de marzo de 2007",
/// "12 марта 2007 года", "12 آذار/مارس 2007", "2007年3月12日". The month names are written here rather than taken from the
/// server's culture data: the output must not depend on the ICU version installed, and the Arabic form (Levantine and
/// Gregorian month names, Gregorian calendar) is not what any .NET Arabic culture formats.
/// </summary>
internal static class DocumentDates
{
    private static readonly Dictionary<string, string[]> Months = new(StringComparer.Ordinal)
    {
        ["en"] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["fr"] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["es"] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["ru"] = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        ["ar"] = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
            "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"],
    };

    public static string Format(DateOnly date, string language)
    {
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        if (language == "zh")
            return string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
        var month = (Months.GetValueOrDefault(language) ?? Months["en"])[date.Month - 1];
        return language switch
        {
            "fr" => $"{(date.Day == 1 ? "1er" : day)} {month} {year}",
            "es" => $"{day} de {month} de {year}",
            "ru" => $"{day} {month} {year} года",
            _ => $"{day} {month} {year}",
        };
    }
}
