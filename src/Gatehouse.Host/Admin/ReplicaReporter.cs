using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Policies;
using Gatehouse.Grains;
using Gatehouse.Grains.Replicas;
using Gatehouse.Upstreams;

namespace Gatehouse.Host.Admin;

/// <summary>This replica's upstreams as its request path holds them: the policy in force and how the last listing went.</summary>
internal sealed class ReplicaReporter(UpstreamCatalog upstreams, PolicyStore policies, ToolCatalog catalog) : IReplicaReporter
{
    public IReadOnlyList<UpstreamReport> Upstreams() =>
        [.. upstreams.Upstreams.Keys.Order(StringComparer.Ordinal).Select(name =>
        {
            policies.TryInForce(name, out var policy);
            var listing = catalog.Listing(name);
            return new UpstreamReport(name, policy?.Revision, policy?.Version, catalog.All(name).Count, listing.ListedAt, listing.FailedAt, listing.Failure);
        })];
}
