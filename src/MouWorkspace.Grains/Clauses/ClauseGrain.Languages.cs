using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Grains.Clauses;

/// <summary>
/// A clause grain keyed by <see cref="ClauseKey.For(string, string, string)"/> holds a language version of the clause:
/// the same drafts, comments and proposals as an original, plus the original draft each draft translates.
/// </summary>
public sealed partial class ClauseGrain : IClauseTranslationGrain
{
    public async Task<Outcome<TranslationView>> SaveTranslationAsync(SaveTranslation command)
    {
        if (!ClauseKey.IsLanguageVersion(this.GetPrimaryKeyString()))
            return Outcome<TranslationView>.Fail(Failure.Conflict, "this is the original text: save it as a draft, not as a translation");
        var current = S.Exists ? S.Current.Version : 0;
        if (command.ExpectedVersion != current)
            return Outcome<TranslationView>.Fail(Failure.PreconditionFailed, S.Exists
                ? $"version {command.ExpectedVersion} is stale: {S.Current.Author} saved version {current} at {S.Current.At:O}"
                : $"version {command.ExpectedVersion} is stale: the clause has no translation in this language yet (send If-Match: \"0\")");

        var created = !S.Exists;
        var headingBefore = S.Heading;
        if (created)
        {
            S.MouId = command.MouId;
            S.ClauseId = command.ClauseId;
            S.Number = command.Number;
        }
        S.Heading = command.Heading ?? S.Heading;
        var draft = new Draft(current + 1, command.Text, command.By.Name, command.By.MemberState, clock.GetUtcNow(), command.Rationale, S.Heading);
        S.Drafts.Add(draft);
        S.TranslatesDraft[draft.Version] = command.TranslatesDraft;
        await state.WriteOrRollBackAsync(() =>
        {
            S.Drafts.Remove(draft);
            S.TranslatesDraft.Remove(draft.Version);
            S.Heading = headingBefore;
        }, DeactivateOnIdle);
        await this.PublishAsync(new TranslationSaved(S.MouId, S.ClauseId, S.Number, LanguagePart ?? "", draft.Version, command.By, draft.At));
        return Outcome<TranslationView>.Success(new TranslationView(View(), command.TranslatesDraft));
    }

    public Task<TranslationView?> GetTranslationAsync() =>
        Task.FromResult(S.Exists ? new TranslationView(View(), S.TranslatesDraft.GetValueOrDefault(S.Current.Version)) : null);

    public Task<IReadOnlyList<TranslatedDraft>> GetTranslatedDraftsAsync() =>
        Task.FromResult<IReadOnlyList<TranslatedDraft>>(S.Drafts.Select(d => new TranslatedDraft(d, S.TranslatesDraft.GetValueOrDefault(d.Version))).ToArray());
}
