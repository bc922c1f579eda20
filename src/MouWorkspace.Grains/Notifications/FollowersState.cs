using MouWorkspace.Abstractions.Notifications;

namespace MouWorkspace.Grains.Notifications;

[GenerateSerializer, Alias("notify.followers-state")]
public sealed class FollowersState
{
    /// <summary>Everyone who follows the MOU or one of its clauses, by user id.</summary>
    [Id(0)] public Dictionary<string, Follower> Users { get; set; } = [];
    [Id(1)] public HashSet<string> MouFollowers { get; set; } = [];
    [Id(2)] public Dictionary<string, HashSet<string>> ClauseFollowers { get; set; } = [];
    [Id(3)] public List<DeadlineNotice> Deadlines { get; set; } = [];

    /// <summary>
    /// When each follow began, by <c>{userId}/{clauseId}</c> (<c>{userId}/*</c> for the whole MOU): a change made
    /// before someone followed is not theirs, even when its one-way message arrives after the follow.
    /// </summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> Since { get; set; } = [];

    public static string SinceKey(string userId, string? clauseId) => $"{userId}/{clauseId ?? "*"}";

    public bool Follows(string userId) =>
        MouFollowers.Contains(userId) || ClauseFollowers.Values.Any(users => users.Contains(userId));
}

/// <summary>A notice to give <see cref="Before"/> the deadline of the silence procedure on <see cref="Revision"/>.</summary>
[GenerateSerializer, Alias("notify.deadline")]
public sealed class DeadlineNotice
{
    [Id(0)] public int Revision { get; set; }
    [Id(1)] public DateTimeOffset Deadline { get; set; }
    [Id(2)] public TimeSpan Before { get; set; }
    [Id(3)] public bool Given { get; set; }

    public DateTimeOffset Due => Deadline - Before;

    public string ReminderName => $"silence-{Revision}-{(int)Before.TotalMinutes}m";
}
