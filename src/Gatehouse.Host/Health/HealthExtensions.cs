using Gatehouse.ServiceDefaults;

namespace Gatehouse.Host.Health;

/// <summary>What <c>/readyz</c> checks: the silo is active in the cluster and every policy is loaded.</summary>
internal static class HealthExtensions
{
    public static IServiceCollection AddGatehouseHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloActiveCheck>("silo", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddCheck<PoliciesLoadedCheck>("policies", tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddHostedService<StartupBanner>();
        services.AddHostedService<ClusterSizeGauge>();
        services.AddHostedService<ResumptionStoreGauges>();
        services.AddHostedService<SessionProcessGauge>();
        return services;
    }
}
