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
/// The app killed (SIGKILL) in the middle of an export or an import: afterwards no half-written export is
/// served and no half-imported text exists.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class CrashConsistencyTests(ITestOutputHelper output)
{
    [Fact(Timeout = 300_000)]
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
            (await secretariat.PostAsJsonAsync($"/api/mous/{mou}/revisions", new { symbol = "Rev.1" })).EnsureSuccessStatusCode();
            bigDocx = await (await secretariat.GetAsync($"/api/mous/{mou}/export.docx")).Content.ReadAsByteArrayAsync();
        }

        foreach (var delay in new[] { 30, 120, 400 })
        {
            // Export of a published revision (archived on first request), killed part-way.
            await using (var app = await AppProcess.StartAsync(azurite.ConnectionString, service, data))
            {
                var reader = await app.SignInAsync("Observer", "NPL");
                var export = reader.GetAsync($"/api/mous/{mou}/export.docx?revision=1");
                var import = (await app.SignInAsync("Secretariat")).PostAsync("/api/mous/import",
                    new MultipartFormDataContent { { new ByteArrayContent(bigDocx), "file", $"crash-{delay}.docx" } });
                await Task.Delay(delay);
                app.Kill();
                output.WriteLine($"killed after {delay} ms: export {await Outcome(export)}, import {await Outcome(import)}");
            }

            await using (var app = await AppProcess.StartAsync(azurite.ConnectionString, service, data))
            {
                var reader = await app.SignInAsync("Observer", "NPL");
                var response = await reader.GetAsync($"/api/mous/{mou}/export.docx?revision=1");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), response.Headers.GetValues("X-Content-SHA256").Single());
                using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
                    Assert.Contains("Clause 299", document.MainDocumentPart!.Document.Body!.InnerText);

                // No imported text is half there: each holds all 300 clauses.
                var list = await reader.GetFromJsonAsync<JsonElement>("/api/mous?organization=un");
                foreach (var summary in list.EnumerateArray().Where(m => m.GetProperty("title").GetString()!.StartsWith("Crash", StringComparison.Ordinal) && m.GetProperty("id").GetString() != mou))
                {
                    var imported = await reader.GetFromJsonAsync<JsonElement>($"/api/mous/{summary.GetProperty("id").GetString()}");
                    Assert.Equal(300, imported.GetProperty("clauses").GetArrayLength());
                }
                app.Kill();
            }
        }

        // Every archived export in storage matches the hash it was written with.
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("exports-un");
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(blob.Metadata["sha256"], Convert.ToHexStringLower(SHA256.HashData(content)));
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
