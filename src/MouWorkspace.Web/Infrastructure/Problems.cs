using MouWorkspace.Abstractions.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using MouWorkspace.Application.Results;

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
    public static IResult From<T>(Outcome<T> outcome) => From(AppProblem.From(outcome.Failure, outcome.Message));

    /// <summary>The HTTP answer for an application service's problem.</summary>
    public static ProblemHttpResult From(AppProblem problem)
    {
        var (status, title) = StatusOf(problem.Kind);
        return problem.Kind == ProblemKind.Invalid
            ? TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [problem.Field ?? "request"] = [problem.Detail] })
                { Title = title, Detail = problem.Detail, Status = status })
            : TypedResults.Problem(problem.Detail, statusCode: status, title: title);
    }

    /// <summary>The status and title of a problem of this kind: the API's and, for a page calling a service, the page's.</summary>
    public static (int Status, string Title) StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => (404, "Not found"),
        ProblemKind.NotFoundAsForbidden => (403, "Not found"),
        ProblemKind.Forbidden => (403, "Forbidden"),
        ProblemKind.Invalid => (400, "Invalid request"),
        ProblemKind.Conflict => (409, "Conflict"),
        ProblemKind.Unprocessable => (422, "Unprocessable content"),
        ProblemKind.PreconditionRequired => (428, "Precondition required"),
        ProblemKind.PreconditionFailed => (412, "Precondition failed"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
