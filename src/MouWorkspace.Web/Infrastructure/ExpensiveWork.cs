using System.Collections.Concurrent;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>Marks an endpoint whose answer costs far more than a read (a document built from a whole text).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ExpensiveAttribute : Attribute;

/// <summary>
/// Bounds expensive work (exports, comparisons of whole texts) so that one reader cannot stall the others: each user
/// runs at most <see cref="PerUser"/> such calls at once (one more answers 429 problem details with Retry-After at
/// once), and the process runs at most <see cref="Total"/> (one core's worth each), a call waiting at most
/// <see cref="QueueWait"/> for its turn before it answers 503 with Retry-After. Cheap reads never wait here.
/// Settings: <c>Expensive:PerUser</c> (default 2), <c>Expensive:Total</c> (default the processor count),
/// <c>Expensive:QueueWaitSeconds</c> (default 10).
/// </summary>
public sealed class ExpensiveWork
{
    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim total;

    public ExpensiveWork(IConfiguration configuration)
    {
        PerUser = Math.Max(1, configuration.GetValue("Expensive:PerUser", 2));
        Total = Math.Max(1, configuration.GetValue("Expensive:Total", Environment.ProcessorCount));
        QueueWait = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Expensive:QueueWaitSeconds", 10)));
        total = new SemaphoreSlim(Total, Total);
    }

    public int PerUser { get; }

    public int Total { get; }

    public TimeSpan QueueWait { get; }

    public async ValueTask<object?> RunAsync(HttpContext http, Func<ValueTask<object?>> work)
    {
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.UserId() : http.Connection.RemoteIpAddress?.ToString() ?? "";
        if (running.AddOrUpdate(user, 1, (_, n) => n + 1) > PerUser)
        {
            Release(user);
            http.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem($"you already have {PerUser} exports or comparisons running; wait for them to finish and ask again",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }
        try
        {
            if (!await total.WaitAsync(QueueWait, http.RequestAborted))
            {
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem("the server is busy building other documents; ask again in a few seconds",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
            }
            try
            {
                return await work();
            }
            finally
            {
                total.Release();
            }
        }
        finally
        {
            Release(user);
        }
    }

    private void Release(string user)
    {
        // Decrement, and drop the entry at zero so that idle users leave nothing behind.
        while (true)
        {
            var n = running[user];
            if (n <= 1 ? running.TryRemove(new KeyValuePair<string, int>(user, n)) : running.TryUpdate(user, n - 1, n))
                return;
        }
    }
}

public static class ExpensiveWorkSetup
{
    /// <summary>The limit on every endpoint of the group marked <see cref="ExpensiveAttribute"/>; the others get no filter.</summary>
    public static RouteGroupBuilder AddExpensiveWorkLimit(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint => endpoint.FilterFactories.Add((context, next) =>
        {
            // Runs when the endpoint's handler is built, after every convention: the metadata is complete here.
            if (!endpoint.Metadata.OfType<ExpensiveAttribute>().Any())
                return next;
            var limit = context.ApplicationServices.GetRequiredService<ExpensiveWork>();
            return invocation => limit.RunAsync(invocation.HttpContext, () => next(invocation));
        }));
        return group;
    }
}
