using System.Net;
using System.Text;
using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Notifications;

/// <summary>One e-mail for several notifications: plain text (diff as [-deleted-]{+inserted+}) and HTML (ins/del, dir="auto").</summary>
public static class Digest
{
    public static OutgoingMail Compose(string address, string name, IReadOnlyList<Notification> items, string baseUrl)
    {
        var subject = items.Count == 1
            ? $"[MouWorkspace] {items[0].Summary}"
            : $"[MouWorkspace] {items.Count} updates on {string.Join(", ", items.Select(i => i.MouTitle).Distinct())}";
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        text.Append(items.Count == 1 ? "An update on what you follow:" : $"{items.Count} updates on what you follow:").Append("\n\n");
        html.Append("<p>").Append(items.Count == 1 ? "An update on what you follow:" : $"{items.Count} updates on what you follow:").Append("</p>");
        foreach (var item in items)
        {
            var link = baseUrl.TrimEnd('/') + item.Link;
            text.Append("* ").Append(item.Summary).Append('\n').Append("  ").Append(item.MouTitle)
                .Append(item.ClauseNumber is null ? "" : " · " + item.ClauseNumber).Append(" · ").Append(item.At.ToString("yyyy-MM-dd HH:mm 'UTC'")).Append('\n');
            html.Append("<section><h3 dir=\"auto\">").Append(E(item.Summary)).Append("</h3><p dir=\"auto\">").Append(E(item.MouTitle))
                .Append(item.ClauseNumber is null ? "" : " · " + E(item.ClauseNumber)).Append("</p>");
            if (item.Diff.Count > 0)
            {
                text.Append("  ");
                html.Append("<p dir=\"auto\">");
                foreach (var run in item.Diff)
                {
                    text.Append(run.Op switch { "insert" => "{+" + run.Text + "+}", "delete" => "[-" + run.Text + "-]", _ => run.Text });
                    html.Append(run.Op switch { "insert" => "<ins>" + E(run.Text) + "</ins>", "delete" => "<del>" + E(run.Text) + "</del>", _ => E(run.Text) });
                }
                text.Append('\n');
                html.Append("</p>");
            }
            foreach (var comment in item.Thread)
            {
                var who = comment.MemberState is null ? comment.Author : $"{comment.Author} ({comment.MemberState})";
                text.Append("  > ").Append(who).Append(": ").Append(comment.Text).Append('\n');
                html.Append("<blockquote dir=\"auto\"><strong>").Append(E(who)).Append("</strong>: ").Append(E(comment.Text)).Append("</blockquote>");
            }
            text.Append("  ").Append(link).Append("\n\n");
            html.Append("<p><a href=\"").Append(E(link)).Append("\">Open</a></p></section>");
        }
        text.Append("You receive this because you follow these texts in MouWorkspace; unfollow them there.\n");
        html.Append("<p>You receive this because you follow these texts in MouWorkspace; unfollow them there.</p></body></html>");
        return new OutgoingMail(address, name, subject, text.ToString(), html.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
