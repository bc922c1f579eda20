using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace MouWorkspace.Grains.Audit;

/// <summary>
/// One append blob per scope in the <c>audit</c> container: storage itself only appends, and the hash chain
/// makes any rewrite of the blob visible.
/// </summary>
public sealed class AppendBlobAuditStore(BlobServiceClient blobs) : IAuditStore
{
    public const string Container = "audit";

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(Container);
    private volatile bool containerReady;

    public async Task AppendAsync(string scope, string line, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(scope, cancellationToken);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(line));
        await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
    }

    public async Task<string> ReadAsync(string scope, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await container.GetAppendBlobClient(BlobName(scope)).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return "";
        }
    }

    private async Task<AppendBlobClient> BlobAsync(string scope, CancellationToken cancellationToken)
    {
        if (!containerReady)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerReady = true;
        }
        var blob = container.GetAppendBlobClient(BlobName(scope));
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return blob;
    }

    private static string BlobName(string scope) => $"{scope}.jsonl";
}
