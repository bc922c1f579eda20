using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Tracking;

namespace MouWorkspace.Web.Tracking;

/// <summary>Evidence documents in Blob storage: one container per organization, one blob per upload, named by country and id.</summary>
public sealed class EvidenceStore(BlobServiceClient blobs, TimeProvider clock)
{
    public static string ContainerFor(string organization) => $"evidence-{organization}";

    /// <summary>Stores the bytes and returns the record to register with the country grain.</summary>
    public async Task<EvidenceDocument> SaveAsync(string code, string organization, string fileName, EvidenceType type, ReadOnlyMemory<byte> content, string uploadedBy, CancellationToken ct)
    {
        var id = Ids.New();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var blobName = $"{code}/{id}{type.Extension}";
        var container = blobs.GetBlobContainerClient(ContainerFor(organization));
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = type.ContentType },
            Metadata = new Dictionary<string, string> { ["sha256"] = sha256, ["country"] = code },
            // Never replace a stored document: ids are fresh, so an existing blob means a bug, not an update.
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        }, ct);
        return new EvidenceDocument(id, organization, fileName, type.ContentType, content.Length, sha256, blobName, uploadedBy, clock.GetUtcNow());
    }

    public async Task<Stream> OpenAsync(EvidenceDocument document, CancellationToken ct) =>
        await blobs.GetBlobContainerClient(ContainerFor(document.Organization)).GetBlobClient(document.BlobName).OpenReadAsync(cancellationToken: ct);

    /// <summary>Removes a blob whose registration failed, so that nothing is left behind.</summary>
    public Task DeleteAsync(EvidenceDocument document, CancellationToken ct) =>
        blobs.GetBlobContainerClient(ContainerFor(document.Organization)).GetBlobClient(document.BlobName).DeleteIfExistsAsync(cancellationToken: ct);
}
