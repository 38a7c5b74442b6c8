using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Gatehouse.Host.Health;

/// <summary>Ready only while this replica's silo is an active member of the cluster.</summary>
internal sealed class SiloActiveCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {local.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {local.SiloAddress} is {status}"));
    }
}
