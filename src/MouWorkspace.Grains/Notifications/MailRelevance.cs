using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Notifications;

/// <summary>
/// What of a pending digest is still worth mailing when its delay has passed. "Undone" is what the API can undo:
/// a clause taken out of the text (DELETE) takes its notifications with it; a clause's drafts are mailed as one net
/// change from the text before the first of them to the current text, and not at all when that text is back where
/// it was (a mistaken save reverted by saving the old text again). The reading rules are applied again too.
/// </summary>
public static class MailRelevance
{
    public static async Task<IReadOnlyList<Notification>> KeepAsync(IGrainFactory grains, IReadOnlyList<Notification> pending, Follower recipient)
    {
        var kept = new List<Notification>();
        foreach (var group in pending.GroupBy(n => n.MouId))
        {
            var mou = await grains.GetGrain<IMouGrain>(group.Key).GetInfoAsync();
            if (mou is null || !FollowerAccess.CanRead(recipient, mou))
                continue;
            var present = group.Where(n => n.ClauseId is null || mou.ClauseIds.Contains(n.ClauseId)).ToList();
            kept.AddRange(present.Where(n => n.Kind != NotificationKinds.Draft));
            foreach (var drafts in present.Where(n => n.Kind == NotificationKinds.Draft).GroupBy(n => n.ClauseId!))
            {
                if (await NetDraftAsync(grains, mou.Id, drafts.ToList()) is { } net)
                    kept.Add(net);
            }
        }
        return kept.OrderBy(n => n.At).ToList();
    }

    private static async Task<Notification?> NetDraftAsync(IGrainFactory grains, string mouId, List<Notification> drafts)
    {
        var history = await grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, drafts[0].ClauseId!)).GetDraftsAsync();
        if (history.Count == 0)
            return null;
        var baseVersion = drafts.Min(n => n.BaseVersion ?? 0);
        var baseText = history.FirstOrDefault(d => d.Version == baseVersion)?.Text ?? "";
        var current = history[^1];
        if (current.Text == baseText)
            return null;
        var last = drafts.MaxBy(n => n.At)!;
        if (drafts.Count == 1 && last.Version == current.Version)
            return last;
        var authors = string.Join(", ", history.Where(d => d.Version > baseVersion).Select(d => d.Author).Distinct());
        return last with
        {
            Summary = $"{last.ClauseNumber} changed from draft {baseVersion} to draft {current.Version} (by {authors}).",
            Diff = NotificationContext.Diff(baseText, current.Text),
            BaseVersion = baseVersion,
            Version = current.Version,
        };
    }
}
