using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging.Abstractions;
using MouWorkspace.Web.Storage;
using Xunit.Abstractions;

namespace MouWorkspace.Fault.Tests;

/// <summary>
/// The app killed (SIGKILL) in the middle of an export's archive write and of an import: afterwards no half-written
/// export is served and no half-imported text exists. Each kill lands where the test says: the app, started with the
/// test-only settings Testing:MarkerDir, Testing:ExportArchiveDelayMs and Testing:ImportDelayMs, writes a marker file
/// when it is half-way through the archive's Put Blob and when an import has written its first clauses but not its MOU,
/// and holds there; the test kills it once both markers exist.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class CrashConsistencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_app_killed_mid_export_or_mid_import_leaves_no_half_written_record()
    {
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { ExtentMemoryLimitMb = 1024 }, NullLogger.Instance);
        var data = Directory.CreateTempSubdirectory("mou-crash-").FullName;
        var service = "crash-" + Guid.NewGuid().ToString("N")[..6];
        string mou;
        byte[] bigDocx;
        await using (var app = await AppProcess.StartAsync(azurite.ConnectionString, service, data))
        {
            var secretariat = await app.SignInAsync("Secretariat");
            mou = (await (await secretariat.PostAsJsonAsync("/api/mous", new { organization = "un", title = "Crash", parties = new[] { "FRA" } }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (i, ct) =>
                (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = $"Heading {i}", text = $"Clause {i}: States [shall][should] act on standards of conduct, {new string('x', 200)}." }, ct))
                .EnsureSuccessStatusCode());
            bigDocx = await (await secretariat.GetAsync($"/api/mous/{mou}/export.docx")).Content.ReadAsByteArrayAsync(); // 300 paragraphs
            // Three published revisions, each exported once below: each kill lands in an archive write of its own.
            for (var revision = 1; revision <= 3; revision++)
            {
                if (revision > 1)
                    (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/clauses", new { heading = $"Added for Rev.{revision}", text = $"States shall report under Rev.{revision}." }))
                        .EnsureSuccessStatusCode();
                (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = $"Rev.{revision}" })).EnsureSuccessStatusCode();
            }
        }
        var archive = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("exports-un");

        // Three kills, each exporting a revision not archived yet, so that each lands in an archive write of its own.
        foreach (var revision in new[] { 1, 2, 3 })
        {
            var markers = Directory.CreateTempSubdirectory("mou-crash-markers-").FullName;
            var title = $"Crash import {revision}";
            var blob = archive.GetBlobClient($"{mou}/rev-{revision}-en.docx");
            await using (var app = await AppProcess.StartAsync(azurite.ConnectionString, service, data,
                $"--Testing:MarkerDir={markers}", "--Testing:ExportArchiveDelayMs=300000", "--Testing:ImportDelayMs=300000"))
            {
                var reader = await app.SignInAsync("Observer", "NPL");
                var export = reader.GetAsync($"/api/mous/{mou}/export.docx?revision={revision}");
                var import = (await app.SignInAsync("Secretariat")).PostAsync("/api/mous/import", ImportForm(bigDocx, title));
                await UntilAsync(() => File.Exists(Path.Combine(markers, "ExportArchive")) && File.Exists(Path.Combine(markers, "Import")),
                    () => $"the app did not reach the export's archive write and the import's clauses (Rev.{revision}):\n{app.Output}");
                app.Kill();
                var (exported, imported) = (await Outcome(export), await Outcome(import));
                output.WriteLine($"Rev.{revision}: killed half-way through the archive write and the import; export {exported}, import {imported}");
                Assert.Equal(("cut off", "cut off"), (exported, imported));
            }
            // The Put Blob was cut off half-way: nothing of it is in storage.
            Assert.False((await blob.ExistsAsync()).Value, $"a blob {blob.Name} exists after its upload was cut off");

            await using (var app = await AppProcess.StartAsync(azurite.ConnectionString, service, data))
            {
                var reader = await app.SignInAsync("Observer", "NPL");
                var response = await reader.GetAsync($"/api/mous/{mou}/export.docx?revision={revision}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
                Assert.Equal(sha256, response.Headers.GetValues("X-Content-SHA256").Single());
                using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
                    Assert.Contains("Clause 299", document.MainDocumentPart!.Document.Body!.InnerText);
                // Archived now, whole, by this request.
                Assert.Equal(sha256, (await blob.GetPropertiesAsync()).Value.Metadata["sha256"]);

                // The cut-off import left no text at all (its clauses were written, its MOU not).
                Assert.Empty(await TitledAsync(reader, title));
                // The client retries: the import is made whole, once.
                var secretariat = await app.SignInAsync("Secretariat");
                var retried = await secretariat.PostAsync("/api/mous/import", ImportForm(bigDocx, title));
                Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
                var id = (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                Assert.Equal([id], await TitledAsync(reader, title));
                var text = await reader.GetFromJsonAsync<JsonElement>($"/api/mous/{id}");
                Assert.Equal(300, text.GetProperty("clauses").GetArrayLength());
                app.Kill();
            }
        }

        // Every archived export in storage matches the hash it was written with: the three written after the kills.
        var archived = 0;
        await foreach (var blob in archive.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            var content = (await archive.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(blob.Metadata["sha256"], Convert.ToHexStringLower(SHA256.HashData(content)));
            archived++;
        }
        Assert.Equal(3, archived);
    }

    private static MultipartFormDataContent ImportForm(byte[] docx, string title) =>
        new() { { new ByteArrayContent(docx), "file", "crash.docx" }, { new StringContent(title), "title" } };

    private static async Task<string[]> TitledAsync(HttpClient reader, string title) =>
        [.. (await reader.GetFromJsonAsync<JsonElement>("/api/mous?organization=un")).EnumerateArray()
            .Where(m => m.GetProperty("title").GetString() == title).Select(m => m.GetProperty("id").GetString()!)];

    private static async Task UntilAsync(Func<bool> condition, Func<string> failure)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
                Assert.Fail(failure());
            await Task.Delay(50);
        }
    }

    private static async Task<string> Outcome(Task<HttpResponseMessage> request)
    {
        try
        {
            return ((int)(await request).StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return "cut off";
        }
    }
}
