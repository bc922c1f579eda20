using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Web.Auth;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Audit;

/// <summary>Marks a read that must be audited all the same (exports: the record of what was circulated).</summary>
public sealed class AuditedAttribute : Attribute;

/// <summary>
/// Appends an audit record for every state change the API makes (every successful non-GET call, and GETs
/// marked <see cref="AuditedAttribute"/>): who, in which role, state and organization, what, on what, and the
/// hash of the content the caller sent. Being a filter on the whole /api group, a new endpoint is audited
/// without anyone remembering to.
/// </summary>
public static class AuditFilterSetup
{
    /// <summary>
    /// The audit filter on every endpoint of the group that can change state (any method but GET) or is marked
    /// <see cref="AuditedAttribute"/>; plain reads get no filter at all. One filter instance per endpoint, made from the
    /// application's singletons, rather than one per request as <c>AddEndpointFilter&lt;T&gt;</c> does.
    /// </summary>
    public static RouteGroupBuilder AddAuditFilter(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint => endpoint.FilterFactories.Add((context, next) =>
        {
            // Runs when the endpoint's handler is built, after every convention: the metadata is complete here.
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
            var audited = methods is null || methods.Count == 0 || methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)) ||
                endpoint.Metadata.OfType<AuditedAttribute>().Any();
            if (!audited)
                return next;
            var filter = ActivatorUtilities.CreateInstance<AuditFilter>(context.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        }));
        return group;
    }
}

public sealed class AuditFilter(AuditRecords records, IOptions<JsonOptions> json, AuditedReads reads) : IEndpointFilter
{
    /// <summary>A handler that knows the hash of what it produced (an export's bytes) leaves it here.</summary>
    public const string ContentHashItem = "audit-content-hash";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // The grains this handler calls mark their change events as made through the API (audited here), so that the
        // event consumer does not audit them a second time.
        RequestContext.Set(ChangeStreams.ViaApiKey, true);
        object? result;
        try
        {
            result = await next(context);
        }
        finally
        {
            RequestContext.Remove(ChangeStreams.ViaApiKey);
        }
        var http = context.HttpContext;
        var audited = !HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>() is not null;
        if (!audited || http.User.Identity?.IsAuthenticated != true)
            return result;
        // A typed union (Results<Ok<T>, ProblemHttpResult>) holds the answer it chose: its status is that answer's.
        var answer = result;
        while (answer is INestedHttpResult nested)
            answer = nested.Result;
        var status = answer is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        if (status is < 200 or >= 300)
            return result;

        var user = http.User;
        var route = "/" + ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "").Trim('/');
        var entry = AuditRecords.Entry(user, $"{http.Request.Method} {route}", AuditRecords.Target(http.Request.RouteValues), status,
            http.Items[ContentHashItem] as string ?? await ContentHashAsync(context, json.Value.SerializerOptions));
        var scope = Scope(http, user, answer);
        // A read (an export) is on record once per user, document and day: reads cannot fill an MOU's log, changes can.
        if (HttpMethods.IsGet(http.Request.Method) && !reads.FirstToday(scope, entry))
            return result;
        await records.AppendAsync(scope, entry);
        return result;
    }

    /// <summary>
    /// An MOU's calls go to its own log, and so does its creation (found from the Location of the answer);
    /// administration to the admin log; the rest (tracking) to the organization's log.
    /// </summary>
    public static string Scope(HttpContext http, ClaimsPrincipal user, object? result)
    {
        if (http.Request.RouteValues.TryGetValue("mouId", out var mouId) && mouId is string id)
            return AuditScopes.Mou(id);
        if (Location(result) is { } location && location.StartsWith("/api/mous/", StringComparison.Ordinal))
            return AuditScopes.Mou(location["/api/mous/".Length..].Split('/')[0]);
        return http.Request.Path.StartsWithSegments("/api/admin") ? AuditScopes.Administration : AuditScopes.Organization(user.Organization());
    }

    private static string? Location(object? result) => result?.GetType().GetProperty("Location")?.GetValue(result) as string;

    /// <summary>SHA-256 of what the caller sent: the bound request bodies, or an uploaded file's bytes.</summary>
    private static async Task<string> ContentHashAsync(EndpointFilterInvocationContext context, JsonSerializerOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var argument in context.Arguments)
        {
            switch (argument)
            {
                case IFormFile file:
                    await using (var stream = file.OpenReadStream())
                        hash.AppendData(await SHA256.HashDataAsync(stream));
                    break;
                case { } body when body.GetType().Name.EndsWith("Request", StringComparison.Ordinal):
                    AuditRecords.AppendBody(hash, body, options);
                    break;
            }
        }
        return AuditRecords.Hex(hash);
    }
}

/// <summary>
/// Which audited reads are on record already: the same user taking the same document (action, target and content
/// hash) again the same day adds no record. Kept per process and bounded (<see cref="Capacity"/> entries; when
/// full, the day's entries are dropped and a repeat may be recorded once more), so the worst case is a record per
/// distinct document per user per day per host — the count of distinct documents grows only with changes, which
/// are themselves on record.
/// </summary>
public sealed class AuditedReads(TimeProvider time)
{
    public const int Capacity = 100_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateOnly> seen = new(StringComparer.Ordinal);

    public bool FirstToday(string scope, AuditEntry entry)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (seen.Count >= Capacity)
            seen.Clear();
        var key = string.Join('\n', scope, entry.UserId, entry.Action, entry.Target, entry.ContentHash);
        var first = true;
        seen.AddOrUpdate(key, today, (_, day) =>
        {
            first = day != today;
            return today;
        });
        return first;
    }
}

