using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Web.Endpoints;

namespace MouWorkspace.Web.Languages;

/// <summary>
/// A published revision with its language completeness. Publishing an incomplete revision is allowed and warned, not
/// refused: positions bind to the original's hash and negotiations must not wait for translation; the translations of
/// that revision can follow (they name the original draft they translate) and make it complete without republishing.
/// </summary>
public sealed record PublishedRevisionResponse(int Number, string Label, string Hash, DateTimeOffset PublishedAt,
    bool LanguagesComplete, IReadOnlyList<string> MissingLanguages, string? Warning, string? Symbol = null);

public static class RevisionLanguages
{
    public static async Task<PublishedRevisionResponse> PublishedAsync(IGrainFactory grains, string mouId, RevisionInfo info)
    {
        var summary = RevisionSummaryResponse.From(info);
        var revision = await grains.GetGrain<IMouGrain>(mouId).GetRevisionAsync(info.Number);
        var status = await LanguageReads.StatusAsync(grains, mouId, revision?.Clauses ?? [], await LanguageReads.SettingsAsync(grains, mouId), info.Number);
        var warning = status.Complete ? null
            : $"{info.Label} is published but incomplete: the required language versions {string.Join(", ", status.MissingLanguages)} are missing or out of date";
        return new(summary.Number, summary.Label, summary.Hash, summary.PublishedAt, status.Complete, status.MissingLanguages, warning, info.Symbol);
    }
}
