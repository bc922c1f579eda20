using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Api;

/// <summary>Evidence documents: stored in Blob storage with their SHA-256, checked by content, limited in size.</summary>
[Collection("api")]
public sealed class TrackingEvidenceTests(ApiFixture fixture)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<int> EvidenceCountAsync(HttpClient staff, string code) =>
        (await (await staff.GetAsync($"/api/tccs/{code}")).JsonAsync(HttpStatusCode.OK)).GetProperty("evidence").GetArrayLength();

    [Fact]
    public async Task An_uploaded_pdf_is_downloadable_by_staff_with_its_hash_and_can_back_an_adoption()
    {
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var uploaded = await (await legal.PostAsync("/api/tccs/IND/evidence", Form(Pdf, "signed MOU.pdf"))).JsonAsync(HttpStatusCode.Created);
        var id = uploaded.GetProperty("id").GetString();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), uploaded.GetProperty("sha256").GetString());
        Assert.Equal(("application/pdf", Pdf.Length), (uploaded.GetProperty("contentType").GetString(), uploaded.GetProperty("size").GetInt32()));

        var secretariat = await fixture.App.ClientAsync("Secretariat");
        var download = await secretariat.GetAsync($"/api/tccs/IND/evidence/{id}");
        Assert.Equal(Pdf, await download.BytesAsync("application/pdf"));
        await (await (await fixture.App.ClientAsync("Observer")).GetAsync($"/api/tccs/IND/evidence/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await fixture.App.ClientAsync("LegalOfficer", organization: "nato")).GetAsync($"/api/tccs/IND/evidence/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.GetAsync("/api/tccs/IND/evidence/nothere")).ProblemAsync(HttpStatusCode.NotFound);

        var mou = await secretariat.PublishedMouAsync();
        var adopted = await (await legal.AdoptAsync("IND", mou, 1, evidence: id)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, adopted.GetProperty("evidenceId").GetString());
    }

    [Fact]
    public async Task Word_documents_and_scans_are_accepted_by_their_content()
    {
        var legal = await fixture.App.ClientAsync("LegalOfficer");
        var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F' };
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await (await legal.PostAsync("/api/tccs/NPL/evidence", Form(docx.ToArray(), "mou.docx", "application/octet-stream"))).JsonAsync(HttpStatusCode.Created)).GetProperty("contentType").GetString());
        Assert.Equal("image/png", (await (await legal.PostAsync("/api/tccs/NPL/evidence", Form(png, "scan.png", "image/png"))).JsonAsync(HttpStatusCode.Created)).GetProperty("contentType").GetString());
        Assert.Equal("image/jpeg", (await (await legal.PostAsync("/api/tccs/NPL/evidence", Form(jpeg, "scan.jpg", "image/jpeg"))).JsonAsync(HttpStatusCode.Created)).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Files_of_other_types_or_over_the_limit_are_refused_and_nothing_is_stored()
    {
        var legal = await fixture.App.ClientAsync("LegalOfficer", organization: "osce");
        var before = await EvidenceCountAsync(legal, "URY");
        var plainZip = new MemoryStream();
        using (var zip = new ZipArchive(plainZip, ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntry("notes.txt");

        await (await legal.PostAsync("/api/tccs/URY/evidence", Form("just text, named .pdf"u8.ToArray(), "fake.pdf"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await legal.PostAsync("/api/tccs/URY/evidence", Form(plainZip.ToArray(), "fake.docx"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await legal.PostAsync("/api/tccs/URY/evidence", Form("MZ\x90\0"u8.ToArray(), "tool.exe"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var tooLarge = await (await legal.PostAsync("/api/tccs/URY/evidence", Form(big, "huge.pdf"))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10 MB", tooLarge.GetProperty("detail").GetString());
        await (await legal.PostAsync("/api/tccs/QQQ/evidence", Form(Pdf, "x.pdf"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await legal.PostAsync("/api/tccs/URY/evidence", new MultipartFormDataContent { { new StringContent("x"), "other" } })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await (await fixture.App.ClientAsync("Delegate", "URY", "osce")).PostAsync("/api/tccs/URY/evidence", Form(Pdf, "x.pdf"))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await EvidenceCountAsync(legal, "URY"));
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(fixture.ConnectionString).GetBlobContainerClient("evidence-osce");
        var stored = (await blobs.ExistsAsync()).Value ? await blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "URY/", default).CountAsync() : 0;
        Assert.Equal(before, stored);
    }
}
