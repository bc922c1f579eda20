using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Notifications;
using MouWorkspace.Grains.Notifications;
using MouWorkspace.Web.Notifications.Mail;
using Xunit.Abstractions;

namespace MouWorkspace.Web.Tests.Notifications;

/// <summary>The e-mail a digest becomes, worded in the web host from what the inbox grain hands over (no app needed).</summary>
public sealed class DigestRendererTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 9, 30, 0, TimeSpan.Zero);

    private static Notification Draft => new("n1", NotificationKinds.Draft, "m1", "Model MOU", "c1", "OP1", "2", "Ana saved draft 2 of OP1.", "Ana", At,
        [new("equal", "Contingents shall "), new("delete", "train"), new("insert", "certify"), new("equal", " <all> personnel.")], []);

    private static Notification Reply => new("n2", NotificationKinds.Reply, "m1", "Model MOU", "c1", "OP1", "k2", "Raj replied to Ana on OP1.", "Raj", At,
        [], [new("k1", "Ana", null, "What does training mean?", null, At), new("k2", "Raj", "IND", "The pre-deployment modules.", null, At)]);

    private static Notification Silence => new("n3", NotificationKinds.SilenceDeadline, "m2", "Другой текст", null, null, "r", "Silence ends in 1 hour.", "MouWorkspace", At, [], []);

    private async Task<RenderedMail> RenderAsync(params Notification[] items)
    {
        var renderer = new DigestRenderer(NullLoggerFactory.Instance, Options.Create(new MailLinkOptions { BaseUrl = "https://mou.example/" }));
        var mail = await renderer.RenderAsync(new MailDigest("fra@example.org", "France", items));
        output.WriteLine(mail.Html);
        return mail;
    }

    [Fact]
    public async Task One_notification_is_its_own_subject_with_the_diff_in_text_and_html_and_a_link_to_its_clause()
    {
        var mail = await RenderAsync(Draft);
        Assert.Equal("[MouWorkspace] Ana saved draft 2 of OP1.", mail.Subject);
        Assert.StartsWith("An update on what you follow:\n\n* Ana saved draft 2 of OP1.\n  Model MOU · OP1 · 2025-03-04 09:30 UTC\n", mail.Text);
        Assert.Contains("  Contingents shall [-train-]{+certify+} <all> personnel.\n  https://mou.example/mous/m1/clauses/c1\n", mail.Text);
        Assert.StartsWith("<!DOCTYPE html>", mail.Html);
        Assert.Contains("<p dir=\"auto\">Contingents shall <del>train</del><ins>certify</ins> &lt;all&gt; personnel.</p>", mail.Html);
        Assert.Contains("<a href=\"https://mou.example/mous/m1/clauses/c1\">Open</a>", mail.Html);
    }

    [Fact]
    public async Task Several_notifications_are_counted_with_their_texts_threads_and_pages()
    {
        var mail = await RenderAsync(Draft, Reply, Silence);
        Assert.Equal("[MouWorkspace] 3 updates on Model MOU, Другой текст", mail.Subject);
        Assert.StartsWith("3 updates on what you follow:", mail.Text);
        Assert.Contains("  > Ana: What does training mean?\n  > Raj (IND): The pre-deployment modules.\n", mail.Text);
        Assert.Contains("https://mou.example/mous/m2/revisions", mail.Text);
        Assert.EndsWith("You receive this because you follow these texts in MouWorkspace; unfollow them there.\n", mail.Text);
        Assert.Contains("<blockquote dir=\"auto\"><strong>Raj (IND)</strong>: The pre-deployment modules.</blockquote>", mail.Html);
        Assert.Contains("<a href=\"https://mou.example/mous/m2/revisions\">Open</a>", mail.Html);
        Assert.Contains("<p dir=\"auto\">Другой текст</p>", mail.Html);
        Assert.Equal(3, mail.Html.Split("<section>").Length - 1);
    }
}
