using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using MouWorkspace.Web.Webhooks;
using Microsoft.AspNetCore.Routing;
using MouWorkspace.Application;
using MouWorkspace.Grains.Audit;
using MouWorkspace.Grains.Clauses;
using MouWorkspace.Web.Audit;
using MouWorkspace.Web.Documents;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;
using MouWorkspace.Web.Languages;
using MouWorkspace.Web.Search;

namespace MouWorkspace.Web.Hosting;

public static class ApiSetup
{
    public static void AddMouApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        // Bad JSON must reach the exception handler as a problem details answer, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddMouHealthChecks();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            k.AddServerHeader = false; // no "Server: Kestrel" banner on every answer
        });
        services.AddSingleton<IAuditStore>(sp => new AppendBlobAuditStore(sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(),
            builder.Configuration.GetValue("Audit:MaxBlocksPerSegment", AppendBlobAuditStore.DefaultMaxBlocksPerSegment)));
        services.AddSingleton<ICommentStore, TableCommentStore>();
        services.AddApplicationServices();
        services.AddSingleton<ExportSnapshot>();
        services.AddSingleton<ExportArchive>();
        // Test-only crash points (see TestPoints): inert unless Testing:MarkerDir is set.
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            return new MouWorkspace.Grains.Testing.TestPoints(config["Testing:MarkerDir"], new Dictionary<string, int>
            {
                [MouWorkspace.Grains.Testing.TestPoints.ExportArchive] = config.GetValue("Testing:ExportArchiveDelayMs", 0),
                [MouWorkspace.Grains.Testing.TestPoints.Import] = config.GetValue("Testing:ImportDelayMs", 0),
            });
        });
        services.AddSingleton(sp => new AuditedReads(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<AuditRecords>();
        builder.AddMouHardening();
    }

    public static void UseMouApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication, so that the budget is per user rather than per address.
        app.UseRequestBudget();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapMouApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        var api = app.MapGroup("/api");
        api.AddAuditFilter();
        api.AddExpensiveWorkLimit();
        if (app.Services.GetRequiredService<AuthMode>().LocalIssuer)
        {
            if (!app.Environment.IsDevelopment())
                app.Logger.LogWarning("The local sign-in is on in the {Environment} environment (LocalAuth:Enabled=true): anyone can take " +
                    "any role through POST /api/dev/token and /signin. Configure Microsoft Entra ID for real use.", app.Environment.EnvironmentName);
            api.MapDevTokenEndpoints();
        }
        api.MapAdminEndpoints();
        // Unknown paths answer 404 problem details to anyone, rather than 401 to the anonymous: there is
        // nothing there to protect (and with Entra ID configured, /api/dev/token simply does not exist).
        app.MapFallback(UnmatchedAsync).AllowAnonymous();
        api.MapAuditEndpoints();
        api.MapMouEndpoints();
        api.MapIdentityEndpoints();
        api.MapClauseEndpoints();
        api.MapDiscussionEndpoints();
        api.MapRevisionEndpoints();
        api.MapActivityEndpoints();
        api.MapWebhookEndpoints();
        api.MapAmendmentEndpoints();
        api.MapDocumentEndpoints();
        api.MapAkomaNtosoEndpoints();
        api.MapSilenceEndpoints();
        api.MapNotificationEndpoints();
        api.MapTccEndpoints();
        api.MapReformItemEndpoints();
        api.MapProgressEndpoints();
        api.MapProjectionEndpoints();
        api.MapLanguageEndpoints();
        api.MapSearchEndpoints();
    }

    /// <summary>
    /// What no endpoint took. Routing passes over an endpoint whose body type the request does not send (a JSON call
    /// without <c>Content-Type: application/json</c>), so such a call lands here too: it answers 415 saying what to
    /// send, not 404 "nothing here". Everything else is 404 problem details. The endpoints that take a body are read
    /// and their templates parsed once, at the first unmatched call, not on each one.
    /// </summary>
    private static IResult UnmatchedAsync(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path.Value ?? "/";
        var method = http.Request.Method;
        // Per application (its endpoint source), not per process: two hosts in one process have different endpoints.
        var bodyEndpoints = BodyEndpointsOf.GetValue(endpoints, BodyEndpoints);
        foreach (var (methods, matcher, accepts) in bodyEndpoints)
        {
            if (methods.Contains(method) && matcher.TryMatch(path, new RouteValueDictionary()))
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                    detail: $"send the body as {string.Join(" or ", accepts.ContentTypes)}" +
                        (string.IsNullOrEmpty(http.Request.ContentType) ? " (the request named no Content-Type)" : $", not {http.Request.ContentType}"));
        }
        return Problems.NotFound("there is nothing at this address");
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EndpointDataSource, IReadOnlyList<(IReadOnlyList<string>,
        Microsoft.AspNetCore.Routing.Template.TemplateMatcher, Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata)>> BodyEndpointsOf = new();

    private static IReadOnlyList<(IReadOnlyList<string>, Microsoft.AspNetCore.Routing.Template.TemplateMatcher,
        Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata)> BodyEndpoints(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains('*', StringComparison.Ordinal))
            .Select(e => (Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods,
                Accepts: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>(), Raw: e.RoutePattern.RawText!))
            .Where(e => e.Methods is not null && e.Accepts is not null)
            .Select(e => (e.Methods!, new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(e.Raw.TrimStart('/')), new RouteValueDictionary()), e.Accepts!))
            .ToArray();
}
