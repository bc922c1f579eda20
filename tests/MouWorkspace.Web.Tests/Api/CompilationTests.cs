using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Web.Tests.Infrastructure;
using static MouWorkspace.Web.Tests.Api.ProposalCalls;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>
/// Proposals of a new paragraph, a deletion and a move (API.md, "Amendments": <c>POST /api/mous/{id}/proposals</c>), the
/// compilation text (<c>GET …/compilation</c> and <c>export.docx?compilation=true</c>) and the redline of a folded-in proposal.
/// </summary>
[Collection("api")]
public sealed class CompilationTests(ApiFixture fixture)
{
    private static async Task<string> ProposeParagraphAsync(HttpClient delegation, string mou, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await delegation.PostAsJsonAsync($"/api/mous/{mou}/proposals", body);
        if (expected != HttpStatusCode.Created)
        {
            await response.ProblemAsync(expected);
            return "";
        }
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("open", created.GetProperty("status").GetString());
        return created.GetProperty("id").GetString()!;
    }

    private static async Task<string[]> NumbersAsync(HttpClient reader, string mou) =>
        (await (await reader.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK)).GetProperty("clauses").EnumerateArray()
            .Select(c => c.GetProperty("number").GetString()!).ToArray();

    [Fact]
    public async Task A_new_paragraph_a_deletion_and_a_move_are_proposed_co_sponsored_and_decided_and_change_the_text()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Legal officer of the compilation test");
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel.");
        var op2 = await sec.AddClauseAsync(mou, "States shall report annually.");
        var op3 = await sec.AddClauseAsync(mou, "States shall cooperate with the Organization.");

        // Refused before anything is stored: an unknown kind, a deletion without its paragraph, a move to where it stands.
        await ProposeParagraphAsync(ind, mou, new { kind = "replace", clauseId = op1 }, HttpStatusCode.BadRequest);
        await ProposeParagraphAsync(ind, mou, new { kind = "delete" }, HttpStatusCode.BadRequest);
        await ProposeParagraphAsync(ind, mou, new { kind = "insert", after = op1, text = "x" }, HttpStatusCode.BadRequest);
        await ProposeParagraphAsync(ind, mou, new { kind = "move", clauseId = op2, after = op1 }, HttpStatusCode.UnprocessableEntity);

        var insert = await ProposeParagraphAsync(ind, mou, new { kind = "insert", after = op1, heading = "Vetting", text = "States shall vet all personnel.", clauseKind = "operative", onBehalfOf = "NAM" });
        Assert.Equal(insert, await ProposeParagraphAsync(ind, mou, new { kind = "insert", after = op1, heading = "Vetting", text = "States shall vet all personnel.", clauseKind = "operative", onBehalfOf = "NAM" }));
        var delete = await ProposeParagraphAsync(fra, mou, new { kind = "delete", clauseId = op2 });
        var move = await ProposeParagraphAsync(fra, mou, new { kind = "move", clauseId = op3, after = (string?)null });

        var listed = await ProposalAsync(sec, mou, insert);
        Assert.Equal(("insert", op1, "NAM", "Non-Aligned Movement (IND)"),
            (listed.GetProperty("kind").GetString(), listed.GetProperty("after").GetString(), listed.GetProperty("onBehalfOf").GetString(), listed.GetProperty("sponsor").GetString()));
        Assert.Equal("delete", (await ProposalAsync(sec, mou, delete)).GetProperty("kind").GetString());

        // France supports India's paragraph; India cannot withdraw France's deletion, only staff decide.
        var joined = await (await fra.PutAsync($"/api/mous/{mou}/proposals/{insert}/cosponsors/FRA", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["FRA"], joined.GetProperty("cosponsors").EnumerateArray().Select(c => c.GetString()!).ToArray());
        await (await DecideAsync(ind, mou, delete, "withdrawn")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await DecideAsync(ind, mou, insert, "accepted")).ProblemAsync(HttpStatusCode.Forbidden);

        // The compilation shows the new paragraph where it would stand, with the number it would get.
        var compilation = await (await fra.GetAsync($"/api/mous/{mou}/compilation")).JsonAsync(HttpStatusCode.OK);
        var entries = compilation.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(["clause OP1", "new-paragraph OP1 bis", "clause OP2", "clause OP3"],
            entries.Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("number").GetString()}").ToArray());
        Assert.Equal([delete], entries[2].GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(3, compilation.GetProperty("openProposals").GetInt32());

        var accepted = await (await DecideAsync(legal, mou, insert, "accepted", "agreed in the informals")).JsonAsync(HttpStatusCode.OK);
        var added = accepted.GetProperty("clauseId").GetString()!;
        var clause = await (await fra.GetAsync($"/api/mous/{mou}/clauses/{added}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("OP1 bis", "States shall vet all personnel.", "Vetting"),
            (clause.GetProperty("number").GetString(), clause.GetProperty("text").GetString(), clause.GetProperty("heading").GetString()));
        await (await DecideAsync(legal, mou, insert, "rejected")).ProblemAsync(HttpStatusCode.Conflict);

        await (await DecideAsync(legal, mou, delete, "accepted")).JsonAsync(HttpStatusCode.OK);
        await (await DecideAsync(fra, mou, move, "withdrawn", "overtaken")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["OP1", "OP1 bis", "OP3"], await NumbersAsync(fra, mou));
        var withdrawn = await ProposalAsync(sec, mou, move);
        Assert.Equal(("withdrawn", "overtaken"), (withdrawn.GetProperty("status").GetString(), withdrawn.GetProperty("note").GetString()));

        // A move that is accepted keeps the paragraph's number.
        var moveAgain = await ProposeParagraphAsync(fra, mou, new { kind = "move", clauseId = op3, after = (string?)null });
        await (await DecideAsync(sec, mou, moveAgain, "accepted")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["OP3", "OP1", "OP1 bis"], await NumbersAsync(fra, mou));

        // Closed window: 409 in words.
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/proposal-window", new { open = false })).JsonAsync(HttpStatusCode.OK);
        var closed = await (await ind.PostAsJsonAsync($"/api/mous/{mou}/proposals", new { kind = "delete", clauseId = op1 })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("closed", closed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_compilation_lists_open_proposals_with_clash_groups_filters_by_state_and_exports_each_as_a_change_by_its_sponsor()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var pak = await fixture.App.ClientAsync("Delegate", "PAK", name: "Delegate of Pakistan");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND", "PAK");
        var op1 = await sec.AddClauseAsync(mou, "States shall train all personnel before deployment and report annually.");
        var op2 = await sec.AddClauseAsync(mou, "States shall cooperate with the Organization.");

        async Task<string> Wording(HttpClient delegation, string clause, string text, string? onBehalfOf = null) =>
            (await (await delegation.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text, onBehalfOf })).JsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
        var certify = await Wording(ind, op1, "States shall certify all personnel before deployment and report annually.", "NAM");
        var screen = await Wording(fra, op1, "States shall screen all personnel before deployment and report annually.");
        var quarterly = await Wording(pak, op1, "States shall train all personnel before deployment and report quarterly.");
        await (await pak.PutAsync($"/api/mous/{mou}/proposals/{certify}/cosponsors/PAK", null)).JsonAsync(HttpStatusCode.OK);
        var paragraph = await ProposeParagraphAsync(fra, mou, new { kind = "insert", after = op2, text = "States shall publish the outcome.", clauseKind = "operative" });

        var compilation = await (await sec.GetAsync($"/api/mous/{mou}/compilation")).JsonAsync(HttpStatusCode.OK);
        var first = compilation.GetProperty("entries")[0];
        Assert.Equal(new[] { certify, screen, quarterly }.Order(), first.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order());
        var group = Assert.Single(first.GetProperty("clashGroups").EnumerateArray());
        Assert.Equal(new[] { certify, screen }.Order(), group.EnumerateArray().Select(g => g.GetString()!).Order());
        Assert.Equal("new-paragraph", compilation.GetProperty("entries")[2].GetProperty("type").GetString());

        // France's view: its own two proposals; Pakistan's: its own and the one it co-sponsors.
        var french = await (await sec.GetAsync($"/api/mous/{mou}/compilation?state=FRA")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new[] { screen, paragraph }.Order(), french.GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.GetProperty("proposals").EnumerateArray()).Select(p => p.GetProperty("id").GetString()!).Order());
        var pakistani = await (await sec.GetAsync($"/api/mous/{mou}/compilation?state=PAK")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new[] { certify, quarterly }.Order(), pakistani.GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.GetProperty("proposals").EnumerateArray()).Select(p => p.GetProperty("id").GetString()!).Order());
        await (await sec.GetAsync($"/api/mous/{mou}/compilation?state=XYZ")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync($"/api/mous/{mou}/compilation?status=maybe")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await (await sec.GetAsync($"/api/mous/{mou}/compilation?status=agreed")).JsonAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength());

        // Word: each open proposal a tracked change authored by its sponsor; the clashing one follows as an alternative.
        var response = await fra.GetAsync($"/api/mous/{mou}/export.docx?compilation=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        OfficeChecks.AssertValidWordDocument(docx);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            var inserted = body.Descendants<InsertedRun>().Select(r => (Author: r.Author?.Value, Text: string.Concat(r.Descendants<Text>().Select(t => t.Text)).Trim())).ToList();
            Assert.Contains(("Non-Aligned Movement (IND)", "certify"), inserted);
            Assert.Contains(("France (FRA)", "screen"), inserted);
            Assert.Contains(("Pakistan (PAK)", "quarterly"), inserted);
            Assert.Contains(("France (FRA)", "States shall publish the outcome."), inserted);
            Assert.Contains("Compilation text", body.InnerText);
        }
        var tracked = await OfficeChecks.PandocTrackedAsync(docx);
        Assert.Matches("\\[certify\\]\\{\\.insertion author=\"Non-Aligned Movement \\(IND\\)\"", tracked);
        Assert.Matches("\\[quarterly\\]\\{\\.insertion author=\"Pakistan \\(PAK\\)\"", tracked);
        Assert.Matches("\\[screen\\]\\{\\.insertion author=\"France \\(FRA\\)\"", tracked);
        await (await fra.GetAsync($"/api/mous/{mou}/export.docx?compilation=true&revision=1")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_redline_names_the_sponsor_of_a_folded_in_proposal_not_the_officer_who_accepted_it()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Legal officer of the redline test");
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "States shall train all personnel.");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var proposal = (await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text = "States shall vet and train all personnel.", onBehalfOf = "NAM" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await DecideAsync(legal, mou, proposal, "accepted")).JsonAsync(HttpStatusCode.OK);

        var docx = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?base=1")).Content.ReadAsByteArrayAsync();
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var insertion = Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<InsertedRun>(), r => r.InnerText.Contains("vet", StringComparison.Ordinal));
        Assert.Equal("Non-Aligned Movement (IND)", insertion.Author?.Value);
    }

    [Fact]
    public async Task A_bridging_text_supersedes_the_clashing_proposals_and_their_sponsors_say_whether_they_can_accept_it()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Facilitator of the bridging test");
        var ind = await fixture.App.ClientAsync("Delegate", "IND");
        var pak = await fixture.App.ClientAsync("Delegate", "PAK");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND", "PAK");
        var clause = await sec.AddClauseAsync(mou, "States shall train all personnel before deployment.");
        async Task<string> Wording(HttpClient delegation, string text) =>
            (await (await delegation.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals", new { text })).JsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
        var certify = await Wording(ind, "States shall certify all personnel before deployment.");
        var screen = await Wording(pak, "States shall screen all personnel before deployment.");

        await (await ind.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals/bridging", new { text = "x", supersedes = new[] { certify } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await legal.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals/bridging", new { text = "States shall vet all personnel before deployment." }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var bridging = (await (await legal.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/proposals/bridging",
                new { text = "States shall screen and certify all personnel before deployment.", supersedes = new[] { certify, screen }, note = "after the informals" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        foreach (var replaced in new[] { certify, screen })
        {
            var p = await ProposalAsync(sec, mou, replaced);
            Assert.Equal(("superseded", bridging), (p.GetProperty("status").GetString(), p.GetProperty("supersededBy").GetString()));
        }
        await (await DecideAsync(sec, mou, certify, "accepted")).ProblemAsync(HttpStatusCode.Conflict);

        // India can accept it, Pakistan cannot yet; France made none of the replaced proposals.
        await (await ind.PutAsJsonAsync($"/api/mous/{mou}/proposals/{bridging}/responses/IND", new { canAccept = true })).JsonAsync(HttpStatusCode.OK);
        await (await pak.PutAsJsonAsync($"/api/mous/{mou}/proposals/{bridging}/responses/PAK", new { canAccept = false, note = "awaiting instructions" })).JsonAsync(HttpStatusCode.OK);
        await (await fra.PutAsJsonAsync($"/api/mous/{mou}/proposals/{bridging}/responses/FRA", new { canAccept = true })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await ind.PutAsJsonAsync($"/api/mous/{mou}/proposals/{bridging}/responses/PAK", new { canAccept = true })).ProblemAsync(HttpStatusCode.Forbidden);
        var listed = await ProposalAsync(fra, mou, bridging);
        Assert.Equal(("Facilitator", "open"), (listed.GetProperty("sponsor").GetString(), listed.GetProperty("status").GetString()));
        Assert.Equal(new[] { certify, screen }.Order(), listed.GetProperty("supersedes").EnumerateArray().Select(i => i.GetString()!).Order());
        Assert.Equal(["IND yes", "PAK no awaiting instructions"], listed.GetProperty("responses").EnumerateArray()
            .Select(r => $"{r.GetProperty("memberState").GetString()} {(r.GetProperty("canAccept").GetBoolean() ? "yes" : "no")} {r.GetProperty("note").GetString()}".Trim()).ToArray());
        // Each answer is a change event like any other: open pages reload, and the text's activity list names it.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string[] answers = [];
        while (answers.Length < 2 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            answers = (await (await fra.GetAsync($"/api/mous/{mou}/activity")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
                .Where(i => i.GetProperty("kind").GetString() == "proposal.bridging-answered").Select(i => i.GetProperty("what").GetString()!).ToArray();
            if (answers.Length < 2)
                await Task.Delay(100);
        }
        Assert.Equal(["PAK cannot accept the bridging text on OP1", "IND can accept the bridging text on OP1"], answers);

        // The compilation shows the bridging text as the clause's one open proposal; accepted, it is the new draft.
        var compilation = await (await fra.GetAsync($"/api/mous/{mou}/compilation")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([bridging], compilation.GetProperty("entries")[0].GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray());
        await (await DecideAsync(legal, mou, bridging, "accepted")).JsonAsync(HttpStatusCode.OK);
        var current = await (await fra.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("States shall screen and certify all personnel before deployment.", current.GetProperty("text").GetString());
    }
}
