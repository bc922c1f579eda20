namespace MouWorkspace.Documents.AkomaNtoso;

/// <summary>Who stands behind a clause's brackets: the author of the clause's draft, a delegation when <paramref name="MemberState"/> is set.</summary>
/// <param name="Name">The author's display name, e.g. "Delegate of France".</param>
/// <param name="MemberState">ISO 3166-1 alpha-3 code of the author's delegation ("FRA"); null for staff.</param>
public sealed record AknSponsor(string Name, string? MemberState);

/// <summary>What an Akoma Ntoso export needs beyond the <see cref="Model.ExportDocument"/>.</summary>
/// <param name="WorkId">The MOU id: the work's number in the FRBR URIs.</param>
/// <param name="OrganizationCode">"un", "nato", "osce": the FRBR country and the author organization.</param>
/// <param name="WorkDate">The work's date (the MOU's creation), stable across revisions and languages.</param>
public sealed record AknExportContext(string WorkId, string OrganizationCode, DateOnly WorkDate)
{
    /// <summary>Sponsor of each clause's brackets, by clause id; clauses without an entry get no sponsor reference.</summary>
    public IReadOnlyDictionary<string, AknSponsor> Sponsors { get; init; } = new Dictionary<string, AknSponsor>();
}

/// <summary>Names shared by <see cref="AkomaNtosoWriter"/> and <see cref="AkomaNtosoReader"/>.</summary>
public static class Akn
{
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
    public const string DocumentName = "memorandumOfUnderstanding";
    public const string BracketName = "bracket";
    public const string AlternativeName = "alternative";

    /// <summary>ISO 639-2 (three letters) as the AKN naming convention writes languages.</summary>
    public static string Iso639Part2(string language) => Domain.Languages.UnLanguages.Find(language)?.Iso6392
        ?? throw new ArgumentOutOfRangeException(nameof(language), language, $"one of {Domain.Languages.UnLanguages.Codes}");
}
