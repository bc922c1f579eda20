using Microsoft.AspNetCore.Http.HttpResults;
using MouWorkspace.Application.Results;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>An application service's answer as a typed HTTP result (so that OpenAPI reads the success type from the handler).</summary>
public static class ServiceResults
{
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(this AppResult<T> result) =>
        result.Ok ? TypedResults.Ok(result.Value) : Problems.From(result.Problem!);

    public static Results<NoContent, ProblemHttpResult> NoContentOr(this AppResult<Done> result) =>
        result.Ok ? TypedResults.NoContent() : Problems.From(result.Problem!);
}
