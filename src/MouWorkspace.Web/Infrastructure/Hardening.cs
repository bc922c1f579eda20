using System.Globalization;
using System.Security.Claims;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Infrastructure;

/// <summary>Security headers on every answer, and a per-user request budget answered with 429 + Retry-After.</summary>
public static class Hardening
{
    public static void AddMouHardening(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("RateLimit:PermitsPerMinute", 1200);
        builder.Services.AddSingleton(services => new RequestBudget(permits, services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<ExpensiveWork>();
    }

    /// <summary>The per-user request budget (<see cref="RequestBudget"/>); after authentication.</summary>
    public static IApplicationBuilder UseRequestBudget(this IApplicationBuilder app)
    {
        var budget = app.ApplicationServices.GetRequiredService<RequestBudget>();
        var problems = app.ApplicationServices.GetRequiredService<IProblemDetailsService>();
        return app.Use(next => RequestBudget.Middleware(next, budget, problems));
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, http);
        await next(http);
    });
}
