using MouWorkspace.Abstractions.Clauses;

namespace MouWorkspace.Grains.Clauses;

/// <summary>
/// Where a clause's comments live: apart from the clause's blob, one small record each, so that a comment costs
/// one write of its own size rather than a rewrite of the clause with every comment before it. Comments are
/// numbered per clause (1, 2, …) in the order they were made; a number is written once and then only replaced
/// by the same comment resolved or reopened. <c>clauseId</c> names whose discussion it is: a clause id, or
/// <c>{clauseId}.{language}</c> for a clause's language version.
/// </summary>
public interface ICommentStore
{
    /// <summary>The clause's comments, in order.</summary>
    Task<IReadOnlyList<Comment>> ReadAsync(string mouId, string clauseId, CancellationToken cancellationToken = default);

    /// <summary>Stores comment number <paramref name="number"/>; fails if another comment holds that number.</summary>
    Task AddAsync(string mouId, string clauseId, int number, Comment comment, CancellationToken cancellationToken = default);

    /// <summary>Stores comment number <paramref name="number"/> over whatever it held: a new state of the same comment.</summary>
    Task ReplaceAsync(string mouId, string clauseId, int number, Comment comment, CancellationToken cancellationToken = default);
}

/// <summary>For grain unit tests.</summary>
public sealed class MemoryCommentStore : ICommentStore
{
    private readonly Dictionary<(string, string), SortedDictionary<int, Comment>> clauses = [];

    public Task<IReadOnlyList<Comment>> ReadAsync(string mouId, string clauseId, CancellationToken cancellationToken = default)
    {
        lock (clauses)
            return Task.FromResult<IReadOnlyList<Comment>>(clauses.TryGetValue((mouId, clauseId), out var c) ? [.. c.Values] : []);
    }

    public Task AddAsync(string mouId, string clauseId, int number, Comment comment, CancellationToken cancellationToken = default)
    {
        lock (clauses)
        {
            if (!clauses.TryGetValue((mouId, clauseId), out var c))
                clauses[(mouId, clauseId)] = c = [];
            if (c.TryGetValue(number, out var held) && held.Id != comment.Id)
                throw new InvalidOperationException($"comment number {number} of clause {clauseId} is taken");
            c[number] = comment;
        }
        return Task.CompletedTask;
    }

    public Task ReplaceAsync(string mouId, string clauseId, int number, Comment comment, CancellationToken cancellationToken = default)
    {
        lock (clauses)
        {
            if (!clauses.TryGetValue((mouId, clauseId), out var c))
                clauses[(mouId, clauseId)] = c = [];
            c[number] = comment;
        }
        return Task.CompletedTask;
    }
}
