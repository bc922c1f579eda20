using System.Net;

namespace MouWorkspace.Web.Frontend;

/// <summary>A problem details answer, carried to the page that made the call so that it can say what went wrong.</summary>
public sealed class ApiError(HttpStatusCode status, string title, string? detail) : Exception(detail ?? title)
{
    public HttpStatusCode Status { get; } = status;

    public string Title { get; } = title;

    public string Detail => Message;
}
