using MouWorkspace.Abstractions.Common;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>Every error the API gives is an RFC 9457 problem details body with a fitting status.</summary>
public static class Problems
{
    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404, title: "Not found");

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid request", detail: message);

    public static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: 403, title: "Forbidden");

    /// <summary>Another organization's record: 403 as the contract says, in the words of a 404, so that it reads as absent.</summary>
    public static IResult NotFoundAs403(string detail) => TypedResults.Problem(detail, statusCode: 403, title: "Not found");

    public static IResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: 409, title: "Conflict");

    public static IResult Unprocessable(string detail) => TypedResults.Problem(detail, statusCode: 422, title: "Unprocessable content");

    public static IResult PreconditionRequired(string detail) => TypedResults.Problem(detail, statusCode: 428, title: "Precondition required");

    public static IResult PreconditionFailed(string detail) => TypedResults.Problem(detail, statusCode: 412, title: "Precondition failed");

    /// <summary>The HTTP answer for a grain's refusal.</summary>
    public static IResult From<T>(Outcome<T> outcome) => outcome.Failure switch
    {
        Failure.NotFound => NotFound(outcome.Message ?? "not found"),
        Failure.Invalid => Invalid(FieldOf(outcome.Message), outcome.Message ?? "invalid"),
        Failure.Conflict => Conflict(outcome.Message ?? "conflict"),
        Failure.PreconditionFailed => PreconditionFailed(outcome.Message ?? "stale version"),
        Failure.Forbidden => Forbidden(outcome.Message ?? "forbidden"),
        Failure.Unprocessable => Unprocessable(outcome.Message ?? "unprocessable"),
        _ => throw new InvalidOperationException("a successful outcome is not a problem"),
    };

    /// <summary>Grain messages about one field start with "field: …".</summary>
    private static string FieldOf(string? message) =>
        message?.IndexOf(':') is > 0 and var i && !message[..i].Contains(' ') ? message[..i] : "request";
}
