using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
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
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4 * 1024 * 1024);
        services.AddSingleton<IAuditStore, AppendBlobAuditStore>();
        services.AddSingleton<ICommentStore, TableCommentStore>();
        services.AddSingleton<ExportSnapshot>();
        services.AddSingleton<ExportArchive>();
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
        if (app.Services.GetRequiredService<AuthMode>().LocalIssuer)
            api.MapDevTokenEndpoints();
        api.MapAdminEndpoints();
        // Unknown paths answer 404 problem details to anyone, rather than 401 to the anonymous: there is
        // nothing there to protect (and with Entra ID configured, /api/dev/token simply does not exist).
        app.MapFallback(() => Problems.NotFound("there is nothing at this address")).AllowAnonymous();
        api.MapAuditEndpoints();
        api.MapMouEndpoints();
        api.MapClauseEndpoints();
        api.MapDiscussionEndpoints();
        api.MapRevisionEndpoints();
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
}
