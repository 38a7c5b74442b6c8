using Gatehouse.Grains.Replicas;

namespace Gatehouse.Grains;

/// <summary>A silo without a request path (e.g. a test silo) has no upstreams to report.</summary>
public sealed class NoReplicaReporter : IReplicaReporter
{
    public IReadOnlyList<UpstreamReport> Upstreams() => [];
}
