namespace Gatehouse.Grains.Replicas;

/// <summary>
/// One replica's own account of itself, keyed by its silo address (<c>SiloAddress.ToParsableString()</c>). Callers place
/// it on that silo with Orleans' placement hint; an activation that finds itself on another silo answers null and leaves.
/// </summary>
[Alias("Gatehouse.IReplicaGrain")]
public interface IReplicaGrain : IGrainWithStringKey
{
    /// <summary>What the replica holds now: each upstream's policy revision and how it last found the upstream; null off its silo.</summary>
    [Alias("Report")]
    ValueTask<ReplicaReport?> ReportAsync();
}
