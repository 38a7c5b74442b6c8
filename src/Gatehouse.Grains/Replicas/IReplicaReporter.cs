using Gatehouse.Grains.Replicas;

namespace Gatehouse.Grains;

/// <summary>What the replica's request path holds, as its replica grain reports it (the host provides it).</summary>
public interface IReplicaReporter
{
    IReadOnlyList<UpstreamReport> Upstreams();
}
