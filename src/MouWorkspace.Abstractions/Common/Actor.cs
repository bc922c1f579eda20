namespace MouWorkspace.Abstractions.Common;

/// <summary>Who does something: taken from the signed-in user's token, recorded on every change.</summary>
[GenerateSerializer, Immutable, Alias("mou.actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string? MemberState,
    [property: Id(4)] string Organization)
{
    public const string SystemUserId = "system";

    /// <summary>The application itself, for a change nobody asked for at that moment (a silence deadline passing).</summary>
    public static Actor System(string organization) => new(SystemUserId, "MouWorkspace", "System", null, organization);
}

/// <summary>
/// Who made a change in a Word markup and when, as the file says (<c>w:author</c>, <c>w:date</c>): kept beside the
/// attribution, which stays the delegation that uploaded it.
/// </summary>
[GenerateSerializer, Immutable, Alias("mou.recorded")]
public sealed record Recorded(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset? At);
