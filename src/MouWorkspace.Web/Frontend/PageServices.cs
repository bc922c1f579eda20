using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using MouWorkspace.Application.Access;
using MouWorkspace.Application.Results;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Frontend;

/// <summary>
/// What a page needs to call the application services in-process, with the circuit's user (no loopback request): the
/// caller, and a service's problem as the same <see cref="ApiError"/> (status, title, detail) the API would have answered.
/// </summary>
public sealed class PageServices(AuthenticationStateProvider authentication)
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
}
