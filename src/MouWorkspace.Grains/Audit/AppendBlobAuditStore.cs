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

    // Scopes whose append blob this process has created or seen: one storage call per record instead of two.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> blobsReady = new();

    public async Task AppendAsync(string scope, string line, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        try
        {
            await (await BlobAsync(scope, cancellationToken)).AppendBlockAsync(new MemoryStream(bytes), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The blob went away since we saw it (a restore, an operator): create it again and append once more.
            blobsReady.TryRemove(scope, out _);
            await (await BlobAsync(scope, cancellationToken)).AppendBlockAsync(new MemoryStream(bytes), cancellationToken: cancellationToken);
        }
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
        if (!blobsReady.ContainsKey(scope))
        {
            await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            blobsReady[scope] = true;
        }
        return blob;
    }

    private static string BlobName(string scope) => $"{scope}.jsonl";
}
