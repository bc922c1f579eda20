using MouWorkspace.Web.Frontend;

namespace MouWorkspace.Web.Tests.Frontend;

/// <summary>Issue 15.15: audit actions read as what a person did, with the clause's number where the page knows it.</summary>
public sealed class AuditWordsTests
{
    private static readonly Dictionary<string, string> Numbers = new() { ["c1"] = "OP3", ["c2"] = "PP1 bis" };

    [Theory]
    [InlineData("POST /api/mous/{mouId}/clauses/{clauseId}/comments", "mouId=m/clauseId=c1", "commented on OP3")]
    [InlineData("PUT /api/mous/{mouId}/clauses/{clauseId}", "mouId=m/clauseId=c2", "saved a new draft of PP1 bis")]
    [InlineData("PUT /api/mous/{mouId}/clauses/{clauseId}", "mouId=m/clauseId=unknown", "saved a new draft of a clause")]
    [InlineData("POST /api/mous/{mouId}/revisions/{number:int}/positions", "mouId=m/number=2", "gave a position on Rev.2")]
    [InlineData("PUT /api/mous/{mouId}/clauses/{clauseId}/languages/{language}", "mouId=m/clauseId=c1/language=ar", "saved the Arabic translation of OP3")]
    [InlineData("PUT /api/tccs/{code}/discipline/{year:int}", "code=FRA/year=2006", "reported FRA's discipline cases for 2006")]
    [InlineData("POST /api/something/new", "x=y", "POST /api/something/new")]
    public void An_action_is_said_in_words(string action, string target, string expected) =>
        Assert.Equal(expected, AuditWords.Describe(action, target, Numbers));
}
