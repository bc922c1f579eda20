using MouWorkspace.Abstractions.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using MouWorkspace.Application.Results;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>Every error the API gives is an RFC 9457 problem details body with a fitting status.</summary>
public static class Problems
{
    public static IResult NotFound(string detail) => From(new AppProblem(ProblemKind.NotFound, detail));

    public static IResult Invalid(string field, string message) => From(AppProblem.Invalid(field, message));

    public static IResult Forbidden(string detail) => From(new AppProblem(ProblemKind.Forbidden, detail));

    /// <summary>Another organization's record: 403 as the contract says, in the words of a 404, so that it reads as absent.</summary>
    public static IResult NotFoundAs403(string detail) => From(new AppProblem(ProblemKind.NotFoundAsForbidden, detail));

    public static IResult Conflict(string detail) => From(new AppProblem(ProblemKind.Conflict, detail));

    public static IResult Unprocessable(string detail) => From(new AppProblem(ProblemKind.Unprocessable, detail));

    public static IResult PreconditionRequired(string detail) => From(new AppProblem(ProblemKind.PreconditionRequired, detail));

    public static IResult PreconditionFailed(string detail) => From(new AppProblem(ProblemKind.PreconditionFailed, detail));

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
