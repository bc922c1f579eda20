using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Application.Access;
using MouWorkspace.Application.Results;
using MouWorkspace.Web.Audit;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Frontend;

/// <summary>
/// What a page needs to call the application services in-process, with the circuit's user (no loopback request): the
/// caller, a service's problem as the same <see cref="ApiError"/> (status, title, detail) the API would have answered,
/// and, for a change, its audit record.
/// </summary>
public sealed class PageServices(AuthenticationStateProvider authentication, AuditRecords audit, IOptions<JsonOptions> json, ILogger<PageServices> logger)
{
    public async Task<Caller> CallerAsync() => (await authentication.GetAuthenticationStateAsync()).User.ToCaller();

    /// <summary>The value, or the problem thrown as the page's error.</summary>
    public static T Value<T>(AppResult<T> result)
    {
        if (result.Ok)
            return result.Value!;
        var (status, title) = Problems.StatusOf(result.Problem!.Kind);
        throw new ApiError((HttpStatusCode)status, title, result.Problem.Detail);
    }

    /// <summary>
    /// Makes a change through a service, as the API's <see cref="AuditFilter"/> would around the endpoint: the grains mark
    /// its change events as audited here (so the event consumer does not audit them again), and a change made is put on
    /// record as the API operation it is, with the route values (<paramref name="routeValues"/>, in the route's order; the
    /// first is the MOU, whose log it goes to) and the hash of the request record. A refusal is thrown as the page's error
    /// and recorded nowhere, as the API records no refused request.
    /// </summary>
    public async Task<T> ChangeAsync<T>(ApiOperation operation, IReadOnlyList<string> routeValues, object? body, Func<Caller, Task<AppResult<T>>> change)
    {
        if (routeValues.Count != operation.Parameters.Count || operation.Parameters[0] != "mouId")
            throw new ArgumentException($"{operation.Action} takes {string.Join(", ", operation.Parameters)}", nameof(routeValues));
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        RequestContext.Set(ChangeStreams.ViaApiKey, true);
        AppResult<T> result;
        try
        {
            result = await change(user.ToCaller());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What the API's exception handler would have answered: an outage is a 503 that says the change may or may
            // not have been made, anything else a 500 with no internals (and logged).
            var (status, title, detail) = ProblemExceptionHandler.Classify(e, read: false);
            if (status >= 500)
                logger.LogError(e, "Page change {Action} failed", operation.Action);
            throw new ApiError((HttpStatusCode)status, title, detail);
        }
        finally
        {
            RequestContext.Remove(ChangeStreams.ViaApiKey);
        }
        var value = Value(result);
        var target = AuditRecords.Target(operation.Parameters.Zip(routeValues, (name, v) => new KeyValuePair<string, object?>(name, v)));
        var hash = AuditRecords.BodyHash(body is null ? [] : [body], json.Value.SerializerOptions);
        await audit.AppendAsync(AuditScopes.Mou(routeValues[0]), AuditRecords.Entry(user, operation.Action, target, operation.Status, hash));
        return value;
    }
}
