using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MouWorkspace.Abstractions.Clauses;

namespace MouWorkspace.Grains.Clauses;

/// <summary>
/// Comments in the <c>comments</c> table: one entity per comment, partition = the MOU, row = clause id and the
/// comment's number (<c>{clauseId}~00000042</c>; '~' sorts after every character an id may hold, and keys may not
/// hold '/'), so that a clause's comments are one range read in order.
/// Writes are grouped: comments of one MOU that arrive while a write for it is under way go out together in the
/// next entity-group transaction (at most 100 entities, kept well under 4 MB), and each caller is answered once
/// its own comment is stored. A failed transaction is retried one comment at a time, so one bad entity cannot
/// fail its neighbours; a number held by another comment fails only that comment.
/// </summary>
public sealed class TableCommentStore(TableServiceClient tables) : ICommentStore
{
    public const string Table = "comments";

    private const int MaxBatch = 100;
    // Characters of text in one transaction: even escaped as \uXXXX by the JSON writer, well under the 4 MB limit.
    private const int MaxBatchChars = 500_000;

    private readonly TableClient table = tables.GetTableClient(Table);
    private readonly ConcurrentDictionary<string, Partition> partitions = new();
    private volatile bool tableReady;

    public async Task<IReadOnlyList<Comment>> ReadAsync(string mouId, string clauseId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {mouId} and RowKey ge {clauseId + "~"} and RowKey lt {clauseId + "~:"}");
        var comments = new List<Comment>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            comments.Add(FromEntity(entity));
        return comments;
    }

    public Task AddAsync(string mouId, string clauseId, int number, Comment comment, CancellationToken cancellationToken = default) =>
        EnqueueAsync(mouId, new Pending(ToEntity(mouId, clauseId, number, comment), comment.Id, TableTransactionActionType.Add));

    public Task ReplaceAsync(string mouId, string clauseId, int number, Comment comment, CancellationToken cancellationToken = default) =>
        EnqueueAsync(mouId, new Pending(ToEntity(mouId, clauseId, number, comment), comment.Id, TableTransactionActionType.UpsertReplace));

    private Task EnqueueAsync(string mouId, Pending pending)
    {
        var partition = partitions.GetOrAdd(mouId, _ => new Partition());
        bool start;
        lock (partition)
        {
            partition.Queue.Add(pending);
            start = !partition.Writing;
            partition.Writing = true;
        }
        if (start)
            _ = Task.Run(() => WriteAllAsync(partition));
        return pending.Done.Task;
    }

    private async Task WriteAllAsync(Partition partition)
    {
        while (true)
        {
            List<Pending> batch;
            lock (partition)
            {
                if (partition.Queue.Count == 0)
                {
                    partition.Writing = false;
                    return;
                }
                batch = Take(partition.Queue);
            }
            await WriteAsync(batch);
        }
    }

    private static List<Pending> Take(List<Pending> queue)
    {
        var (count, chars) = (0, 0);
        while (count < queue.Count && count < MaxBatch && (count == 0 || chars + queue[count].Chars <= MaxBatchChars))
            chars += queue[count++].Chars;
        // One entity per row in a transaction: a second change of the same comment waits for the next one.
        var rows = new HashSet<string>();
        var batch = new List<Pending>();
        foreach (var pending in queue.Take(count))
            if (rows.Add(pending.Entity.RowKey))
                batch.Add(pending);
        foreach (var pending in batch)
            queue.Remove(pending);
        return batch;
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await EnsureTableAsync(CancellationToken.None);
            if (batch.Count == 1)
                await WriteOneAsync(batch[0]);
            else
                await table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(p.Action, p.Entity)));
            foreach (var pending in batch)
                pending.Done.TrySetResult();
        }
        catch (Exception ex) when (batch.Count > 1 && ex is TableTransactionFailedException)
        {
            foreach (var pending in batch)
            {
                try
                {
                    await WriteOneAsync(pending);
                    pending.Done.TrySetResult();
                }
                catch (Exception one)
                {
                    pending.Done.TrySetException(one);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
                pending.Done.TrySetException(ex);
        }
    }

    private async Task WriteOneAsync(Pending pending)
    {
        if (pending.Action != TableTransactionActionType.Add)
        {
            await table.UpsertEntityAsync(pending.Entity, TableUpdateMode.Replace);
            return;
        }
        try
        {
            await table.AddEntityAsync(pending.Entity);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Stored by an earlier attempt whose answer was lost, or the number is another comment's.
            var held = await table.GetEntityAsync<TableEntity>(pending.Entity.PartitionKey, pending.Entity.RowKey);
            if (held.Value.GetString(nameof(Comment.Id)) != pending.CommentId)
                throw new InvalidOperationException($"comment number {pending.Entity.RowKey} is held by another comment", ex);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (tableReady)
            return;
        await table.CreateIfNotExistsAsync(cancellationToken);
        tableReady = true;
    }

    private static TableEntity ToEntity(string mouId, string clauseId, int number, Comment c)
    {
        var entity = new TableEntity(mouId, $"{clauseId}~{number.ToString("D8", CultureInfo.InvariantCulture)}")
        {
            [nameof(Comment.Id)] = c.Id,
            [nameof(Comment.Author)] = c.Author,
            [nameof(Comment.Text)] = c.Text,
            [nameof(Comment.At)] = c.At,
            [nameof(Comment.Resolved)] = c.Resolved,
            [nameof(Comment.DraftVersion)] = c.DraftVersion,
        };
        // Table storage takes no null values: an absent property is the null.
        foreach (var (name, value) in new (string, object?)[]
        {
            (nameof(Comment.MemberState), c.MemberState), (nameof(Comment.Quote), c.Quote), (nameof(Comment.ReplyTo), c.ReplyTo),
            (nameof(Comment.ResolvedBy), c.ResolvedBy), (nameof(Comment.ResolvedAt), c.ResolvedAt), (nameof(Comment.AuthorId), c.AuthorId),
            (nameof(Comment.RecordedBy), c.RecordedBy), (nameof(Comment.RecordedAt), c.RecordedAt),
        })
        {
            if (value is not null)
                entity[name] = value;
        }
        return entity;
    }

    private static Comment FromEntity(TableEntity e) => new(
        e.GetString(nameof(Comment.Id)), e.GetString(nameof(Comment.Author)), e.GetString(nameof(Comment.MemberState)),
        e.GetString(nameof(Comment.Text)), e.GetString(nameof(Comment.Quote)), e.GetString(nameof(Comment.ReplyTo)),
        e.GetDateTimeOffset(nameof(Comment.At)) ?? default, e.GetBoolean(nameof(Comment.Resolved)) ?? false,
        e.GetInt32(nameof(Comment.DraftVersion)) ?? 0, e.GetString(nameof(Comment.ResolvedBy)), e.GetDateTimeOffset(nameof(Comment.ResolvedAt)),
        e.GetString(nameof(Comment.AuthorId)), e.GetString(nameof(Comment.RecordedBy)), e.GetDateTimeOffset(nameof(Comment.RecordedAt)));

    private sealed class Partition
    {
        public List<Pending> Queue { get; } = [];

        public bool Writing { get; set; }
    }

    private sealed record Pending(TableEntity Entity, string CommentId, TableTransactionActionType Action)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Chars { get; } = 1_000 + (Entity.GetString(nameof(Comment.Text))?.Length ?? 0) + (Entity.GetString(nameof(Comment.Quote))?.Length ?? 0);
    }
}
