using Gatehouse.Gateway.Policies;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gatehouse.Host.Health;

internal sealed class PoliciesLoadedCheck(PolicyStore policies) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(policies.IsComplete
            ? HealthCheckResult.Healthy("every policy is loaded")
            : HealthCheckResult.Unhealthy("some policies are not loaded"));
}
