using System.Text.RegularExpressions;

namespace MouWorkspace.Web.Frontend;

/// <summary>
/// An audit record's action as a reader says it ("commented on OP3"), from the route it was recorded under and its
/// target ("mouId=…/clauseId=…/number=2"). The route itself stays beside it for the auditor (issue 15.15).
/// </summary>
public static partial class AuditWords
{
    private static readonly (string Action, string Words)[] Known =
    [
        ("POST /api/mous", "created the text"),
        ("POST /api/mous/import", "imported a text from a document"),
        ("POST /api/mous/{mouId}/clauses", "added a clause"),
        ("PUT /api/mous/{mouId}/clauses/{clauseId}", "saved a new draft of {clause}"),
        ("DELETE /api/mous/{mouId}/clauses/{clauseId}", "took {clause} out of the text"),
        ("PUT /api/mous/{mouId}/clauses/{clauseId}/agreement", "set the agreement status of {clause}"),
        ("PUT /api/mous/{mouId}/clauses/{clauseId}/place", "moved {clause}"),
        ("POST /api/mous/{mouId}/clauses/{clauseId}/comments", "commented on {clause}"),
        ("PUT /api/mous/{mouId}/clauses/{clauseId}/comments/{commentId}/resolved", "resolved or reopened a thread on {clause}"),
        ("POST /api/mous/{mouId}/clauses/{clauseId}/proposals", "proposed wording for {clause}"),
        ("POST /api/mous/{mouId}/revisions", "published a revision"),
        ("POST /api/mous/{mouId}/revisions/{number:int}/positions", "gave a position on Rev.{number}"),
        ("POST /api/mous/{mouId}/revisions/{number:int}/silence", "started a silence procedure on Rev.{number}"),
        ("GET /api/mous/{mouId}/export.docx", "downloaded the Word document"),
        ("GET /api/mous/{mouId}/export.pdf", "downloaded the PDF room paper"),
        ("GET /api/mous/{mouId}/export.akn.xml", "downloaded the Akoma Ntoso document"),
        ("POST /api/mous/{mouId}/markups", "sent back a marked-up document"),
        ("PUT /api/mous/{mouId}/now-discussing", "put a clause on the room screen"),
        ("DELETE /api/mous/{mouId}/now-discussing", "cleared the room screen"),
        ("PUT /api/mous/{mouId}/languages/{language}", "added or changed the {language} version"),
        ("PUT /api/mous/{mouId}/clauses/{clauseId}/languages/{language}", "saved the {language} translation of {clause}"),
        ("POST /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/comments", "commented on {clause} in {language}"),
        ("POST /api/mous/{mouId}/clauses/{clauseId}/languages/{language}/proposals", "proposed {language} wording for {clause}"),
        ("PUT /api/mous/{mouId}/follow", "followed the text"),
        ("DELETE /api/mous/{mouId}/follow", "stopped following the text"),
        ("PUT /api/mous/{mouId}/clauses/{clauseId}/follow", "followed {clause}"),
        ("DELETE /api/mous/{mouId}/clauses/{clauseId}/follow", "stopped following {clause}"),
        ("PUT /api/tccs/{code}/adoptions/{mouId}", "recorded an adoption by {code}"),
        ("POST /api/tccs/{code}/training", "recorded a training certification of {code}"),
        ("PUT /api/tccs/{code}/discipline/{year:int}", "reported {code}'s discipline cases for {year}"),
        ("POST /api/tccs/{code}/evidence", "uploaded evidence for {code}"),
        ("POST /api/reform-items/{id}/status", "changed the status of a reform item"),
        ("PUT /api/admin/users/{userId}", "changed a user's directory entry"),
        ("DELETE /api/admin/users/{userId}", "removed a user's directory entry"),
    ];

    /// <param name="clauseNumbers">clause id → its number (OP3), where the page knows the text.</param>
    public static string Describe(string action, string target, IReadOnlyDictionary<string, string>? clauseNumbers = null)
    {
        var words = Known.FirstOrDefault(k => k.Action == action).Words;
        if (words is null)
            return action;
        var values = target.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        return Placeholder().Replace(words, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "clause")
                return values.TryGetValue("clauseId", out var id) && clauseNumbers?.TryGetValue(id, out var number) == true ? number! : "a clause";
            if (name == "language")
                return values.TryGetValue("language", out var code) ? Domain.Languages.UnLanguages.Find(code)?.Name ?? code : "a language";
            return values.TryGetValue(name, out var value) ? value : m.Value;
        });
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
