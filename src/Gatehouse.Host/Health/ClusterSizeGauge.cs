using System.Diagnostics.Metrics;
using Gatehouse.Telemetry;
using Orleans.Runtime;

namespace Gatehouse.Host.Health;

/// <summary><c>gatehouse.cluster.silos</c>: the active silos this replica sees in the cluster.</summary>
internal sealed class ClusterSizeGauge : IHostedService
{
    public ClusterSizeGauge(IClusterMembershipService membership, GatehouseMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge(
            "gatehouse.cluster.silos",
            () => membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active),
            "{silo}",
            "Active silos in the cluster, as this replica sees them.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
