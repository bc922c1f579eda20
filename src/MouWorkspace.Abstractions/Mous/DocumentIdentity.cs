namespace MouWorkspace.Abstractions.Mous;

/// <summary>
/// The MOU as a UN document: its symbol (the document's own, "A/AC.121/2026/L.2"; each revision adds its label, e.g.
/// "/Rev.2"), distribution, date, session and agenda item. The original language is the MOU's (IMouLanguagesGrain).
/// </summary>
/// <param name="Distribution">"general" or "limited" (<see cref="Distributions"/>).</param>
/// <param name="Date">The document's date, shown on an export of the current drafts; a revision is dated the day it was published.</param>
/// <param name="Session">e.g. "2026 substantive session"; empty when none.</param>
/// <param name="AgendaItem">e.g. "4"; shown as "Agenda item 4"; empty when none.</param>
[GenerateSerializer, Immutable, Alias("mou.document-identity")]
public sealed record DocumentIdentity(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Distribution,
    [property: Id(2)] DateOnly? Date,
    [property: Id(3)] string Session,
    [property: Id(4)] string AgendaItem,
    [property: Id(5)] string SetBy,
    [property: Id(6)] DateTimeOffset SetAt);

public static class Distributions
{
    public const string General = "general";
    public const string Limited = "limited";

    public static readonly IReadOnlyList<string> All = [General, Limited];
}
