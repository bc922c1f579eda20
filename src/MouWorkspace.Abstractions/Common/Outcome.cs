namespace MouWorkspace.Abstractions.Common;

/// <summary>Why a grain refused a command; the web layer maps each to an HTTP status.</summary>
public enum Failure
{
    None = 0,
    NotFound = 1,
    Invalid = 2,
    Conflict = 3,
    PreconditionFailed = 4,
    Forbidden = 5,
    /// <summary>Well-formed but contrary to the record (an adoption dated before its revision was published): 422.</summary>
    Unprocessable = 6,
}

/// <summary>A command's result: a value, or a failure with a message meant for the user.</summary>
[GenerateSerializer, Immutable, Alias("mou.outcome`1")]
public sealed record Outcome<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] Failure Failure,
    [property: Id(2)] string? Message)
{
    public bool Ok => Failure == Failure.None;

    public static Outcome<T> Success(T value) => new(value, Failure.None, null);

    public static Outcome<T> Fail(Failure failure, string message) => new(default, failure, message);
}
