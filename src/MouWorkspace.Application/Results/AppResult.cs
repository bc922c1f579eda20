using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Application.Results;

/// <summary>What went wrong, in the application's words; the web host turns it into problem details.</summary>
public enum ProblemKind
{
    NotFound,

    /// <summary>Another organization's record: refused in the words of "not found", so that it reads as absent.</summary>
    NotFoundAsForbidden,
    Forbidden,

    /// <summary>A field of the request is wrong: <see cref="AppProblem.Field"/> names it.</summary>
    Invalid,
    Conflict,
    Unprocessable,
    PreconditionRequired,
    PreconditionFailed,
}

public sealed record AppProblem(ProblemKind Kind, string Detail, string? Field = null)
{
    public static AppProblem NotFound(string detail) => new(ProblemKind.NotFound, detail);

    public static AppProblem Invalid(string field, string detail) => new(ProblemKind.Invalid, detail, field);

    public static AppProblem Forbidden(string detail) => new(ProblemKind.Forbidden, detail);

    /// <summary>A grain's refusal. Grain messages about one field start with "field: …" (the one place that reads them).</summary>
    public static AppProblem From(Failure failure, string? message) => failure switch
    {
        Failure.NotFound => new(ProblemKind.NotFound, message ?? "not found"),
        Failure.Invalid => new(ProblemKind.Invalid, message ?? "invalid", FieldOf(message)),
        Failure.Conflict => new(ProblemKind.Conflict, message ?? "conflict"),
        Failure.PreconditionFailed => new(ProblemKind.PreconditionFailed, message ?? "stale version"),
        Failure.Forbidden => new(ProblemKind.Forbidden, message ?? "forbidden"),
        Failure.Unprocessable => new(ProblemKind.Unprocessable, message ?? "unprocessable"),
        _ => throw new InvalidOperationException("a successful outcome is not a problem"),
    };

    private static string FieldOf(string? message) =>
        message?.IndexOf(':') is > 0 and var i && !message[..i].Contains(' ') ? message[..i] : "request";
}

/// <summary>A service's answer: a value or the problem that stopped it.</summary>
public readonly record struct AppResult<T>(T? Value, AppProblem? Problem)
{
    public bool Ok => Problem is null;

    public static implicit operator AppResult<T>(T value) => new(value, null);

    public static implicit operator AppResult<T>(AppProblem problem) => new(default, problem);

    /// <summary>A value whose type converts no implicit way (an interface such as a list).</summary>
    public static AppResult<T> Of(T value) => new(value, null);

    public static AppResult<T> From<TGrain>(Outcome<TGrain> outcome, Func<TGrain, T> map) =>
        outcome.Ok ? map(outcome.Value!) : AppProblem.From(outcome.Failure, outcome.Message);
}

/// <summary>A service's answer to a command that returns nothing.</summary>
public readonly record struct Done
{
    public static readonly Done Value = default;
}
