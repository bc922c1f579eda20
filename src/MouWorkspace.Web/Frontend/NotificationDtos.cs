namespace MouWorkspace.Web.Frontend;

public sealed record ThreadCommentDto(string Id, string Author, string? MemberState, string Text, string? Quote, DateTimeOffset At);

public sealed record NotificationDto(string Id, string Kind, string MouId, string MouTitle, string? ClauseId, string? ClauseNumber,
    string Summary, string By, DateTimeOffset At, bool Read, string Link, IReadOnlyList<ChangeDto> Diff, IReadOnlyList<ThreadCommentDto> Thread);

public sealed record NotificationFeedDto(int Unread, IReadOnlyList<NotificationDto> Items);

public sealed record FollowDto(string MouId, string? ClauseId, DateTimeOffset Since, bool Following);

public sealed record UnreadDto(int Unread);
