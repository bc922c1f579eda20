using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MouWorkspace.Grains.Testing;

namespace MouWorkspace.Web.Documents;

/// <summary>
/// The circulated record: a published revision's export is written once to Blob storage (a container per
/// organization) with its SHA-256, and the same bytes are returned every time it is asked for again.
/// A single Put Blob is atomic, so a crash mid-upload never leaves a half-written record to serve.
/// </summary>
public sealed class ExportArchive(BlobServiceClient blobs, TestPoints points)
{
    public sealed record Archived(byte[] Content, string Sha256, bool Created);

    public async Task<Archived> GetOrAddAsync(string organization, string name, Func<Task<byte[]>> create, CancellationToken ct = default,
        string contentType = Export.ContentType)
    {
        var container = blobs.GetBlobContainerClient($"exports-{organization}");
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        var blob = container.GetBlobClient(name);
        if (await TryReadAsync(blob, ct) is { } existing)
            return existing;
        var content = await create();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        try
        {
            await using Stream bytes = points.Active ? new HoldingStream(content, () => points.ReachedAsync(TestPoints.ExportArchive)) : new MemoryStream(content, writable: false);
            await blob.UploadAsync(bytes, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["sha256"] = hash },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, ct);
            return new Archived(content, hash, true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Someone archived it first: theirs is the record.
            return await TryReadAsync(blob, ct) ?? throw new InvalidOperationException("an archived export vanished", ex);
        }
    }

    private static async Task<Archived?> TryReadAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            var download = await blob.DownloadContentAsync(ct);
            var content = download.Value.Content.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            // A blob whose bytes do not match the hash it was written with is not served as the record.
            if (download.Value.Details.Metadata.TryGetValue("sha256", out var recorded) && recorded != hash)
                throw new InvalidOperationException($"the archived export {blob.Name} does not match its recorded hash");
            return new Archived(content, hash, false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Test-only (<see cref="TestPoints.ExportArchive"/>): the archive's bytes as the upload reads them, holding once
    /// half of them are read, so that a crash test's kill lands in the middle of the Put Blob.
    /// </summary>
    private sealed class HoldingStream(byte[] content, Func<Task> hold) : Stream
    {
        private readonly MemoryStream inner = new(content, writable: false);
        private bool held;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var half = content.Length / 2;
            if (!held && inner.Position >= half)
            {
                held = true;
                await hold();
            }
            if (!held)
                buffer = buffer[..(int)Math.Min(buffer.Length, half - inner.Position)];
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static class Export
    {
        public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
}
