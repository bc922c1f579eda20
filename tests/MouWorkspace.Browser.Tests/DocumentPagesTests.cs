using System.Net.Http.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using MouWorkspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MouWorkspace.Browser.Tests;

/// <summary>The Word documents page: a redline downloaded through the page, a .docx imported, a delegation's markup uploaded.</summary>
[Collection("browser")]
public sealed class DocumentPagesTests(BrowserFixture fixture)
{
    private readonly TextArrangement arrange = new(fixture);

    [Fact]
    public async Task A_delegate_downloads_a_redline_against_a_chosen_revision_as_a_valid_word_document()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 2);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Word documents" }).ClickAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("export-revision").SelectOptionAsync("2");
        await page.GetByTestId("export-base").SelectOptionAsync("1");
        await page.GetByTestId("export-comments").CheckAsync();
        // The page offers the MOU's own languages only (this text has no French version; the API refuses one, issue 15.5).
        await page.GetByTestId("export-language").SelectOptionAsync("en");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").ClickAsync());
        await Expect(page.GetByTestId("download-done")).ToContainTextAsync(".docx");

        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(fixture.ArtifactsPath, "redline-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var inserted = body.Descendants<InsertedRun>().ToList();
        Assert.NotEmpty(inserted);
        Assert.Contains(inserted, i => i.InnerText.Contains("exclusive", StringComparison.Ordinal));
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.ShotAsync(fixture, "documents-download");
    }

    [Fact]
    public async Task A_delegate_downloads_the_redline_as_a_pdf_room_paper_with_numbered_lines_and_the_button_waits_for_it()
    {
        var (mouId, _, _) = await arrange.TextAsync(revisions: 2);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("fra", $"/mous/{mouId}/documents");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("export-revision").SelectOptionAsync("2");
        await page.GetByTestId("export-base").SelectOptionAsync("1");
        // Comments are asked for: the Word copy would carry them, the room paper holds the text and still downloads.
        await page.GetByTestId("export-comments").CheckAsync();
        var downloads = 0;
        page.Download += (_, _) => Interlocked.Increment(ref downloads);
        // A double click: the second click comes while the paper is prepared and makes no second download.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").DblClickAsync());
        await Expect(page.GetByTestId("download-done")).ToContainTextAsync(".pdf");
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal(1, downloads);
        Assert.Equal($"{mouId}-rev2-vs-rev1-en.pdf", download.SuggestedFilename);
        var path = Path.Combine(fixture.ArtifactsPath, "room-paper-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var pdf = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var text = PdfText(path);
        Assert.Contains("exclusive", text);
        Assert.Contains("Changes from Rev.1: additions underlined, deletions struck through", text);
        // Line 1 of page 1 is the text's first line, numbered in the margin.
        Assert.Matches(@"(?m)^\s*1\s+\S", text);

        await page.ShotAsync(fixture, "documents-pdf-1280");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId("download-pdf")).ToBeVisibleAsync();
        await page.ShotAsync(fixture, "documents-pdf-390");
    }

    private static string PdfText(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    [Fact]
    public async Task The_secretariat_imports_a_word_document_as_a_new_text_and_a_non_word_file_is_refused()
    {
        // A .docx made by the app itself (any Word document with numbered paragraphs would do).
        var (sourceId, _, _) = await arrange.TextAsync(revisions: 0);
        var bytes = await (await arrange.SecretariatAsync()).GetByteArrayAsync($"/api/mous/{sourceId}/export.docx");
        var file = Path.Combine(fixture.ArtifactsPath, $"to-import-{sourceId}.docx");
        await File.WriteAllBytesAsync(file, bytes);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", "/documents");

        // Not a Word document: the API's problem details are shown.
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "notes.docx", MimeType = "application/octet-stream", Buffer = "plain text, not a document"u8.ToArray() });
        await page.GetByTestId("import").ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync("Not an accepted Word document");

        var title = "Imported text " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("import-file").SetInputFilesAsync(file);
        // Read at once, created only on Import: the preview says what the text will hold.
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("Nothing is created until you import it.");
        await Expect(page.GetByTestId("import-preview-complete")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        await page.GetByTestId("import-title").FillAsync(title);
        await page.GetByTestId("import-parties").FillAsync("FRA MAR");
        await page.GetByTestId("import").ClickAsync();

        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Created " + title);
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("clause");
        // The app's own export holds nothing but its title block and clauses: nothing is listed as left out.
        await Expect(page.GetByTestId("not-imported")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        await page.ShotAsync(fixture, "documents-import");
        await page.GetByTestId("import-result-link").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("clauses")).ToContainTextAsync(TextArrangement.FirstText);
    }

    [Fact]
    public async Task The_import_page_shows_what_a_pandoc_document_gives_and_leaves_out_before_the_text_is_created()
    {
        // A document nobody on the project wrote: pandoc's, with a table and a footnote beside its numbered paragraphs.
        var dir = Directory.CreateTempSubdirectory("mou-preview-").FullName;
        var markdown = Path.Combine(dir, "text.md");
        await File.WriteAllTextAsync(markdown, """
            # Standards of conduct

            1. The troop-contributing country shall ensure compliance with the standards of conduct.[^1]
            2. The Government shall investigate allegations of misconduct.

            | State | Personnel |
            |-------|-----------|
            | Ghana | 850       |

            [^1]: As set out in ST/SGB/2003/13.
            """);
        var docx = Path.Combine(fixture.ArtifactsPath, $"pandoc-preview-{Guid.NewGuid():N}.docx");
        using (var pandoc = System.Diagnostics.Process.Start("pandoc", [markdown, "-o", docx])!)
        {
            await pandoc.WaitForExitAsync();
            Assert.Equal(0, pandoc.ExitCode);
        }
        var sec = await arrange.SecretariatAsync();
        var before = (await sec.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/mous?organization=un")).GetArrayLength();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("un-secretariat", "/documents");
        await page.GetByTestId("import-file").SetInputFilesAsync(docx);
        var preview = page.GetByTestId("import-preview");
        await Expect(preview).ToContainTextAsync("Nothing is created until you import it.");
        await Expect(page.GetByTestId("import-preview-clauses")).ToContainTextAsync("The Government shall investigate allegations of misconduct.");
        var leftOut = page.GetByTestId("import-preview-left-out");
        await Expect(leftOut).ToContainTextAsync("table");
        await Expect(leftOut).ToContainTextAsync("footnote");
        await page.ShotAsync(fixture, "documents-import-preview-1280");
        await page.SetViewportSizeAsync(390, 844);
        await page.ShotAsync(fixture, "documents-import-preview-390");
        // Previewed only: no text was created.
        Assert.Equal(before, (await sec.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/mous?organization=un")).GetArrayLength());

        await page.GetByTestId("import").ClickAsync();
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Created");
        await Expect(page.GetByTestId("not-imported")).ToContainTextAsync("table");
        await Expect(page.GetByTestId("import-preview")).ToHaveCountAsync(0);
        Assert.Equal(before + 1, (await sec.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/mous?organization=un")).GetArrayLength());
    }

    [Fact]
    public async Task A_delegate_uploads_a_marked_up_copy_and_sees_the_proposals_and_comments_taken_over()
    {
        var (mouId, clauseId, _) = await arrange.TextAsync(revisions: 0);
        var export = await (await arrange.SecretariatAsync()).GetByteArrayAsync($"/api/mous/{mouId}/export.docx");
        var marked = MarkUp(export, "exercise jurisdiction", "exercise exclusive jurisdiction", "Delegation of India", "India wants exclusivity.");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("ind", $"/mous/{mouId}/documents");

        await page.GetByTestId("markup-file").SetInputFilesAsync(new FilePayload
        {
            Name = "india-markup.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = marked,
        });
        await page.GetByTestId("upload-markup").ClickAsync();

        var summary = page.GetByTestId("markup-summary");
        await Expect(summary).ToContainTextAsync("1 proposal and 1 comment added for IND");
        await page.ShotAsync(fixture, "documents-markup");
        await page.GetByTestId("markup-result-link").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GotoAsync($"/mous/{mouId}/clauses/{clauseId}");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("proposals")).ToContainTextAsync("IND");
        await Expect(page.GetByTestId("proposals").Locator("ins").First).ToContainTextAsync("exclusive");
        await Expect(page.GetByTestId("comments")).ToContainTextAsync("India wants exclusivity.");
        // Word's author and date of the change and the comment are shown beside the delegation's name (issue 18.5) and stored.
        await Expect(page.GetByTestId("proposals").GetByTestId("recorded-in-word")).ToHaveTextAsync("recorded in Word by Delegation of India on 1 March 2007");
        await Expect(page.GetByTestId("comments").GetByTestId("recorded-in-word")).ToHaveTextAsync("recorded in Word by Delegation of India on 1 March 2007");
        var stored = await (await arrange.SecretariatAsync()).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/mous/{mouId}/proposals");
        var proposal = Assert.Single(stored.EnumerateArray());
        Assert.Equal(("Delegation of India", new DateTimeOffset(2007, 3, 1, 10, 0, 0, TimeSpan.Zero)),
            (proposal.GetProperty("recordedBy").GetString(), proposal.GetProperty("recordedAt").GetDateTimeOffset()));
    }

    /// <summary>Edits a copy the way Word does with track changes on: the old words deleted, the new inserted, a comment on them.</summary>
    private static byte[] MarkUp(byte[] export, string oldText, string newText, string author, string commentText)
    {
        var stream = new MemoryStream();
        stream.Write(export);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            var run = main.Document.Body!.Descendants<Run>().First(r => r.InnerText.Contains(oldText, StringComparison.Ordinal));
            var text = run.InnerText;
            var at = text.IndexOf(oldText, StringComparison.Ordinal);
            var date = new DateTime(2007, 3, 1, 10, 0, 0, DateTimeKind.Utc);
            run.InsertBeforeSelf(new Run(new Text(text[..at]) { Space = SpaceProcessingModeValues.Preserve }));
            run.InsertBeforeSelf(new CommentRangeStart { Id = "77" });
            run.InsertBeforeSelf(new DeletedRun(new Run(new DeletedText(oldText) { Space = SpaceProcessingModeValues.Preserve })) { Id = "9001", Author = author, Date = date });
            run.InsertBeforeSelf(new InsertedRun(new Run(new Text(newText) { Space = SpaceProcessingModeValues.Preserve })) { Id = "9002", Author = author, Date = date });
            run.InsertBeforeSelf(new CommentRangeEnd { Id = "77" });
            run.InsertBeforeSelf(new Run(new CommentReference { Id = "77" }));
            run.InsertBeforeSelf(new Run(new Text(text[(at + oldText.Length)..]) { Space = SpaceProcessingModeValues.Preserve }));
            run.Remove();
            var commentsPart = main.WordprocessingCommentsPart ?? main.AddNewPart<WordprocessingCommentsPart>();
            commentsPart.Comments ??= new Comments();
            commentsPart.Comments.Append(new Comment(new Paragraph(new Run(new Text(commentText)))) { Id = "77", Author = author, Date = date, Initials = "IND" });
            commentsPart.Comments.Save();
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
