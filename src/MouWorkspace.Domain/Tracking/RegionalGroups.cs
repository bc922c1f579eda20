using MouWorkspace.Domain.States;

namespace MouWorkspace.Domain.Tracking;

public enum RegionalGroup { African, AsiaPacific, EasternEuropean, LatinAmericanAndCaribbean, WesternEuropeanAndOthers }

/// <summary>
/// The five UN regional groups, so that adoption can be charted by region. Each member state is in exactly
/// one group here: Türkiye and Israel count with the Western European and Others Group, and the United States
/// (an observer there, counted with it for elections) too; Kiribati with Asia-Pacific.
/// </summary>
public static class RegionalGroups
{
    public static RegionalGroup? Of(string? code) => code is not null && ByCode.TryGetValue(code, out var group) ? group : null;

    public static string ToWire(RegionalGroup group) => group switch
    {
        RegionalGroup.African => "african",
        RegionalGroup.AsiaPacific => "asia-pacific",
        RegionalGroup.EasternEuropean => "eastern-european",
        RegionalGroup.LatinAmericanAndCaribbean => "latin-american-and-caribbean",
        _ => "western-european-and-others",
    };

    public static string Name(RegionalGroup group) => group switch
    {
        RegionalGroup.African => "African Group",
        RegionalGroup.AsiaPacific => "Asia-Pacific Group",
        RegionalGroup.EasternEuropean => "Eastern European Group",
        RegionalGroup.LatinAmericanAndCaribbean => "Latin American and Caribbean Group",
        _ => "Western European and Others Group",
    };

    /// <summary>The raw lists, for the test that they partition the 193 member states.</summary>
    public static IReadOnlyDictionary<RegionalGroup, string[]> Members { get; } = new Dictionary<RegionalGroup, string[]>
    {
        [RegionalGroup.African] =
        [
            "DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG", "COD", "CIV", "DJI", "EGY", "GNQ", "ERI",
            "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ",
            "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN", "TGO", "TUN", "UGA", "TZA", "ZMB", "ZWE",
        ],
        [RegionalGroup.AsiaPacific] =
        [
            "AFG", "BHR", "BGD", "BTN", "BRN", "KHM", "CHN", "CYP", "PRK", "FJI", "IND", "IDN", "IRN", "IRQ", "JPN", "JOR", "KAZ", "KIR",
            "KWT", "KGZ", "LAO", "LBN", "MYS", "MDV", "MHL", "FSM", "MNG", "MMR", "NRU", "NPL", "OMN", "PAK", "PLW", "PNG", "PHL", "QAT",
            "KOR", "WSM", "SAU", "SGP", "SLB", "LKA", "SYR", "TJK", "THA", "TLS", "TON", "TKM", "TUV", "ARE", "UZB", "VUT", "VNM", "YEM",
        ],
        [RegionalGroup.EasternEuropean] =
        [
            "ALB", "ARM", "AZE", "BLR", "BIH", "BGR", "HRV", "CZE", "EST", "GEO", "HUN", "LVA", "LTU", "MNE", "POL", "MDA", "ROU", "RUS",
            "SRB", "SVK", "SVN", "MKD", "UKR",
        ],
        [RegionalGroup.LatinAmericanAndCaribbean] =
        [
            "ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA", "DOM", "ECU", "SLV", "GRD", "GTM", "GUY",
            "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER", "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN",
        ],
        [RegionalGroup.WesternEuropeanAndOthers] =
        [
            "AND", "AUS", "AUT", "BEL", "CAN", "DNK", "FIN", "FRA", "DEU", "GRC", "ISL", "IRL", "ISR", "ITA", "LIE", "LUX", "MLT", "MCO",
            "NLD", "NZL", "NOR", "PRT", "SMR", "ESP", "SWE", "CHE", "TUR", "GBR", "USA",
        ],
    };

    // Declared after Members: static initializers run in text order.
    private static readonly Dictionary<string, RegionalGroup> ByCode = Build();

    private static Dictionary<string, RegionalGroup> Build()
    {
        var map = new Dictionary<string, RegionalGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, codes) in Members)
            foreach (var code in codes)
                map[code] = group;
        return map;
    }
}
