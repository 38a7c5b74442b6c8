using Gatehouse.Grains.Replicas;
using Orleans.Runtime;

namespace Gatehouse.Grains;

/// <summary>Answers for the silo it runs on, and only if that is the silo its key names.</summary>
internal sealed class ReplicaGrain(ILocalSiloDetails local, IReplicaReporter reporter, TimeProvider time) : Grain, IReplicaGrain
{
    public ValueTask<ReplicaReport?> ReportAsync()
    {
        var here = local.SiloAddress.ToParsableString();
        if (!string.Equals(this.GetPrimaryKeyString(), here, StringComparison.Ordinal))
        {
            // Placed elsewhere (the named silo was gone when this activation was made): this silo cannot speak for it.
            DeactivateOnIdle();
            return ValueTask.FromResult<ReplicaReport?>(null);
        }

        return ValueTask.FromResult<ReplicaReport?>(new ReplicaReport(here, time.GetUtcNow(), reporter.Upstreams()));
    }
}
