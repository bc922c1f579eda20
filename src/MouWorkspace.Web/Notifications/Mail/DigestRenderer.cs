using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Grains.Notifications;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Notifications.Mail;

/// <summary>An e-mail digest in words: its subject, its plain text and its HTML.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>One notification of a digest with the absolute address of its page.</summary>
public sealed record DigestEntry(Notification Notification, string Link);

public interface IDigestRenderer
{
    Task<RenderedMail> RenderAsync(MailDigest digest);
}

/// <summary>
/// Words a digest the inbox grain hands over: the HTML from the <see cref="DigestMail"/> component through Razor's
/// <see cref="HtmlRenderer"/>, the plain text beside it saying the same (diff as [-deleted-]{+inserted+}), links
/// from <see cref="PageLinks"/> on <c>Notifications:BaseUrl</c>.
/// </summary>
public sealed class DigestRenderer(ILoggerFactory loggers, IOptions<MailLinkOptions> options) : IDigestRenderer
{
    /// <summary>
    /// The template needs no app services. Its encoder escapes what HTML needs and leaves every script as written
    /// (the default one would spell Arabic or Chinese text as character references).
    /// </summary>
    private static readonly ServiceProvider TemplateServices =
        new ServiceCollection().AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();

    public async Task<RenderedMail> RenderAsync(MailDigest digest)
    {
        var entries = digest.Items.Select(i => new DigestEntry(i, options.Value.BaseUrl.TrimEnd('/') + PageLinks.For(i))).ToArray();
        await using var renderer = new HtmlRenderer(TemplateServices, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(DigestMail.Entries)] = entries });
            return (await renderer.RenderComponentAsync<DigestMail>(parameters)).ToHtmlString();
        });
        return new RenderedMail(Subject(digest.Items), Text(entries), html);
    }

    private static string Subject(IReadOnlyList<Notification> items) => items.Count == 1
        ? $"[MouWorkspace] {items[0].Summary}"
        : $"[MouWorkspace] {items.Count} updates on {string.Join(", ", items.Select(i => i.MouTitle).Distinct())}";

    private static string Text(IReadOnlyList<DigestEntry> entries)
    {
        var text = new StringBuilder(Lead(entries.Count)).Append("\n\n");
        foreach (var (item, link) in entries)
        {
            text.Append("* ").Append(item.Summary).Append('\n').Append("  ").Append(Where(item))
                .Append(" · ").Append(item.At.ToString("yyyy-MM-dd HH:mm 'UTC'")).Append('\n');
            if (item.Diff.Count > 0)
            {
                text.Append("  ");
                foreach (var run in item.Diff)
                    text.Append(run.Op switch { "insert" => "{+" + run.Text + "+}", "delete" => "[-" + run.Text + "-]", _ => run.Text });
                text.Append('\n');
            }
            foreach (var comment in item.Thread)
                text.Append("  > ").Append(Who(comment)).Append(": ").Append(comment.Text).Append('\n');
            text.Append("  ").Append(link).Append("\n\n");
        }
        return text.Append(Footer).Append('\n').ToString();
    }

    internal const string Footer = "You receive this because you follow these texts in MouWorkspace; unfollow them there.";

    internal static string Lead(int count) => count == 1 ? "An update on what you follow:" : $"{count} updates on what you follow:";

    /// <summary>The text, and the clause's number when it is about one.</summary>
    internal static string Where(Notification item) => item.ClauseNumber is null ? item.MouTitle : $"{item.MouTitle} · {item.ClauseNumber}";

    internal static string Who(NotifiedComment comment) => comment.MemberState is null ? comment.Author : $"{comment.Author} ({comment.MemberState})";
}

/// <summary><c>Notifications:BaseUrl</c>: the site's address, for the links in e-mails.</summary>
public sealed class MailLinkOptions
{
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";
}
