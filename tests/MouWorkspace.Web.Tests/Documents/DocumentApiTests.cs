using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Documents;

[Collection("api")]
public sealed class DocumentApiTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private async Task<(HttpClient Sec, string MouId, string[] Clauses)> NegotiatedAsync()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Docs legal officer");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var c1 = await sec.AddClauseAsync(mou, "States [shall][should] train all personnel.", "Training");
        var c2 = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{c1}", "States shall train and certify all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        var root = await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{c1}/comments", new { text = "Welcome.", quote = "certify" })).JsonAsync(HttpStatusCode.Created);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{c1}/comments", new { text = "Indeed.", replyTo = root.GetProperty("id").GetString() })).JsonAsync(HttpStatusCode.Created);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.2" })).JsonAsync(HttpStatusCode.Created);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/2/positions", new { memberState = "FRA", position = "agree" })).JsonAsync(HttpStatusCode.Created);
        return (sec, mou, [c1, c2]);
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static void AssertValid(byte[] bytes)
    {
        using var document = Open(bytes);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public async Task A_redline_export_with_comments_is_valid_word_with_tracked_changes_by_their_authors_and_the_positions_annex()
    {
        var (sec, mou, _) = await NegotiatedAsync();
        var response = await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=2&base=1&comments=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        AssertValid(bytes);

        using var document = Open(bytes);
        var body = document.MainDocumentPart!.Document.Body!;
        var insertion = Assert.Single(body.Descendants<InsertedRun>(), r => r.InnerText.Contains("certify"));
        Assert.Equal("Docs legal officer", insertion.Author?.Value);
        var deleted = string.Concat(body.Descendants<DeletedText>().Select(t => t.Text));
        Assert.Contains("should", deleted);
        Assert.All(body.Descendants<DeletedRun>(), r => Assert.Equal("Docs legal officer", r.Author?.Value));
        var comments = document.MainDocumentPart.WordprocessingCommentsPart!.Comments.Elements<DocumentFormat.OpenXml.Wordprocessing.Comment>().ToList();
        Assert.Equal(2, comments.Count);
        Assert.All(comments, c => Assert.Equal("France (FRA)", c.Author?.Value));
        Assert.Contains("Consensus", body.InnerText);
        Assert.Contains("OP2", body.InnerText);
    }

    [Fact]
    public async Task A_published_revision_is_archived_once_and_asking_again_returns_the_same_bytes()
    {
        var (sec, mou, _) = await NegotiatedAsync();
        var first = await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=1");
        var blob = new BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient("exports-un").GetBlobClient($"{mou}/rev-1-en.docx");
        var archived = (await blob.GetPropertiesAsync()).Value.ETag;
        // Asked again in another second of the clock, so that a document made afresh could not match by its times alone.
        var firstSecond = DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond == firstSecond && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.NotEqual(firstSecond, DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond);
        output.WriteLine($"the clock passed into the next second after {waited.ElapsedMilliseconds} ms");
        var second = await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=1");
        var a = await first.Content.ReadAsByteArrayAsync();
        var b = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal(a, b);
        AssertValid(a);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(a)), first.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Equal(a, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(archived, (await blob.GetPropertiesAsync()).Value.ETag); // archived once: the second export did not write it again
        var audit = await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("action").GetString() == "GET /api/mous/{mouId}/export.docx"
            && r.GetProperty("contentHash").GetString() == "sha256:" + Convert.ToHexStringLower(SHA256.HashData(a)));
    }

    [Fact]
    public async Task A_resolved_thread_is_exported_as_done_for_its_root_and_its_reply_and_stays_valid()
    {
        var (sec, mou, clauses) = await NegotiatedAsync();
        var comments = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clauses[0]}/comments")).JsonAsync(HttpStatusCode.OK);
        var root = comments.EnumerateArray().Single(c => c.GetProperty("replyTo").ValueKind == System.Text.Json.JsonValueKind.Null).GetProperty("id").GetString();
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/clauses/{clauses[0]}/comments/{root}/resolved", new { resolved = true })).JsonAsync(HttpStatusCode.OK);

        var bytes = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?comments=true")).Content.ReadAsByteArrayAsync();
        AssertValid(bytes);
        using var document = Open(bytes);
        var done = document.MainDocumentPart!.WordprocessingCommentsExPart!.CommentsEx!
            .Elements<DocumentFormat.OpenXml.Office2013.Word.CommentEx>().Select(e => e.Done?.Value).ToArray();
        Assert.Equal([true, true], done); // was w15:done="false" for every comment (issue 15.8)
    }

    [Fact]
    public async Task An_arabic_export_is_right_to_left_and_bad_parameters_are_4xx()
    {
        var (sec, mou, _) = await NegotiatedAsync();
        // An export in Arabic needs an Arabic version (it used to label the English text as Arabic; issue 15.5).
        await (await sec.GetAsync($"/api/mous/{mou}/export.docx?language=ar")).ProblemAsync(HttpStatusCode.NotFound);
        await Languages.ParallelTextsApiTests.AddLanguageAsync(sec, mou, "ar");
        var bytes = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?language=ar")).Content.ReadAsByteArrayAsync();
        AssertValid(bytes);
        using (var document = Open(bytes))
            Assert.NotEmpty(document.MainDocumentPart!.Document.Body!.Descendants<BiDi>());
        await (await sec.GetAsync($"/api/mous/{mou}/export.docx?language=xx")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=9")).ProblemAsync(HttpStatusCode.NotFound);
        await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=2&base=7")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_export_imported_again_gives_the_same_clauses_numbers_and_brackets()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var mou = await sec.CreateMouAsync();
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = "Purpose", text = "Recalling the bulletin,", kind = "preambular" })).JsonAsync(HttpStatusCode.Created);
        var op1 = await sec.AddClauseAsync(mou, "States [shall][should] train personnel.", "Training");
        await sec.AddClauseAsync(mou, "States shall report.", "Reporting");
        await sec.AddClauseAsync(mou, "Inserted between.", "Inserted", after: op1);
        var bytes = await (await sec.GetAsync($"/api/mous/{mou}/export.docx")).Content.ReadAsByteArrayAsync();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "roundtrip.docx" }, { new StringContent("FRA IND"), "parties" } };
        var created = await (await sec.PostAsync("/api/mous/import", form)).JsonAsync(HttpStatusCode.Created);
        var imported = await (await sec.GetAsync($"/api/mous/{created.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
        var original = await (await sec.GetAsync($"/api/mous/{mou}")).JsonAsync(HttpStatusCode.OK);

        string[] Shape(System.Text.Json.JsonElement m) => m.GetProperty("clauses").EnumerateArray()
            .Select(c => $"{c.GetProperty("number").GetString()}|{c.GetProperty("heading").GetString()}|{c.GetProperty("text").GetString()}").ToArray();
        Assert.Equal(Shape(original), Shape(imported));
        Assert.Equal(["FRA", "IND"], imported.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(created.GetProperty("notImported").EnumerateArray());
    }

    [Fact]
    public async Task An_import_says_which_comments_and_tables_it_did_not_take_as_clause_text()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "States shall train personnel.", "Training");
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "France asks what training means." })).JsonAsync(HttpStatusCode.Created);
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/revisions/1/positions", new { memberState = "FRA", position = "agree" })).JsonAsync(HttpStatusCode.Created);
        // Rev.1 with comments and its positions annex (a table after the text).
        var bytes = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=1&comments=true")).Content.ReadAsByteArrayAsync();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "with-comments.docx" }, { new StringContent("FRA IND"), "parties" } };
        var created = await (await sec.PostAsync("/api/mous/import", form)).JsonAsync(HttpStatusCode.Created);
        var left = created.GetProperty("notImported").EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("where").GetString(), l.GetProperty("words").GetInt32())).ToList();
        Assert.Contains(("comment", "in the document", 5), left);
        Assert.Contains(left, l => l.Item1 == "annex" && l.Item2 == "after the text" && l.Item3 > 3);
        Assert.Equal(1, created.GetProperty("clauses").GetInt32());
    }

    [Fact]
    public async Task An_import_preview_shows_the_clauses_and_what_is_left_out_and_creates_nothing()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var fra = await fixture.App.ClientAsync("Delegate", "FRA");
        var mou = await sec.CreateMouAsync();
        var clause = await sec.AddClauseAsync(mou, "States shall train personnel.", "Training");
        await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.", "");
        await (await fra.PostAsJsonAsync($"/api/mous/{mou}/clauses/{clause}/comments", new { text = "France asks what training means." })).JsonAsync(HttpStatusCode.Created);
        var bytes = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?comments=true")).Content.ReadAsByteArrayAsync();
        var title = "Previewed " + Guid.NewGuid().ToString("N")[..8];
        var before = (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

        MultipartFormDataContent Form() => new() { { new ByteArrayContent(bytes), "file", "preview.docx" }, { new StringContent(title), "title" } };
        var preview = await (await sec.PostAsync("/api/mous/import/preview", Form())).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(title, preview.GetProperty("title").GetString());
        Assert.Equal("en", preview.GetProperty("language").GetString());
        var clauses = preview.GetProperty("clauses").EnumerateArray().Select(c => (c.GetProperty("number").GetString(), c.GetProperty("heading").GetString(), c.GetProperty("text").GetString())).ToList();
        Assert.Equal([("OP1", "Training", "States shall train personnel."), ("OP2", "", "The Government shall exercise jurisdiction.")], clauses);
        Assert.Contains(preview.GetProperty("notImported").EnumerateArray(), l => l.GetProperty("kind").GetString() == "comment");
        // Nothing was created; the import after it creates the same clauses.
        Assert.Equal(before, (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        var created = await (await sec.PostAsync("/api/mous/import", Form())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("clauses").GetInt32());

        // The preview refuses what the import refuses, with the same problems; a delegate may not ask for it.
        using var bad = new MultipartFormDataContent { { new ByteArrayContent("plain text, not a document"u8.ToArray()), "file", "notes.docx" } };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await sec.PostAsync("/api/mous/import/preview", bad)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fra.PostAsync("/api/mous/import/preview", Form())).StatusCode);
    }

    public static TheoryData<string, byte[], HttpStatusCode> BadFiles()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(archive.CreateEntry("hello.txt").Open()))
                writer.Write("not a document");
        return new()
        {
            { "not a zip", "plain text, not a document"u8.ToArray(), HttpStatusCode.UnsupportedMediaType },
            { "a zip that is not Word", zip.ToArray(), HttpStatusCode.UnsupportedMediaType },
            { "an encrypted (OLE) file", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], HttpStatusCode.UnsupportedMediaType },
            { "over the size limit", new byte[22 * 1024 * 1024], HttpStatusCode.RequestEntityTooLarge },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)] // megabytes of bytes: not serialized at discovery
    public async Task Bad_files_are_refused_with_a_clear_4xx_and_create_nothing(string why, byte[] content, HttpStatusCode expected)
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Import secretariat " + why);
        var before = (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "upload.docx" } };

        var response = await sec.PostAsync("/api/mous/import", form);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, (await (await sec.GetAsync("/api/mous?organization=un")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_delegations_markup_comes_back_as_proposals_of_its_state_and_comments_with_their_quotes()
    {
        var (sec, mou, clauses) = await NegotiatedAsync();
        var export = await (await sec.GetAsync($"/api/mous/{mou}/export.docx")).Content.ReadAsByteArrayAsync();
        var marked = MarkUp(export, "exercise jurisdiction.", "exercise exclusive jurisdiction.", "Delegation of India", "India wants exclusivity.");

        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(marked), "file", "india.docx" } };
        var summary = await (await ind.PostAsync($"/api/mous/{mou}/markups", form)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, summary.GetProperty("proposals").GetInt32());
        Assert.Equal(1, summary.GetProperty("comments").GetInt32());
        var proposal = (await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clauses[1]}/proposals")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal("The Government shall exercise exclusive jurisdiction.", proposal.GetProperty("text").GetString());
        Assert.Equal("IND", proposal.GetProperty("onBehalfOf").GetString());
        var comment = (await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clauses[1]}/comments")).JsonAsync(HttpStatusCode.OK))[0];
        Assert.Equal("India wants exclusivity.", comment.GetProperty("text").GetString());
        Assert.Equal("IND", comment.GetProperty("memberState").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> UploadMarkupAsync(HttpClient delegation, string mou, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "markup.docx" } };
        return await (await delegation.PostAsync($"/api/mous/{mou}/markups", form)).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_circulated_redline_sent_back_unchanged_adds_nothing_and_a_markup_counts_only_what_the_delegation_did()
    {
        var (sec, mou, clauses) = await NegotiatedAsync();
        // The redline with comments: the secretariat's Rev.1 → Rev.2 changes as tracked changes, France's thread as comments.
        var export = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=2&base=1&comments=true")).Content.ReadAsByteArrayAsync();
        var fra = await fixture.App.ClientAsync("Delegate", "FRA", name: "Delegate of France");
        var unchanged = await UploadMarkupAsync(fra, mou, export);
        Assert.Equal((0, 0), (unchanged.GetProperty("proposals").GetInt32(), unchanged.GetProperty("comments").GetInt32()));
        Assert.Empty((await (await sec.GetAsync($"/api/mous/{mou}/proposals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        // India's change and comment on the same copy are India's; the same file twice adds nothing the second time.
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        var marked = MarkUp(export, "exercise jurisdiction.", "exercise exclusive jurisdiction.", "Delegation of India", "India wants exclusivity.");
        var first = await UploadMarkupAsync(ind, mou, marked);
        Assert.Equal((1, 1), (first.GetProperty("proposals").GetInt32(), first.GetProperty("comments").GetInt32()));
        var again = await UploadMarkupAsync(ind, mou, marked);
        Assert.Equal(1, (await (await sec.GetAsync($"/api/mous/{mou}/proposals")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(1, (await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clauses[1]}/comments")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, again.GetProperty("comments").GetInt32());
        // France's two comments on OP1 stayed France's: no copies attributed to India.
        Assert.All((await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clauses[0]}/comments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray(),
            c => Assert.Equal("FRA", c.GetProperty("memberState").GetString()));
    }

    [Fact]
    public async Task A_markup_of_an_older_version_keeps_what_changed_since_and_says_which_change_clashes()
    {
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Docs secretariat");
        var legal = await fixture.App.ClientAsync("LegalOfficer", name: "Docs legal officer");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction over its personnel.", "Jurisdiction");
        var other = await sec.AddClauseAsync(mou, "States shall train all personnel.", "Training");
        await (await sec.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).JsonAsync(HttpStatusCode.Created);
        var rev1 = await (await sec.GetAsync($"/api/mous/{mou}/export.docx?revision=1")).Content.ReadAsByteArrayAsync();
        // After the copy went out, the text changed: "its personnel" → "its military personnel"; "train" → "educate".
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{clause}", "The Government shall exercise jurisdiction over its military personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);
        await (await legal.PutTextAsync($"/api/mous/{mou}/clauses/{other}", "States shall educate all personnel.", "\"1\"")).JsonAsync(HttpStatusCode.OK);

        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        // India, on its Rev.1 copy, makes jurisdiction exclusive (words nobody changed since) and retrains "train" (which did change).
        var marked = MarkUp(MarkUp(rev1, "exercise jurisdiction over its personnel.", "exercise exclusive jurisdiction over its personnel.", "Delegation of India", "India wants exclusivity."),
            "train all personnel.", "instruct all personnel.", "Delegation of India", "India prefers instruct.");
        var summary = await UploadMarkupAsync(ind, mou, marked);
        Assert.True(summary.GetProperty("proposals").GetInt32() == 1, summary.ToString());
        var listed = await (await sec.GetAsync($"/api/mous/{mou}/proposals")).JsonAsync(HttpStatusCode.OK);
        var proposal = Assert.Single(listed.EnumerateArray(), p => p.GetProperty("clauseId").GetString() == clause);
        Assert.True(listed.GetArrayLength() == 1, listed.ToString() + summary);
        Assert.Equal("The Government shall exercise exclusive jurisdiction over its military personnel.", proposal.GetProperty("text").GetString());
        var refused = Assert.Single(summary.GetProperty("unmatched").EnumerateArray(), u => u.GetProperty("kind").GetString() == "paragraph");
        Assert.Contains("changed since", refused.GetProperty("reason").GetString());
        Assert.Contains("“train”", refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_markup_of_another_texts_copy_is_refused()
    {
        var (sec, mou, _) = await NegotiatedAsync();
        var otherMou = await sec.CreateMouAsync("un", "FRA", "IND");
        await sec.AddClauseAsync(otherMou, "The Government shall exercise jurisdiction.", "Jurisdiction");
        var export = await (await sec.GetAsync($"/api/mous/{mou}/export.docx")).Content.ReadAsByteArrayAsync();
        var ind = await fixture.App.ClientAsync("Delegate", "IND", name: "Delegate of India");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(MarkUp(export, "exercise jurisdiction.", "exercise exclusive jurisdiction.", "India", "x")), "file", "m.docx" } };
        var problem = await (await ind.PostAsync($"/api/mous/{otherMou}/markups", form)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(mou, problem.GetProperty("detail").GetString());
    }

    /// <summary>Edits a copy the way Word does with track changes on: the old run deleted, the new one inserted, a comment on it.</summary>
    private static int markId = 9000;

    private static byte[] MarkUp(byte[] export, string oldText, string newText, string author, string commentText)
    {
        // Ids of their own for each edit: a copy marked up twice holds two changes and two comments.
        var id = Interlocked.Add(ref markId, 3);
        var (delId, insId, commentId) = ($"{id}", $"{id + 1}", $"{id + 2}");
        var stream = new MemoryStream();
        stream.Write(export);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            var run = main.Document.Body!.Descendants<Run>().First(r => r.InnerText.Contains(oldText));
            var text = run.InnerText;
            var at = text.IndexOf(oldText, StringComparison.Ordinal);
            var date = new DateTime(2007, 3, 1, 10, 0, 0, DateTimeKind.Utc);
            var before = new Run(new Text(text[..at]) { Space = SpaceProcessingModeValues.Preserve });
            var deleted = new DeletedRun(new Run(new DeletedText(oldText) { Space = SpaceProcessingModeValues.Preserve })) { Id = delId, Author = author, Date = date };
            var inserted = new InsertedRun(new Run(new Text(newText) { Space = SpaceProcessingModeValues.Preserve })) { Id = insId, Author = author, Date = date };
            run.InsertBeforeSelf(before);
            run.InsertBeforeSelf(new CommentRangeStart { Id = commentId });
            run.InsertBeforeSelf(deleted);
            run.InsertBeforeSelf(inserted);
            run.InsertBeforeSelf(new CommentRangeEnd { Id = commentId });
            run.InsertBeforeSelf(new Run(new CommentReference { Id = commentId }));
            run.Remove();
            var commentsPart = main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>();
            commentsPart.Comments ??= new Comments();
            commentsPart.Comments.Append(new DocumentFormat.OpenXml.Wordprocessing.Comment(new Paragraph(new Run(new Text(commentText)))) { Id = commentId, Author = author, Date = date, Initials = "IND" });
            commentsPart.Comments.Save();
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
