using System.Collections.Concurrent;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace MouWorkspace.Grains.Audit;

/// <summary>
/// Append blobs per scope in the <c>audit</c> container: storage itself only appends, and the hash chain makes any
/// rewrite visible. An append blob holds at most 50,000 blocks (one block per group commit), so a scope's log is a
/// series of segments — <c>{scope}.jsonl</c>, then <c>{scope}.1.jsonl</c>, <c>{scope}.2.jsonl</c> … — each closed at
/// <see cref="MaxBlocksPerSegment"/> blocks (or when storage says the blob is full); read back in order they are
/// one log, and the chain runs across them.
/// </summary>
public sealed class AppendBlobAuditStore(BlobServiceClient blobs, int maxBlocksPerSegment = AppendBlobAuditStore.DefaultMaxBlocksPerSegment) : IAuditStore
{
    public const string Container = "audit";

    /// <summary>Below Azure's 50,000 so that a segment is closed before storage refuses a block.</summary>
    public const int DefaultMaxBlocksPerSegment = 49_000;

    public int MaxBlocksPerSegment { get; } = maxBlocksPerSegment;

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(Container);
    private volatile bool containerReady;

    // The segment this process appends to per scope, once created or found: one storage call per record instead of two.
    private readonly ConcurrentDictionary<string, int> current = new();

    public async Task AppendAsync(string scope, string line, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        for (var attempt = 0; ; attempt++)
        {
            var segment = await SegmentAsync(scope, cancellationToken);
            try
            {
                var appended = await container.GetAppendBlobClient(BlobName(scope, segment))
                    .AppendBlockAsync(new MemoryStream(bytes), cancellationToken: cancellationToken);
                if (appended.Value.BlobCommittedBlockCount >= MaxBlocksPerSegment)
                    await OpenSegmentAsync(scope, segment + 1, cancellationToken); // the next record starts the next segment
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && attempt < 2)
            {
                // The blob went away since we saw it (a restore, an operator): find the segments again, append once more.
                current.TryRemove(scope, out _);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "BlockCountExceedsLimit" && attempt < 2)
            {
                await OpenSegmentAsync(scope, segment + 1, cancellationToken);
            }
        }
    }

    public async Task<string> ReadAsync(string scope, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        for (var segment = 0; ; segment++)
        {
            try
            {
                var result = await container.GetAppendBlobClient(BlobName(scope, segment)).DownloadContentAsync(cancellationToken);
                text.Append(result.Value.Content.ToString());
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return text.ToString();
            }
        }
    }

    private async Task<int> SegmentAsync(string scope, CancellationToken cancellationToken)
    {
        if (current.TryGetValue(scope, out var known))
            return known;
        if (!containerReady)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            containerReady = true;
        }
        // The last segment that exists (segments are made in order), or the first one, created.
        var last = 0;
        while (await container.GetAppendBlobClient(BlobName(scope, last + 1)).ExistsAsync(cancellationToken))
            last++;
        await container.GetAppendBlobClient(BlobName(scope, last)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return current[scope] = last;
    }

    private async Task OpenSegmentAsync(string scope, int segment, CancellationToken cancellationToken)
    {
        await container.GetAppendBlobClient(BlobName(scope, segment)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        current.AddOrUpdate(scope, segment, (_, known) => Math.Max(known, segment));
    }

    /// <summary>Segment 0 keeps the name logs always had, so that existing logs read on unchanged.</summary>
    public static string BlobName(string scope, int segment = 0) => segment == 0 ? $"{scope}.jsonl" : $"{scope}.{segment}.jsonl";
}
