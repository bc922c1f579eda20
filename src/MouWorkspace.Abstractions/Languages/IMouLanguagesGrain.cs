using Orleans.Concurrency;
using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Languages;

/// <summary>
/// The language versions of an MOU, kept by the MOU grain (the same activation as <see cref="Mous.IMouGrain"/>),
/// which also keeps the clause numbers: every language shows a clause under the one number the MOU gave it.
/// </summary>
[Alias("mou.IMouLanguagesGrain")]
public interface IMouLanguagesGrain : IGrainWithStringKey
{
    /// <summary>null when the MOU does not exist. An MOU created before languages existed has English as its original.</summary>
    [ReadOnly]
    Task<LanguageSettings?> GetLanguagesAsync();

    /// <summary>Adds a language version (or changes whether it is required). The original language cannot be added again.</summary>
    Task<Outcome<LanguageSettings>> SetLanguageVersionAsync(string code, bool required, Actor by);

    /// <summary>Names the original language; refused once the MOU has other language versions.</summary>
    Task<Outcome<LanguageSettings>> SetOriginalLanguageAsync(string code, Actor by);
}
