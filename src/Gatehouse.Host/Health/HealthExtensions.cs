using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Gatehouse.Host.Health;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: the silo is active and every policy is loaded.</summary>
internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddGatehouseHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloActiveCheck>("silo", tags: [ReadyTag])
            .AddCheck<PoliciesLoadedCheck>("policies", tags: [ReadyTag]);
        services.AddHostedService<StartupBanner>();
        return services;
    }

    public static WebApplication MapGatehouseHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
