using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MouWorkspace.ServiceDefaults;

/// <summary>
/// What every process of a deployment gets: OpenTelemetry (logs, metrics, traces over OTLP, collected when
/// Aspire or an operator sets OTEL_EXPORTER_OTLP_ENDPOINT), a liveness check, service discovery and resilient
/// HTTP clients.
/// </summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Telemetry is collected only where it goes somewhere: with no OTLP endpoint (README's single process, the
        // load benchmark) every request would still build spans and metrics for nobody, a tenth of a clause read.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
            builder.Services.AddOpenTelemetry()
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter("Microsoft.Orleans"))
                .WithTracing(t => t.AddSource(builder.Environment.ApplicationName).AddSource("Microsoft.Orleans.Runtime").AddSource("Microsoft.Orleans.Application")
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/alive"))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        // "alive" only says the process answers; readiness (/health) is the app's own (Orleans and storage).
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retries only for GET, HEAD, OPTIONS and TRACE: a POST retried after a timeout published a comment,
            // proposal or position twice (it may have been made the first time).
            http.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/alive", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = r => r.Tags.Contains("live") })
            .AllowAnonymous();
        return app;
    }
}
