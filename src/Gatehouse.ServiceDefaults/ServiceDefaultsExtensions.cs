using Gatehouse.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gatehouse.ServiceDefaults;

/// <summary>Telemetry and health for a Gatehouse replica.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag of the health checks <c>/readyz</c> runs; <c>/healthz</c> runs none (the process answers).</summary>
    public const string ReadyTag = "ready";

    /// <summary>The ActivitySources traced besides ASP.NET Core and HttpClient: Gatehouse's, Orleans' (grain calls across silos) and the MCP SDK's.</summary>
    public static readonly string[] TracedSources =
        [GatehouseTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Experimental.ModelContextProtocol"];

    /// <summary>The Meters exported besides ASP.NET Core, HttpClient and the .NET runtime.</summary>
    public static readonly string[] ExportedMeters = [GatehouseTelemetry.Name, "Microsoft.Orleans"];

    private static readonly string[] UntracedPaths = ["/healthz", "/readyz", "/metrics"];

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // The Gatehouse Meter comes from this host's IMeterFactory, so hosts sharing a process keep apart.
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<GatehouseMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "gatehouse", serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(TracedSources)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !UntracedPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(ExportedMeters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        // OTLP export only where a collector is named, by the standard OTEL_EXPORTER_OTLP_* variables.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary><c>/healthz</c> (alive), <c>/readyz</c> (every check tagged <see cref="ReadyTag"/>), <c>/metrics</c> (Prometheus text).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
