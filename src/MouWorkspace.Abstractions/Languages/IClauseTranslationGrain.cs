using Orleans.Concurrency;
using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Abstractions.Languages;

/// <summary>
/// A clause's language version: the same clause grain type as the original (so drafts, diffs, comments and
/// proposals work unchanged through <see cref="Clauses.IClauseGrain"/>), keyed by
/// <see cref="ClauseKey.For(string, string, string)"/>, whose every draft records the original draft it translates.
/// </summary>
[Alias("mou.IClauseTranslationGrain")]
public interface IClauseTranslationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Saves a translation draft when <see cref="SaveTranslation.ExpectedVersion"/> is the current one (0 creates the
    /// language version of the clause); otherwise <see cref="Failure.PreconditionFailed"/>. Refused on an original clause.
    /// </summary>
    Task<Outcome<TranslationView>> SaveTranslationAsync(SaveTranslation command);

    /// <summary>The current translation, or null when the clause has none in this language yet.</summary>
    [ReadOnly]
    Task<TranslationView?> GetTranslationAsync();

    /// <summary>Every translation draft, oldest first, with the original draft each translates.</summary>
    [ReadOnly]
    Task<IReadOnlyList<TranslatedDraft>> GetTranslatedDraftsAsync();
}
