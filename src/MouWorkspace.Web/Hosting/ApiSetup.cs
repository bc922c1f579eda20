using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Infrastructure;

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
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4 * 1024 * 1024);
    }

    public static void UseMouApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapMouApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        var api = app.MapGroup("/api");
        api.MapDevTokenEndpoints();
        api.MapMouEndpoints();
        api.MapClauseEndpoints();
        api.MapDiscussionEndpoints();
        api.MapRevisionEndpoints();
        api.MapSilenceEndpoints();
        api.MapTccEndpoints();
        api.MapReformItemEndpoints();
    }
}
