using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Diagnostics;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>
/// Turns what escapes a handler into problem details without internal names or stack traces:
/// unreadable bodies are the caller's fault (4xx), storage or cluster outages are 503, the rest is a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Classify(exception, HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
        if (status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = null,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The status and words for an exception: the API's answer, and a page's error for a service call made in-process.</summary>
    public static (int Status, string Title, string Detail) Classify(Exception exception, bool read) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, "Malformed request body", json.Path is { Length: > 1 } path ? $"The JSON body is not valid for this call at {path}." : "The request body is not valid JSON for this call."),
        BadHttpRequestException bad when bad.StatusCode == 413 => (413, "Request body too large", "The request body is larger than this call accepts."),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request could not be read: check the body, its content type and the parameters."),
        // A read changed nothing. A write that timed out or lost its storage mid-way may have been made or not: the
        // server cannot know, so it does not say "nothing was changed".
        _ when IsOutage(exception) && read =>
            (503, "Service unavailable", "Storage or the cluster is not available right now. Try again shortly."),
        _ when IsOutage(exception) =>
            (503, "Service unavailable", "Storage or the cluster did not answer in time: the change may or may not have been made. " +
                "Read it back before you try again."),
        _ => (500, "Unexpected error", "The server failed to handle the request; it has been logged."),
    };

    /// <summary>
    /// Storage or the cluster failing, however deep the grain runtime wrapped it (a storage provider's error
    /// inside an activation failure, a refused connection inside a storage error).
    /// </summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++, exception = exception.InnerException)
        {
            switch (exception)
            {
                case RequestFailedException { Status: 0 or 408 or >= 500 }:
                case RequestFailedException { ErrorCode: "OperationTimedOut" }:
                case TimeoutException or HttpRequestException or System.Net.Sockets.SocketException or IOException:
                case Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException:
                case Orleans.Storage.InconsistentStateException:
                case TaskCanceledException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;
            }
        }
        return false;
    }
}
