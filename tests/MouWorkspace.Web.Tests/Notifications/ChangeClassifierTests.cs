using MouWorkspace.Web.Changes;
using MouWorkspace.Web.Notifications;

namespace MouWorkspace.Web.Tests.Notifications;

/// <summary>Which acknowledged changes reach the followers grain, and what they carry (no app needed).</summary>
public sealed class ChangeClassifierTests
{
    private static ChangeNotice Notice(string method, string route, string? location = null, params (string Key, string Value)[] values) =>
        new("mou:m1", method, route, values.Append(("mouId", "m1")).ToDictionary(v => v.Item1, v => v.Item2), location,
            "local:u1", "User One", null, "un", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("POST", "/api/mous/{mouId}/clauses", "/api/mous/m1/clauses/c9", "draft", "c9", null, null)]
    [InlineData("PUT", "/api/mous/{mouId}/clauses/{clauseId}", null, "draft", "c1", null, null)]
    [InlineData("POST", "/api/mous/{mouId}/clauses/{clauseId}/comments", "/api/mous/m1/clauses/c1/comments#k7", "comment", "c1", "k7", null)]
    [InlineData("POST", "/api/mous/{mouId}/clauses/{clauseId}/proposals", "/api/mous/m1/clauses/c1/proposals#p3", "proposal", "c1", "p3", null)]
    [InlineData("POST", "/api/mous/{mouId}/revisions", "/api/mous/m1/revisions/2", "revision", null, null, 2)]
    [InlineData("POST", "/api/mous/{mouId}/revisions/{number:int}/positions", "/api/mous/m1/revisions/1/positions", "position", null, null, 1)]
    [InlineData("POST", "/api/mous/{mouId}/revisions/{number:int}/silence", "/api/mous/m1/revisions/1/silence", "silence", null, null, 1)]
    public void Changes_that_notify_are_classified_with_their_item(string method, string route, string? location, string kind, string? clause, string? item, int? revision)
    {
        var change = ChangeClassifier.Classify(Notice(method, route, location, ("clauseId", "c1"), ("number", "1")));
        Assert.NotNull(change);
        Assert.Equal((kind, "m1", clause, item, revision, "local:u1"), (change.Kind, change.MouId, change.ClauseId, change.ItemId, change.Revision, change.ActorId));
    }

    [Theory]
    [InlineData("PUT", "/api/mous/{mouId}/follow")]
    [InlineData("DELETE", "/api/mous/{mouId}/clauses/{clauseId}")]
    [InlineData("PUT", "/api/mous/{mouId}/clauses/{clauseId}/comments/{commentId}/resolved")]
    [InlineData("GET", "/api/mous/{mouId}/export.docx")]
    public void Other_changes_notify_nobody(string method, string route) =>
        Assert.Null(ChangeClassifier.Classify(Notice(method, route, null, ("clauseId", "c1"))));

    [Fact]
    public void A_change_outside_an_mou_notifies_nobody() =>
        Assert.Null(ChangeClassifier.Classify(new ChangeNotice("org:un", "POST", "/api/tccs/{code}/training", new Dictionary<string, string> { ["code"] = "FRA" },
            "/api/tccs/FRA", "local:u1", "User One", null, "un", DateTimeOffset.UnixEpoch)));
}
