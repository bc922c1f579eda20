using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;

namespace MouWorkspace.Web.Tests.Notifications;

/// <summary>Which change events reach the followers grain, and what they carry (no app needed).</summary>
public sealed class NotificationClassifyTests
{
    private static readonly Actor User = new("local:u1", "User One", "Delegate", null, "un");
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    public static TheoryData<ChangeEvent, string, string?, string?, int?> Notifying => new()
    {
        { new ClauseAdded("m1", "c9", "OP9", User, At), "draft", "c9", null, null },
        { new DraftSaved("m1", "c1", "OP1", 2, "", User, At), "draft", "c1", null, null },
        { new CommentAdded("m1", "c1", "OP1", "k7", null, null, User, At), "comment", "c1", "k7", null },
        { new ProposalSubmitted("m1", "c1", "OP1", "p3", "FRA", null, User, At), "proposal", "c1", "p3", null },
        { new RevisionPublished("m1", 2, "Rev.2", User, At), "revision", null, null, 2 },
        { new PositionGiven("m1", 1, "FRA", "agree", User, At), "position", null, null, 1 },
        { new SilenceStarted("m1", 1, At.AddDays(3), User, At), "silence", null, null, 1 },
    };

    [Theory]
    [MemberData(nameof(Notifying))]
    public void Changes_that_notify_are_classified_with_their_item(ChangeEvent change, string kind, string? clause, string? item, int? revision)
    {
        var notification = NotificationConsumer.Classify(change);
        Assert.NotNull(notification);
        Assert.Equal((kind, "m1", clause, item, revision, "local:u1"),
            (notification.Kind, notification.MouId, notification.ClauseId, notification.ItemId, notification.Revision, notification.ActorId));
    }

    public static TheoryData<ChangeEvent> Silent => new()
    {
        new ClauseRemoved("m1", "c1", "OP1", User, At),
        new CommentResolved("m1", "c1", "OP1", "k1", true, null, User, At),
        new AgreementChanged("m1", "c1", "OP1", "agreed", User, At),
        new NowDiscussingChanged("m1", "c1", null, User, At),
        // A language version's discussion notifies nobody (as before: only the original's comments and proposals).
        new CommentAdded("m1", "c1", "OP1", "k8", null, "fr", User, At),
    };

    [Theory]
    [MemberData(nameof(Silent))]
    public void Other_changes_notify_nobody(ChangeEvent change) => Assert.Null(NotificationConsumer.Classify(change));

    [Fact]
    public void A_change_outside_an_mou_notifies_nobody() =>
        Assert.Null(NotificationConsumer.Classify(new TccRecordChanged("un", "FRA", "a training certification", User, At)));
}
