using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Domain.Languages;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Mous;

/// <summary>The MOU's original language and language versions; the clause numbers they share stay in <see cref="MouState.Clauses"/>.</summary>
public sealed partial class MouGrain : IMouLanguagesGrain
{
    private string Original => S.OriginalLanguage.Length > 0 ? S.OriginalLanguage : UnLanguages.Default;

    public Task<LanguageSettings?> GetLanguagesAsync() => Task.FromResult(S.Exists ? Languages() : null);

    public async Task<Outcome<LanguageSettings>> SetLanguageVersionAsync(string code, bool required, Actor by)
    {
        if (!S.Exists)
            return Outcome<LanguageSettings>.Fail(Failure.NotFound, "no such MOU");
        if (UnLanguages.Find(code) is not { } language)
            return Outcome<LanguageSettings>.Fail(Failure.Invalid, $"language: one of {UnLanguages.Codes}");
        if (language.Code == Original)
            return Outcome<LanguageSettings>.Fail(Failure.Conflict, $"{language.Name} is the original language of this MOU");
        var index = S.LanguageVersions.FindIndex(v => v.Code == language.Code);
        var before = index >= 0 ? S.LanguageVersions[index] : null;
        if (before is not null && before.Required == required)
            return Outcome<LanguageSettings>.Success(Languages());
        var after = before is null ? new LanguageVersion(language.Code, required, clock.GetUtcNow(), by.Name) : before with { Required = required };
        if (before is null)
            S.LanguageVersions.Add(after);
        else
            S.LanguageVersions[index] = after;
        await state.WriteOrRollBackAsync(() =>
        {
            if (before is null)
                S.LanguageVersions.Remove(after);
            else
                S.LanguageVersions[index] = before;
        }, DeactivateOnIdle);
        await this.PublishAsync(new LanguageVersionChanged(Id, language.Code, by, clock.GetUtcNow()));
        return Outcome<LanguageSettings>.Success(Languages());
    }

    public async Task<Outcome<LanguageSettings>> SetOriginalLanguageAsync(string code, Actor by)
    {
        if (!S.Exists)
            return Outcome<LanguageSettings>.Fail(Failure.NotFound, "no such MOU");
        if (UnLanguages.Find(code) is not { } language)
            return Outcome<LanguageSettings>.Fail(Failure.Invalid, $"language: one of {UnLanguages.Codes}");
        if (language.Code == Original)
            return Outcome<LanguageSettings>.Success(Languages());
        // The original's clause grains would otherwise become translations of themselves.
        if (S.LanguageVersions.Count > 0)
            return Outcome<LanguageSettings>.Fail(Failure.Conflict, "the original language can only be named before any other language version is added");
        var before = S.OriginalLanguage;
        S.OriginalLanguage = language.Code;
        await state.WriteOrRollBackAsync(() => S.OriginalLanguage = before, DeactivateOnIdle);
        await this.PublishAsync(new LanguageVersionChanged(Id, language.Code, by, clock.GetUtcNow()));
        return Outcome<LanguageSettings>.Success(Languages());
    }

    private LanguageSettings Languages() => new(Original, S.LanguageVersions.ToArray());
}
